/**
 * k8s/split-list-item: one list item written as two, e.g.
 *     - name: redis
 *     - image: redis123
 * The first item lacks a required field that the next item has, and the next item has nothing the
 * first one has. Safe fix: turn the second `-` into a space, joining the items.
 */
import { isMap, type Node, type YAMLMap, type YAMLSeq, isPair } from 'yaml';
import type { WalkContext, Visit } from '../ast.ts';
import { keyText, deref } from '../ast.ts';
import { formatFieldPath, ruleUrl } from '../diagnostic.ts';
import { codeList, say, sayFix } from '../../messages.ts';
import type { K8sRule } from './rule.ts';
import { shortTypeName } from '../schema.ts';
import { lineStartOf } from '../text-lines.ts';

const RULE = 'k8s/split-list-item';

function keysOf(map: YAMLMap): string[] {
  return map.items.filter(isPair).map((p) => keyText(p)).filter((k): k is string => k !== undefined);
}

export function checkSplitListItems(visit: Visit, ctx: WalkContext): void {
  const seq = visit.node as YAMLSeq;
  if (seq.flow) return;
  const itemType = ctx.schema.resolve(visit.shape.items);
  const required = itemType?.shape.req ?? [];
  if (!required.length) return;
  for (let i = 0; i + 1 < seq.items.length; i++) {
    const first = deref(seq.items[i], ctx);
    const second = deref(seq.items[i + 1], ctx);
    if (!isMap(first) || !isMap(second) || first.flow || second.flow) continue;
    const firstKeys = keysOf(first as YAMLMap);
    const secondKeys = keysOf(second as YAMLMap);
    const missing = required.filter((r) => !firstKeys.includes(r));
    if (!missing.length || !missing.some((r) => secondKeys.includes(r))) continue;
    if (secondKeys.some((k) => firstKeys.includes(k))) continue;
    if (!required.every((r) => firstKeys.includes(r) || secondKeys.includes(r))) continue;
    const secondStart = (second as Node).range![0];
    const lineStart = lineStartOf(ctx.text, secondStart);
    const dash = ctx.text.lastIndexOf('-', secondStart - 1);
    if (dash < lineStart || ctx.text.slice(lineStart, dash).trim() !== '' || ctx.text.slice(dash + 1, secondStart).trim() !== '') continue;
    const firstKeyColumn = (first as YAMLMap).items[0].key ? ((first as YAMLMap).items[0].key as Node).range![0] - lineStartOf(ctx.text, ((first as YAMLMap).items[0].key as Node).range![0]) : -1;
    if (firstKeyColumn !== secondStart - lineStart) continue;
    ctx.explainedRequired.add((first as Node).range![0]);
    ctx.explainedRequired.add(secondStart);
    const list = String(visit.path[visit.path.length - 1]);
    ctx.findings.push({
      ruleId: RULE,
      severity: 'error',
      ...say('rule.k8s/split-list-item.split', { list, fields: codeList(secondKeys, ', '), type: shortTypeName(itemType?.typeName), missing: codeList(missing, ', ') }),
      start: dash,
      end: dash + 1,
      fieldPath: formatFieldPath([...visit.path, i + 1]),
      url: ruleUrl(RULE),
      fix: { safe: true, ...sayFix('fix.k8s/split-list-item.join'), edits: [{ start: dash, end: dash + 1, text: ' ' }] },
    });
    i++;
  }
}

export const splitListItemRule: K8sRule = { id: RULE, seqEnter: checkSplitListItems };
