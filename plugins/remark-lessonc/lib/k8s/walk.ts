/**
 * The validator: a walker over the `yaml` AST and the compact schema. Each rule lives in rules/ and is
 * called where the walker meets what it checks (a map, a list, a scalar, a Container, ObjectMeta).
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
import { isMap, isScalar, isAlias, isPair, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Shape } from './schema-types.ts';
import { type KubernetesSchema, shortTypeName } from './schema.ts';
import { type K8sDiagnostic, type PathSegment } from './diagnostic.ts';
import { checkScalarType, checkCollectionType } from './rules/type.ts';
import { checkEnum } from './rules/enum.ts';
import { checkUnknownField } from './rules/unknown-field.ts';
import { checkRequired } from './rules/required.ts';
import { checkListMapDuplicates } from './rules/duplicate-key.ts';
import { checkSplitListItems } from './rules/split-list-item.ts';
import { checkObjectName, checkContainerName } from './rules/dns-name.ts';
import { checkLabels } from './rules/label.ts';
import { checkImageName } from './rules/image-name.ts';
import { MAX_ALIAS_COUNT } from '../yaml/parse.ts';

export interface WalkContext {
  schema: KubernetesSchema;
  text: string;
  doc: Document.Parsed;
  findings: K8sDiagnostic[];
  /** Fragments are excerpts: required fields are not expected. */
  fragment: boolean;
  /** Kind of the top-level object (for name rules). */
  kind?: string;
  aliasBudget: number;
  /** Offsets of map/seq nodes whose required-field findings another rule explained. */
  explainedRequired: Set<number>;
}

export interface Visit {
  node: Node;
  path: PathSegment[];
  /** The pair holding this node as its value (for positions of the field name). */
  pair?: Pair;
  /** The visit of the map that holds this node's pair. */
  parent?: Visit;
  shape: Shape;
  typeName?: string;
}

export function deref(node: unknown, ctx: WalkContext): Node | null {
  let current = node;
  while (isAlias(current)) {
    if (--ctx.aliasBudget < 0) return null;
    current = current.resolve(ctx.doc);
  }
  return (current as Node) ?? null;
}

export function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return key.value === null ? undefined : String(key.value);
  return undefined;
}

export function isNullNode(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

export function walkValue(node: Node | null, shape: Shape, path: PathSegment[], ctx: WalkContext, pair?: Pair, parent?: Visit): void {
  const resolved = ctx.schema.resolve(shape);
  if (!resolved || isNullNode(node)) return;
  const target = resolved.shape;
  const typeName = resolved.typeName;
  const visit: Visit = { node: node!, path, pair, parent, shape: target, typeName };
  if (target.t === 'any') return;
  if (target.t === 'object') {
    if (!checkCollectionType(visit, 'object', ctx)) return;
    walkMap(visit, ctx);
    return;
  }
  if (target.t === 'array') {
    if (!checkCollectionType(visit, 'array', ctx)) return;
    const seq = node as YAMLSeq;
    // Before the items: it tells required (run per item) which missing fields it explains.
    checkSplitListItems(visit, ctx);
    seq.items.forEach((item, index) => {
      walkValue(deref(item, ctx), target.items ?? { t: 'any' }, [...path, index], ctx, undefined, visit);
    });
    checkListMapDuplicates(visit, ctx);
    return;
  }
  if (!checkScalarType(visit, ctx)) return;
  checkEnum(visit, ctx);
}

function walkMap(visit: Visit, ctx: WalkContext): void {
  const map = visit.node as YAMLMap;
  const shape = visit.shape;
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const key = keyText(pair);
    if (key === undefined || key === '<<') continue;
    const value = deref(pair.value, ctx);
    const field = shape.p?.[key];
    if (field) {
      walkValue(value, field, [...visit.path, key], ctx, pair, visit);
    } else if (shape.add) {
      walkValue(value, shape.add, [...visit.path, key], ctx, pair, visit);
    } else if (!shape.open) {
      checkUnknownField(visit, pair, key, ctx);
    }
  }
  checkRequired(visit, ctx);
  const short = shortTypeName(visit.typeName);
  if (short === 'ObjectMeta') {
    checkObjectName(visit, ctx);
    checkLabels(visit, ctx);
  }
  if (short === 'LabelSelector') checkLabels(visit, ctx);
  if (short === 'Container' || short === 'EphemeralContainer') {
    checkContainerName(visit, ctx);
    checkImageName(visit, ctx);
  }
}

/** The pair of a map whose key is `name`. */
export function findPair(map: YAMLMap, name: string): Pair | undefined {
  return map.items.find((pair): pair is Pair => isPair(pair) && keyText(pair) === name);
}

/** Value node of a field in a map visit. */
export function fieldNode(visit: Visit, field: string, ctx: WalkContext): { pair: Pair; node: Node | null } | undefined {
  const pair = isMap(visit.node) ? findPair(visit.node as YAMLMap, field) : undefined;
  return pair ? { pair, node: deref(pair.value, ctx) } : undefined;
}

/** Range used to point at a whole value: its field name when it has one, else the node. */
export function anchorRange(visit: Visit): [number, number] {
  const key = visit.pair?.key as Node | undefined;
  if (key?.range) return [key.range[0], key.range[1]];
  const range = visit.node.range!;
  return [range[0], Math.max(range[0] + 1, Math.min(range[1], range[0] + 40))];
}

export function nodeRange(node: Node): [number, number] {
  const range = node.range!;
  return [range[0], Math.max(range[1], range[0] + 1)];
}

export function newWalkContext(schema: KubernetesSchema, text: string, doc: Document.Parsed, fragment: boolean): WalkContext {
  return { schema, text, doc, findings: [], fragment, aliasBudget: MAX_ALIAS_COUNT, explainedRequired: new Set() };
}
