/**
 * k8s/unknown-field: a field the type does not have (the API server rejects unknown fields). Names
 * the nearest valid field; a single nearest field within edit distance 2 is a safe rename
 * (`apiVerison` -> `apiVersion`, `comand` -> `command`). A field valid one level up or down is
 * reported by k8s/misplaced-field instead.
 */
import { type Node, type Pair, type YAMLMap, isPair } from 'yaml';
import type { WalkContext, Visit } from '../walk.ts';
import { keyText } from '../walk.ts';
import { formatFieldPath, ruleUrl } from '../diagnostic.ts';
import { shortTypeName } from '../schema.ts';
import { nearestNames } from '../../edit-distance.ts';
import { misplacedField } from './misplaced-field.ts';

const RULE = 'k8s/unknown-field';

export function checkUnknownField(visit: Visit, pair: Pair, key: string, ctx: WalkContext): void {
  const fields = Object.keys(visit.shape.p ?? {});
  const present = new Set((visit.node as YAMLMap).items.filter(isPair).map((p) => keyText(p)));
  const nearest = nearestNames(key, fields.filter((f) => !present.has(f)));
  if (!nearest.names.length) {
    const misplaced = misplacedField(visit, pair, key, ctx);
    if (misplaced) {
      ctx.findings.push(misplaced);
      return;
    }
  }
  const keyNode = pair.key as Node;
  const [start, end] = [keyNode.range![0], keyNode.range![1]];
  const typeName = shortTypeName(visit.typeName);
  let expected: string;
  if (nearest.names.length) expected = `expected ${nearest.names.map((n) => `\`${n}\``).join(' or ')}`;
  else if (fields.length <= 8) expected = `expected one of ${fields.map((n) => `\`${n}\``).join(', ')}`;
  else expected = `not a field of \`${typeName}\``;
  const rename = nearest.names.length === 1 && ctx.text.slice(start, end) === key ? nearest.names[0] : undefined;
  ctx.findings.push({
    ruleId: RULE,
    severity: 'error',
    message: `Unexpected field \`${key}\` in \`${typeName}\`, ${expected}`,
    start,
    end,
    fieldPath: formatFieldPath([...visit.path, key]),
    url: ruleUrl(RULE),
    fix: rename ? { safe: true, description: `Replace \`${key}\` with \`${rename}\``, edits: [{ start, end, text: rename }] } : undefined,
  });
}
