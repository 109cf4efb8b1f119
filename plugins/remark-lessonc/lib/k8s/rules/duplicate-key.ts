/**
 * k8s/duplicate-key: two items of a list-map with the same key (two containers named `web`, two
 * ports with the same containerPort and protocol). Keys missing from an item take their schema
 * default (`protocol` defaults to TCP), as on the API server. Duplicate env names are accepted
 * (the later one wins), so they are a warning. Duplicate keys inside one YAML map are yaml/duplicate-key.
 */
import { isMap, isScalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { WalkContext, Visit } from '../ast.ts';
import { findPair, deref, nodeRange } from '../ast.ts';
import { formatFieldPath, ruleUrl } from '../diagnostic.ts';
import { codeList, say } from '../../messages.ts';
import type { K8sRule } from './rule.ts';
import { shortTypeName } from '../schema.ts';

const RULE = 'k8s/duplicate-key';

export function checkListMapDuplicates(visit: Visit, ctx: WalkContext): void {
  const keys = visit.shape.keys;
  if (!keys?.length) return;
  const itemType = ctx.schema.resolve(visit.shape.items);
  const seen = new Map<string, number>();
  (visit.node as YAMLSeq).items.forEach((raw, index) => {
    const item = deref(raw, ctx);
    if (!isMap(item)) return;
    const values: unknown[] = [];
    for (const key of keys) {
      const pair = findPair(item as YAMLMap, key);
      const value = pair && isScalar(pair.value) ? pair.value.value : undefined;
      values.push(value ?? itemType?.shape.p?.[key]?.def);
    }
    if (values.some((v) => v === undefined || v === null)) return;
    const id = JSON.stringify(values);
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, index);
      return;
    }
    const [start, end] = nodeRange(item);
    const env = shortTypeName(itemType?.typeName) === 'EnvVar';
    ctx.findings.push({
      ruleId: RULE,
      severity: env ? 'warning' : 'error',
      ...say('rule.k8s/duplicate-key.item', { list: String(visit.path[visit.path.length - 1]), values: keys.map((k, i) => `\`${k}: ${String(values[i])}\``).join(', '), keys: codeList(keys, ' + '), first }),
      start,
      end: Math.min(end, ctx.text.indexOf('\n', start) < 0 ? end : ctx.text.indexOf('\n', start)),
      fieldPath: formatFieldPath([...visit.path, index]),
      url: ruleUrl(RULE),
    });
  });
}

export const duplicateKeyRule: K8sRule = { id: RULE, seq: checkListMapDuplicates };
