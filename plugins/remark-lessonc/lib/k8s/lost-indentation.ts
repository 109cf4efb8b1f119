/**
 * k8s/lost-indentation: YAML whose indentation was lost entirely (every line at column 0, as when a
 * manifest is pasted through a tool that strips leading spaces). The schema says where each key
 * belongs, so the structure is rebuilt: a key goes into the deepest open object that has it as a
 * field, a `- ` starts an item of the deepest open list. When some key or item could go to more
 * than one place, the deepest is taken and the fix is unsafe; when a key fits nowhere, nothing is
 * offered. The output is in canonical indentation (lib/yaml/canonical-indent.ts).
 */
import type { Edit } from '../types.ts';
import type { K8sDiagnostic } from './diagnostic.ts';
import { ruleUrl } from './diagnostic.ts';
import type { KubernetesSchema } from './schema.ts';
import type { Shape } from './schema-types.ts';
import { lineSpans, type LineSpan } from '../yaml/lines.ts';
import { parseYamlDocuments } from '../yaml/parse.ts';
import { say, sayFix } from '../messages.ts';
import { isPlaceholder } from '../placeholder.ts';

const RULE = 'k8s/lost-indentation';

interface Frame {
  /** Output column of this frame's keys (objects) or dashes (lists). */
  column: number;
  shape: Shape;
  list: boolean;
  /** Keys the object has so far. */
  keys?: Set<string>;
}

interface Rebuilt {
  columns: number[];
  unique: boolean;
}

const KEY_LINE = /^(?<dash>- +)?(?<key>[^\s#:'"{[][^:#]*?|"[^"]*"|'[^']*'):(?<rest>\s.*|)$/;

/** The type of a flattened manifest's document, from its `apiVersion` and `kind` lines. */
function rootTypeOf(schema: KubernetesSchema, lines: string[]): string | undefined {
  const value = (name: string) => lines.map((l) => new RegExp(`^${name}:\\s*["']?([^"'#\\s]+)`).exec(l)?.[1]).find(Boolean);
  const kind = value('kind');
  if (!kind) return undefined;
  return schema.typeForKind(value('apiVersion') ?? '', kind) ?? schema.newestTypeForKind(kind);
}

function fieldShape(schema: KubernetesSchema, shape: Shape, key: string): Shape | undefined {
  const resolved = schema.resolve(shape)?.shape;
  if (!resolved || resolved.t !== 'object') return undefined;
  return resolved.p?.[key] ?? resolved.add ?? (resolved.open ? { t: 'any' } : undefined);
}

function kindOf(schema: KubernetesSchema, shape: Shape): string | undefined {
  return schema.resolve(shape)?.shape.t;
}

/** Whether a value written as `rest` (empty: a block follows) fits a field of this shape. */
function fits(schema: KubernetesSchema, shape: Shape, rest: string): boolean {
  const t = kindOf(schema, shape);
  const value = rest.replace(/\s+#.*$/, '').trim();
  if (t === 'any' || isPlaceholder(value)) return true;
  if (value === '') return t === 'object' || t === 'array';
  if (/^[|>]/.test(value)) return t !== 'object' && t !== 'array';
  if (value.startsWith('{')) return t === 'object';
  if (value.startsWith('[')) return t === 'array';
  return t !== 'object' && t !== 'array';
}

/** Columns for the lines of one document, or undefined when some key fits nowhere. */
function rebuild(schema: KubernetesSchema, rootType: string, lines: string[]): Rebuilt | undefined {
  const stack: Frame[] = [{ column: 0, shape: { ref: rootType }, list: false }];
  const columns: number[] = [];
  let unique = true;
  let pendingComments: number[] = [];
  let open: Shape | undefined;
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '' || line.startsWith('#') || line === '---') {
      if (line.startsWith('#')) pendingComments.push(index);
      columns.push(0);
      continue;
    }
    const match = KEY_LINE.exec(line);
    const dash = match?.groups?.dash ?? (/^- +|^-$/.exec(line)?.[0]);
    let column: number;
    // The line right after `key:` that fits under it is its first entry, not a sibling somewhere out.
    let opened = false;
    // What the previous key opened: an object's keys or a list's items come next.
    if (open) {
      const t = kindOf(schema, open);
      const parent = stack[stack.length - 1]!;
      const inner = parent.list ? parent.column + 2 : parent.column;
      // Otherwise the opened field was left empty and this line belongs further out.
      const before = stack.length;
      if (t === 'array' && dash) stack.push({ column: inner, shape: schema.resolve(open)?.shape.items ?? { t: 'any' }, list: true });
      else if (t === 'object' && !dash) stack.push({ column: inner + 2, shape: open, list: false });
      opened = stack.length > before;
      open = undefined;
    }
    if (dash) {
      // The open lists whose items can start with this line.
      const itemKey = match?.groups ? unquote(match.groups.key!) : undefined;
      const lists = stack
        .map((frame, i) => (frame.list && itemFits(schema, frame.shape, itemKey, match?.groups?.rest ?? line.slice(dash.length)) ? i : -1))
        .filter((i) => i >= 0);
      if (!lists.length) return undefined;
      const at = lists[lists.length - 1]!;
      if (lists.length > 1 && !(opened && at === stack.length - 1)) unique = false;
      stack.length = at + 1;
      const list = stack[at]!;
      column = list.column;
      if (match?.groups) {
        // `- key: value`: the item is an object whose first key is on the dash line.
        const field = fieldShape(schema, list.shape, unquote(match.groups.key!));
        if (!field || !fits(schema, field, match.groups.rest!)) return undefined;
        stack.push({ column: column + dash.length, shape: list.shape, list: false, keys: new Set([unquote(match.groups.key!)]) });
        if (match.groups.rest!.trim() === '' || /^\s*#/.test(match.groups.rest!)) open = field;
      }
    } else {
      if (!match?.groups) return undefined;
      const key = unquote(match.groups.key!);
      const rest = match.groups.rest!;
      const candidates: number[] = [];
      for (let i = stack.length - 1; i >= 0; i--) {
        const frame = stack[i]!;
        if (frame.list) continue;
        const field = fieldShape(schema, frame.shape, key);
        // An object holds each key once: a key it already has goes further out.
        if (field && !frame.keys?.has(key) && fits(schema, field, rest)) candidates.push(i);
      }
      if (!candidates.length) return undefined;
      // A key written twice in one object is a new place, not the same one.
      const at = candidates[0]!;
      if (candidates.length > 1 && !(opened && at === stack.length - 1)) unique = false;
      stack.length = at + 1;
      column = stack[at]!.column;
      (stack[at]!.keys ??= new Set()).add(key);
      if (rest.trim() === '' || /^\s*#/.test(rest)) open = fieldShape(schema, stack[at]!.shape, key);
    }
    for (const comment of pendingComments) columns[comment] = column;
    pendingComments = [];
    columns.push(column);
  }
  return { columns, unique };
}

/** Whether an item of a list with items of `shape` can start with `- key: rest` (or `- rest`). */
function itemFits(schema: KubernetesSchema, shape: Shape, key: string | undefined, rest: string): boolean {
  const t = kindOf(schema, shape);
  if (t === 'any') return true;
  if (key === undefined) return t !== 'object' && t !== 'array' ? true : rest.trim() === '' || /^[[{]/.test(rest.trim());
  if (t !== 'object') return false;
  const field = fieldShape(schema, shape, key);
  return !!field && fits(schema, field, rest);
}

function unquote(key: string): string {
  return /^["'].*["']$/.test(key) ? key.slice(1, -1) : key.trim();
}

/** The lost-indentation finding for a snippet, if its lines are all at column 0 and the schema rebuilds them. */
export function lostIndentation(text: string, schema: KubernetesSchema, assumedTypeName: string | undefined): K8sDiagnostic | undefined {
  const flat = flatLines(text);
  return flat && rebuiltFinding(flat, schema, assumedTypeName);
}

/** A snippet's lines when it reads as flattened (at least three content lines, none indented, one opening a block). */
interface FlatLines {
  spans: LineSpan[];
  lines: string[];
}

function flatLines(text: string): FlatLines | undefined {
  const spans = lineSpans(text);
  const lines = spans.map((s) => text.slice(s.start, s.end));
  const content = lines.filter((l) => l.trim() !== '' && !l.startsWith('#') && l !== '---');
  if (content.length < 3 || content.some((l) => /^\s/.test(l))) return undefined;
  // Something must open a block: `key:` with nothing after it.
  if (!content.some((l) => /^(- +)?[^#\s][^#]*:\s*(#.*)?$/.test(l))) return undefined;
  return { spans, lines };
}

/** The finding for flattened lines re-indented as `assumedTypeName` (or each document's own kind) has them. */
function rebuiltFinding({ spans, lines }: FlatLines, schema: KubernetesSchema, assumedTypeName: string | undefined): K8sDiagnostic | undefined {
  const columns: number[] = [];
  let unique = true;
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && lines[i] !== '---') continue;
    const doc = lines.slice(start, i);
    const rootType = rootTypeOf(schema, doc) ?? assumedTypeName;
    if (!rootType) return undefined;
    const rebuilt = rebuild(schema, rootType, doc);
    if (!rebuilt) return undefined;
    columns.push(...rebuilt.columns);
    unique &&= rebuilt.unique;
    if (i < lines.length) columns.push(0);
    start = i + 1;
  }
  if (columns.every((c) => c === 0)) return undefined;
  const edits: Edit[] = spans.flatMap((span, i) => (columns[i] ? [{ start: span.start, end: span.start, text: ' '.repeat(columns[i]!) }] : []));
  const rebuiltText = lines.map((l, i) => ' '.repeat(columns[i] ?? 0) + l).join('\n');
  if (parseYamlDocuments(rebuiltText).some((doc) => doc.errors.length)) return undefined;
  const first = spans.find((s, i) => columns[i]) ?? spans[0]!;
  return {
    ruleId: RULE,
    severity: 'error',
    ...say(unique ? 'rule.k8s/lost-indentation.unique' : 'rule.k8s/lost-indentation.ambiguous'),
    start: first.start,
    end: Math.max(first.end, first.start + 1),
    url: ruleUrl(RULE),
    fix: { safe: unique, ...sayFix('fix.yaml/indent.schema'), edits },
  };
}

/**
 * For a flattened fragment (no `kind`): the types that have its first key as a field; the finding
 * when they all rebuild it the same way.
 */
export function lostFragmentIndentation(text: string, schema: KubernetesSchema): K8sDiagnostic | undefined {
  const first = /^([A-Za-z][\w.-]*):/m.exec(text)?.[1];
  if (!first) return undefined;
  const types = schema.typesWithField(first);
  if (!types.length || types.length > 24) return undefined;
  const flat = flatLines(text);
  if (!flat) return undefined;
  let found: K8sDiagnostic | undefined;
  for (const type of types) {
    const candidate = rebuiltFinding(flat, schema, type);
    if (!candidate) continue;
    if (found && JSON.stringify(found.fix?.edits) !== JSON.stringify(candidate.fix?.edits)) return undefined;
    found ??= candidate;
  }
  return found;
}
