/**
 * k8s/unknown-field: a field the type does not have (the API server rejects unknown fields). Names
 * the nearest valid field; a single nearest field within edit distance 2 is a safe rename
 * (`apiVerison` -> `apiVersion`, `comand` -> `command`). A field valid one level up or down is
 * reported by k8s/misplaced-field instead.
 */
import { type Node, type Pair, type YAMLMap, type YAMLSeq, isPair, isMap, isSeq } from 'yaml';
import type { WalkContext, Visit } from '../ast.ts';
import { deref, keyText } from '../ast.ts';
import { formatFieldPath, ruleUrl } from '../diagnostic.ts';
import { shortTypeName } from '../schema.ts';
import { nearestNames } from '../../edit-distance.ts';
import { misplacedField } from './misplaced-field.ts';
import { codeList, say, sayFix } from '../../messages.ts';
import type { K8sRule } from './rule.ts';

const RULE = 'k8s/unknown-field';

/** A map, or a list of maps: a value with fields of its own under it. */
function holdsFields(node: Node | null, ctx: WalkContext): boolean {
  if (isMap(node)) return (node as YAMLMap).items.length > 0;
  return isSeq(node) && (node as YAMLSeq).items.some((item) => isMap(deref(item, ctx)));
}

/** Reports `key`; returns the field to check its value as when the key is a single near match of one. */
export function checkUnknownField(visit: Visit, pair: Pair, key: string, ctx: WalkContext): string | undefined {
  const fields = Object.keys(visit.shape.p ?? {});
  const present = new Set((visit.node as YAMLMap).items.filter(isPair).map((p) => keyText(p)));
  const nearest = nearestNames(key, fields.filter((f) => !present.has(f)));
  if (!nearest.names.length) {
    const misplaced = misplacedField(visit, pair, key, ctx);
    if (misplaced) {
      ctx.findings.push(misplaced);
      return undefined;
    }
  }
  const keyNode = pair.key as Node;
  const [start, end] = [keyNode.range![0], keyNode.range![1]];
  const typeName = shortTypeName(visit.typeName);
  const single = nearest.names.length === 1 ? nearest.names[0] : undefined;
  // Below a single near match the value is checked as that field, in the same pass.
  const checkAs = single && holdsFields(deref(pair.value, ctx), ctx) ? single : undefined;
  const text = checkAs
    ? say('rule.k8s/unknown-field.checkedAs', { field: key, type: typeName, expected: checkAs })
    : nearest.names.length
    ? say('rule.k8s/unknown-field.nearest', { field: key, type: typeName, expected: codeList(nearest.names, ' or ') })
    : fields.length <= 8
      ? say('rule.k8s/unknown-field.oneOf', { field: key, type: typeName, expected: codeList(fields, ', ') })
      : say('rule.k8s/unknown-field.notAField', { field: key, type: typeName });
  const rename = nearest.names.length === 1 && ctx.text.slice(start, end) === key ? nearest.names[0] : undefined;
  ctx.findings.push({
    ruleId: RULE,
    severity: 'error',
    ...text,
    start,
    end,
    fieldPath: formatFieldPath([...visit.path, key]),
    url: ruleUrl(RULE),
    fix: rename ? { safe: true, ...sayFix('fix.replace', { found: key, expected: rename }), edits: [{ start, end, text: rename }] } : undefined,
  });
  return single;
}

export const unknownFieldRule: K8sRule = { id: RULE, unknownField: checkUnknownField };
