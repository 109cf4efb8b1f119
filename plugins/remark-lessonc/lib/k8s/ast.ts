/**
 * What the Kubernetes rules share: the walk context, a visit (one node with its schema shape and
 * place), and helpers over the `yaml` AST. Rules and the walker import this module; the walker
 * calls rules through the registry in rules/index.ts, so no rule imports the walker.
 */
import { isMap, isScalar, isAlias, isPair, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Shape } from './schema-types.ts';
import type { KubernetesSchema } from './schema.ts';
import type { K8sDiagnostic, PathSegment } from './diagnostic.ts';
import { MAX_ALIAS_COUNT } from '../yaml/parse.ts';
import { containsPlaceholder, isPlaceholder } from '../placeholder.ts';

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
  /** Fields of this map written with a near typo (`spce` for `spec`) and checked as the field. */
  standIns?: Map<string, Pair>;
}

export function newWalkContext(schema: KubernetesSchema, text: string, doc: Document.Parsed, fragment: boolean): WalkContext {
  return { schema, text, doc, findings: [], fragment, aliasBudget: MAX_ALIAS_COUNT, explainedRequired: new Set() };
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

/**
 * A value the author left for the reader to fill in (`<image>`, `${NAME}`, `...`), judged on its
 * source text: `{claimName}` parses as a flow map with one key and a null value.
 */
export function isPlaceholderNode(node: Node | null, text: string): boolean {
  if (!node?.range) return false;
  const source = text.slice(node.range[0], node.range[1]);
  // A scalar with a placeholder in it (`nginx:<tag>`, `web-${ENV}`, `<size>Mi`) cannot be judged either.
  if (isScalar(node)) return containsPlaceholder(source);
  return isMap(node) && !!(node as YAMLMap).flow && isPlaceholder(source);
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
