/**
 * The validator: a walker over the `yaml` AST and the compact schema. It calls the rules of the
 * registry (rules/index.ts) where it meets what they check: every value, a scalar, a map, a list, an
 * unknown field, the top-level object. Rules import only ast.ts, never this module.
 *
 * Why a walker and not ajv (measured by bench/k8s.bench.ts on the 186 corpus snippets): ajv needs the
 * schema translated to JSON Schema, 40 ms to add it and ~390 ms to compile the 19 kinds the corpus
 * uses, then validates a document in 0.06 ms; the whole lessonc check of a snippet (YAML parse,
 * classification, all rules) takes 1.7 ms mean, 5.7 ms p95. ajv's per-document speed does not matter
 * at that size, its compile time costs more than checking a whole lesson, and what it returns (JSON
 * pointers, first failing oneOf branch) has no YAML positions, no nearest field, no move or quoting
 * fix. Walking the `yaml` AST gives every node's exact range, all problems in one pass, and a place
 * for each rule to build its fix.
 */
import { isPair, type Pair, type YAMLMap, type YAMLSeq, type Node } from 'yaml';
import type { Shape } from './schema-types.ts';
import type { PathSegment } from './diagnostic.ts';
import { deref, isNullNode, isPlaceholderNode, keyText, type Visit, type WalkContext } from './ast.ts';
import { k8sRules, type K8sRule } from './rules/index.ts';
import { isPlaceholder } from '../placeholder.ts';


/** Walks a value against its shape; returns the visit it made (undefined when there was nothing to check). */
export function walkValue(node: Node | null, shape: Shape, path: PathSegment[], ctx: WalkContext, pair?: Pair, parent?: Visit, rules: readonly K8sRule[] = k8sRules): Visit | undefined {
  const resolved = ctx.schema.resolve(shape);
  if (!resolved || isNullNode(node)) return undefined;
  // A placeholder stands for any value: nothing to check in it.
  if (isPlaceholderNode(node, ctx.text)) return undefined;
  const target = resolved.shape;
  const visit: Visit = { node: node!, path, pair, parent, shape: target, typeName: resolved.typeName };
  if (target.t === 'any') return visit;
  for (const rule of rules) if (rule.value && !rule.value(visit, ctx)) return visit;
  if (target.t === 'object') {
    walkMap(visit, ctx, rules);
    for (const rule of rules) rule.map?.(visit, ctx);
    return visit;
  }
  if (target.t === 'array') {
    // Before the items: split-list-item tells required (run per item) which missing fields it explains.
    for (const rule of rules) rule.seqEnter?.(visit, ctx);
    (node as YAMLSeq).items.forEach((item, index) => {
      walkValue(deref(item, ctx), target.items ?? { t: 'any' }, [...path, index], ctx, undefined, visit, rules);
    });
    for (const rule of rules) rule.seq?.(visit, ctx);
    return visit;
  }
  for (const rule of rules) rule.scalar?.(visit, ctx);
  return visit;
}

function walkMap(visit: Visit, ctx: WalkContext, rules: readonly K8sRule[]): void {
  const map = visit.node as YAMLMap;
  const shape = visit.shape;
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const key = keyText(pair);
    if (key === undefined || key === '<<') continue;
    const value = deref(pair.value, ctx);
    const field = shape.p?.[key];
    if (field) {
      walkValue(value, field, [...visit.path, key], ctx, pair, visit, rules);
    } else if (shape.add) {
      walkValue(value, shape.add, [...visit.path, key], ctx, pair, visit, rules);
    } else if (!shape.open && !isPlaceholder(key)) {
      let checkAs: string | undefined;
      for (const rule of rules) checkAs ??= rule.unknownField?.(visit, pair, key, ctx);
      const near = checkAs ? shape.p?.[checkAs] : undefined;
      if (near) {
        (visit.standIns ??= new Map()).set(checkAs!, pair);
        walkValue(value, near, [...visit.path, checkAs!], ctx, pair, visit, rules);
      }
    }
  }
}

/** Walks the top-level object of a manifest and runs the document rules on it. */
export function walkDocument(root: Visit, ctx: WalkContext, rules: readonly K8sRule[] = k8sRules): void {
  const walked = walkValue(root.node, { ref: root.typeName! }, [], ctx, undefined, undefined, rules) ?? root;
  for (const rule of rules) rule.document?.(walked, ctx);
}
