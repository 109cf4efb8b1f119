/**
 * What an editor asks about a manifest or fragment: which Kubernetes field is under the cursor (its
 * type and the schema's description) and which fields can be written at the cursor. Both read the
 * lenient outline the checker uses, at the tab width the checker chose, so they work on the tab-broken,
 * half-typed YAML an author has in front of them, not only on YAML that parses.
 */
import type { SnippetMeta } from '../types.ts';
import { classifyWithSchema } from '../k8s/classify.ts';
import { rootTypesFor } from '../k8s/check.ts';
import { buildOutline, resolveOutline, type Outline, type OutlineEntry } from '../k8s/outline.ts';
import { loadDescribedSchema, shortTypeName, type KubernetesSchema, type ResolvedShape } from '../k8s/schema.ts';
import type { Shape } from '../k8s/schema-types.ts';
import { chooseTabWidth, type RootTypes } from '../k8s/tab-width.ts';
import { hasTabIndent, visualColumn } from '../yaml/tab-indent.ts';
import { lineEndOf, lineStartOf } from '../k8s/text-lines.ts';

/** A field as the schema describes it. */
export interface FieldSummary {
  name: string;
  /** `integer`, `Probe`, `[]Container`, `map[string]string`. */
  type: string;
  description?: string;
  required: boolean;
  /** Values the field allows, when the schema lists them. */
  allowed?: (string | number)[];
}

/** The field written under the cursor. */
export interface FieldAtCursor extends FieldSummary {
  /** `spec.containers[].livenessProbe.periodSeconds`. */
  path: string;
  /** Short name of the type the field belongs to (`Probe`). */
  owner?: string;
  /** Offsets of the key in the snippet text. */
  start: number;
  end: number;
}

export interface FieldCompletions {
  /** Offsets of the partly typed name the suggestions replace (empty at a fresh line). */
  start: number;
  end: number;
  fields: FieldSummary[];
}

interface ReadSnippet {
  schema: KubernetesSchema;
  outline: Outline;
  rootTypes: (ResolvedShape | null)[];
  tabWidth: number;
}

/** The outline of a Kubernetes snippet resolved against the schema; undefined for other YAML. */
function readSnippet(text: string, meta: SnippetMeta, kubernetesVersion: string, classifyText = text): ReadSnippet | undefined {
  // With descriptions: a completion item shows the field's.
  const schema = loadDescribedSchema(kubernetesVersion);
  const classification = classifyWithSchema(classifyText, meta, schema);
  if (classification.kind === 'yaml') return undefined;
  const rootTypes: RootTypes = rootTypesFor(schema, classification);
  const tabWidth = hasTabIndent(classifyText) ? chooseTabWidth(classifyText, schema, rootTypes) : 4;
  const outline = buildOutline(text, tabWidth);
  const roots = rootTypes(outline);
  resolveOutline(outline, schema, roots);
  return { schema, outline, rootTypes: roots, tabWidth };
}

/**
 * The shape of an entry's value, read down from the document's type. A key its map does not have but
 * another type does (`livenessProbe` under `spec`, which `k8s/misplaced-field` reports) is read as
 * that type's field, so what is written under it is still explained.
 */
function valueShape(read: ReadSnippet, entry: OutlineEntry): ResolvedShape | null {
  const owner = ownerShape(read, entry.parent, entry.doc);
  if (entry.kind === 'item') return owner?.shape.t === 'array' ? read.schema.resolve(owner.shape.items) ?? null : owner?.shape.t === 'any' ? owner : null;
  const field = fieldIn(read, owner, entry);
  return field ? read.schema.resolve(field.shape) ?? null : null;
}

function ownerShape(read: ReadSnippet, parent: OutlineEntry | undefined, doc: number): ResolvedShape | null {
  return parent ? valueShape(read, parent) : read.rootTypes[doc] ?? null;
}

/** The schema's entry for a key: in its own map, or else in the type it was misplaced from. */
function fieldIn(read: ReadSnippet, owner: ResolvedShape | null, entry: OutlineEntry): { shape: Shape; owner: ResolvedShape; name: string } | undefined {
  const name = entry.fieldName ?? entry.key!;
  if (owner?.shape.t === 'any') return { shape: { t: 'any' }, owner, name };
  const own = owner?.shape.p?.[name] ?? owner?.shape.add;
  if (owner && own) return { shape: own, owner, name };
  if (owner?.shape.open) return { shape: { t: 'any' }, owner, name };
  const elsewhere = read.schema
    .typesWithField(name)
    .sort((a, b) => Number(!a.startsWith('io.k8s.api.core.v1.')) - Number(!b.startsWith('io.k8s.api.core.v1.')) || a.length - b.length || a.localeCompare(b))[0];
  const type = elsewhere ? read.schema.type(elsewhere) : undefined;
  return type ? { shape: type.shape.p![name]!, owner: type, name } : undefined;
}

/** Go-like type names, as `kubectl explain` prints them. */
export function typeLabel(shape: Shape | undefined, schema: KubernetesSchema): string {
  if (!shape) return 'value';
  if (shape.ref) {
    const target = schema.resolve(shape)?.shape;
    return target && target.t !== 'object' ? typeLabel({ ...target, ref: undefined }, schema) : shortTypeName(shape.ref);
  }
  if (shape.t === 'array') return `[]${typeLabel(shape.items, schema)}`;
  if (shape.t === 'object' && shape.add) return `map[string]${typeLabel(shape.add, schema)}`;
  return shape.t ?? 'value';
}

function summarize(name: string, field: Shape, owner: Shape, schema: KubernetesSchema): FieldSummary {
  const resolved = schema.resolve(field)?.shape;
  const allowed = field.enum ?? resolved?.enum;
  return {
    name,
    type: typeLabel(field, schema),
    ...(field.d ?? resolved?.d ? { description: field.d ?? resolved?.d } : {}),
    required: owner.req?.includes(name) ?? false,
    ...(allowed ? { allowed } : {}),
  };
}

function pathOf(entry: OutlineEntry): string {
  const parts: string[] = [];
  for (let at: OutlineEntry | undefined = entry; at; at = at.parent) parts.unshift(at.kind === 'item' ? '[]' : at.fieldName ?? at.key!);
  return parts.join('.').replace(/\.\[\]/g, '[]');
}

/** The field whose name is under `offset` (an offset into the snippet text), if the schema knows it. */
export function fieldAt(text: string, offset: number, meta: SnippetMeta, kubernetesVersion = '1.32'): FieldAtCursor | undefined {
  const read = readSnippet(text, meta, kubernetesVersion);
  if (!read) return undefined;
  const entry = read.outline.entries.find((e) => e.kind === 'key' && e.keyStart! <= offset && offset <= e.keyEnd!);
  if (!entry) return undefined;
  const field = fieldIn(read, ownerShape(read, entry.parent, entry.doc), entry);
  if (!field || !field.owner.shape.p?.[field.name]) return undefined;
  const owner = field.owner;
  return { ...summarize(field.name, field.shape, owner.shape, read.schema), path: pathOf(entry), ...(owner.typeName ? { owner: shortTypeName(owner.typeName) } : {}), start: entry.keyStart!, end: entry.keyEnd! };
}

/**
 * The fields that can be written where the cursor is: the cursor's line, read up to the cursor, is
 * indentation, maybe a list dash, and a partly typed name; its indentation says which map it belongs
 * to (the nearest line above indented less). Fields already written in that map are left out.
 */
export function fieldCompletions(text: string, offset: number, meta: SnippetMeta, kubernetesVersion = '1.32'): FieldCompletions | undefined {
  const lineStart = lineStartOf(text, offset);
  const typed = /^([ \t]*)((?:-[ \t]+)*)([A-Za-z_][\w.-]*)?$/.exec(text.slice(lineStart, offset));
  if (!typed) return undefined;
  const [, indent, dashes, partial = ''] = typed as unknown as [string, string, string, string | undefined];
  const lineEnd = lineEndOf(text, offset);
  // The line being typed is left out of the outline: a half-typed name is not structure yet.
  const withoutLine = text.slice(0, lineStart) + (text[lineEnd - 1] === '\n' ? '\n' : '') + text.slice(lineEnd);
  const read = readSnippet(withoutLine, meta, kubernetesVersion, text);
  if (!read) return undefined;
  const line = text.slice(0, lineStart).split('\n').length - 1;
  const doc = text.slice(0, lineStart).split('\n').filter((l) => /^(---|\.\.\.)(\s|$)/.test(l)).length;
  const dashColumn = visualColumn(indent, read.tabWidth);
  const keyColumn = dashColumn + dashes.length;
  const above = read.outline.entries.filter((e) => e.line < line && e.doc === doc).at(-1);
  let parent: OutlineEntry | undefined;
  for (let at = above; at && !parent; at = at.parent) {
    // A new list item (`- `) belongs to the key whose list it continues; a plain key to the map it is indented under.
    const fits = dashes ? (at.kind === 'key' ? at.col <= dashColumn : at.contentCol <= dashColumn) : at.kind === 'key' ? at.col < keyColumn : at.contentCol <= keyColumn;
    if (fits) parent = at;
  }
  let owner = ownerShape(read, parent, doc);
  if (owner && dashes) owner = owner.shape.t === 'array' ? read.schema.resolve(owner.shape.items) ?? null : null;
  if (!owner || owner.shape.t !== 'object' || !owner.shape.p) return undefined;
  const written = new Set((parent && !dashes ? parent.children : dashes ? [] : read.outline.roots[doc] ?? []).flatMap((e) => (e.kind === 'key' ? [e.fieldName ?? e.key!] : [])));
  const fields = Object.entries(owner.shape.p)
    .filter(([name]) => !written.has(name) && name.startsWith(partial))
    .map(([name, field]) => summarize(name, field, owner.shape, read.schema))
    .sort((a, b) => Number(b.required) - Number(a.required) || a.name.localeCompare(b.name));
  return { start: offset - partial.length, end: offset, fields };
}

export interface ValueCompletions {
  /** Offsets of the partly typed value the suggestions replace. */
  start: number;
  end: number;
  field: FieldSummary;
  values: (string | number | boolean)[];
}

/** The values a field allows, when the cursor is after `field: ` and the schema lists them (or it is a boolean). */
export function valueCompletions(text: string, offset: number, meta: SnippetMeta, kubernetesVersion = '1.32'): ValueCompletions | undefined {
  const lineStart = lineStartOf(text, offset);
  const typed = /^[ \t]*(?:-[ \t]+)*[A-Za-z_][\w.-]*:[ \t]+([\w.-]*)$/.exec(text.slice(lineStart, offset));
  if (!typed) return undefined;
  const read = readSnippet(text, meta, kubernetesVersion);
  const entry = read?.outline.entries.find((e) => e.kind === 'key' && e.lineStart === lineStart);
  if (!read || !entry) return undefined;
  const field = fieldIn(read, ownerShape(read, entry.parent, entry.doc), entry);
  if (!field?.owner.shape.p?.[field.name]) return undefined;
  const summary = summarize(field.name, field.shape, field.owner.shape, read.schema);
  const values = summary.allowed ?? (summary.type === 'boolean' ? [true, false] : undefined);
  const partial = typed[1]!;
  return values ? { start: offset - partial.length, end: offset, field: summary, values: values.filter((value) => String(value).startsWith(partial)) } : undefined;
}
