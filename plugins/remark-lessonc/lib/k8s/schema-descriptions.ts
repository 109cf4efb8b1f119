/**
 * The schema's one-sentence field descriptions, kept apart from the shapes. Checking a snippet and
 * grading a quiz answer never read them, yet they were 60 % of the compact schema: every CLI start
 * and every worker parsed them (about 190 KB), and the learner's browser downloaded them with the
 * manifest grader. Only a lesson page's field hints (k8s/field-docs.ts) and the editor's completion
 * (assist/yaml-fields.ts) use them: those load the schema with its descriptions put back.
 *
 * The descriptions file mirrors the shapes: for each named type, the `d` of every shape under it,
 * reached through the same `p` (properties), `add` (map values) and `items` (array items).
 */
import type { CompactSchema, Shape } from './schema-types.ts';

/** The descriptions under one shape, by the same keys the shape nests by. */
export interface DescriptionTree {
  d?: string;
  p?: Record<string, DescriptionTree>;
  add?: DescriptionTree;
  items?: DescriptionTree;
}

export interface SchemaDescriptions {
  version: string;
  /** Named type → the descriptions in it (types without any are left out). */
  types: Record<string, DescriptionTree>;
}

/** The keys under which a shape holds one nested shape (`p` holds a map of them). */
const NESTED = ['add', 'items'] as const;

/** A shape without its descriptions, and the descriptions it had (undefined when none). */
function splitShape(shape: Shape): { shape: Shape; tree: DescriptionTree | undefined } {
  // The nested shapes go back after the rest, in the order the generator first wrote them.
  const { d, p, add: _add, items: _items, ...rest } = shape;
  const lean: Shape = rest;
  const tree: DescriptionTree = d === undefined ? {} : { d };
  if (p) {
    lean.p = {};
    for (const [name, field] of Object.entries(p)) {
      const split = splitShape(field);
      lean.p[name] = split.shape;
      if (split.tree) (tree.p ??= {})[name] = split.tree;
    }
  }
  for (const key of NESTED) {
    const nested = shape[key];
    if (!nested) continue;
    const split = splitShape(nested);
    lean[key] = split.shape;
    if (split.tree) tree[key] = split.tree;
  }
  return { shape: lean, tree: Object.keys(tree).length > 0 ? tree : undefined };
}

/** The schema without descriptions, and the descriptions (scripts/gen-k8s-schema.ts writes both). */
export function splitDescriptions(schema: CompactSchema): { schema: CompactSchema; descriptions: SchemaDescriptions } {
  const types: CompactSchema['types'] = {};
  const described: SchemaDescriptions['types'] = {};
  for (const [name, type] of Object.entries(schema.types)) {
    const split = splitShape(type);
    types[name] = split.shape;
    if (split.tree) described[name] = split.tree;
  }
  return { schema: { ...schema, types }, descriptions: { version: schema.version, types: described } };
}

/** The shape with the descriptions of `tree` put back. */
function describeShape(shape: Shape, tree: DescriptionTree | undefined): Shape {
  if (!tree) return shape;
  const described: Shape = { ...shape };
  if (shape.p) {
    described.p = {};
    for (const [name, field] of Object.entries(shape.p)) described.p[name] = describeShape(field, tree.p?.[name]);
  }
  for (const key of NESTED) {
    const nested = shape[key];
    if (nested) described[key] = describeShape(nested, tree[key]);
  }
  if (tree.d !== undefined) described.d = tree.d;
  return described;
}

/** `schema` with `descriptions` put back: what the schema was before `splitDescriptions`. */
export function withDescriptions(schema: CompactSchema, descriptions: SchemaDescriptions): CompactSchema {
  const types: CompactSchema['types'] = {};
  for (const [name, type] of Object.entries(schema.types)) types[name] = describeShape(type, descriptions.types[name]);
  return { ...schema, types };
}
