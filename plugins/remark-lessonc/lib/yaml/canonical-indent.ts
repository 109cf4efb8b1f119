/**
 * Canonical YAML indentation: 2 spaces a level, list items as kubectl prints them (`- ` at the
 * column of the key that holds the list, the item's fields 2 columns in). Works on the lines alone,
 * so it also re-indents YAML the parser cannot read yet (a tab-indented fragment with a missing
 * colon): each line's level comes from its column relative to the lines above it.
 * Block scalars (`|`, `>`) keep their content's own relative indentation.
 */
import type { Edit } from '../types.ts';
import { applyEdits } from '../fix/apply.ts';
import { lineSpans } from './lines.ts';
import { parseYamlDocuments } from './parse.ts';

interface Level {
  /** Column in the input. */
  old: number;
  /** Column in the output. */
  next: number;
  /** A list's `-` column (not a map's key column). */
  seq: boolean;
}

const BLOCK_SCALAR = /:\s*[|>][-+0-9]*\s*(#.*)?$/;

/** The new leading-space count of every line (undefined: blank line, left as it is). */
export function canonicalColumns(text: string): Array<number | undefined> {
  const spans = lineSpans(text);
  const columns: Array<number | undefined> = [];
  const stack: Level[] = [];
  let block: { parentOld: number; parentNext: number; firstOld?: number } | undefined;
  for (const span of spans) {
    const line = text.slice(span.start, span.end);
    const old = /^ */.exec(line)![0].length;
    const content = line.slice(old);
    if (content === '') {
      columns.push(undefined);
      continue;
    }
    if (block && old > block.parentOld) {
      block.firstOld ??= old;
      columns.push(block.parentNext + 2 + Math.max(0, old - block.firstOld));
      continue;
    }
    block = undefined;
    const dash = /^-( +|$)/.exec(content);
    const isDash = !!dash;
    if (content.startsWith('#')) {
      // A comment line: where a key at its column would go, without opening a level.
      columns.push(place(stack, old, false, false));
      continue;
    }
    const next = place(stack, old, isDash, true);
    columns.push(next);
    // After `- `, the item's own fields start: a map level at that column.
    if (dash && content.length > dash[0].length) {
      const gap = dash[0].length;
      stack.push({ old: old + gap, next: next + gap, seq: false });
    }
    if (BLOCK_SCALAR.test(content)) block = { parentOld: old + (dash ? dash[0].length : 0), parentNext: next + (dash ? dash[0].length : 0) };
  }
  return columns;
}

/** The output column of a line at `old`; `open` pushes its level. */
function place(stack: Level[], old: number, isDash: boolean, open: boolean): number {
  while (stack.length && stack[stack.length - 1]!.old > old) stack.pop();
  let top = stack[stack.length - 1];
  // A key at the column of a list's `-` (kubectl style) ends the list.
  if (top && top.old === old && top.seq && !isDash) {
    stack.pop();
    top = stack[stack.length - 1];
  }
  if (top && top.old === old) {
    if (top.seq === isDash) return top.next;
    // `- ` at its key's column (kubectl style): the list the key holds.
    if (open) stack.push({ old, next: top.next, seq: true });
    return top.next;
  }
  // Deeper than everything above: a new level under the last line.
  const next = !top ? 0 : isDash && !top.seq ? top.next : top.next + 2;
  if (open) stack.push({ old, next, seq: isDash });
  return next;
}

/** The text with canonical indentation. */
export function canonicalIndentation(text: string): string {
  return applyEdits(text, canonicalIndentEdits(text));
}

/** Edits turning `text`'s leading spaces into canonical indentation (none when it already is). */
export function canonicalIndentEdits(text: string): Edit[] {
  return columnEdits(text, canonicalColumns(text));
}

/**
 * Edits setting each line's leading whitespace to its column (`undefined`: left as it is), on the
 * lines of `text` — which may still hold the tabs the columns were computed without. A blank line
 * that holds a tab becomes empty.
 */
export function columnEdits(text: string, columns: Array<number | undefined>): Edit[] {
  const edits: Edit[] = [];
  lineSpans(text).forEach((span, i) => {
    const line = text.slice(span.start, span.end);
    const leading = /^[ \t]*/.exec(line)![0];
    if (leading.length === line.length) {
      if (leading.includes('\t')) edits.push({ start: span.start, end: span.end, text: '' });
      return;
    }
    const column = columns[i];
    if (column !== undefined && leading !== ' '.repeat(column)) edits.push({ start: span.start, end: span.start + leading.length, text: ' '.repeat(column) });
  });
  return edits;
}

/** The canonical re-indent of `text` when it reads the same as before; undefined otherwise or when there is nothing to change. */
export function safeCanonicalIndentEdits(text: string): Edit[] | undefined {
  const edits = canonicalIndentEdits(text);
  return edits.length && sameReading(text, applyEdits(text, edits)) ? edits : undefined;
}

/**
 * Whether two indentations of the same lines read alike: the same data when the first parses, no
 * more parser errors when it does not (a fragment with a missing colon).
 */
export function sameReading(before: string, after: string): boolean {
  const a = parseYamlDocuments(before);
  const b = parseYamlDocuments(after);
  const errors = (docs: typeof a) => docs.reduce((n, doc) => n + doc.errors.length, 0);
  if (errors(a) > 0) return errors(b) <= errors(a);
  if (errors(b) > 0 || a.length !== b.length) return false;
  // Serialized without expanding aliases (an alias bomb stays small, an unresolved alias is no error).
  try {
    return a.every((doc, i) => doc.toString() === b[i]!.toString());
  } catch {
    return false;
  }
}

/** A snippet the author wrote as JSON (a `json` fence routed here, or a text that opens with `{`/`[`): its layout is left alone. */
export function isJsonSnippet(text: string, meta: Record<string, unknown> = {}): boolean {
  const lang = [meta.lang, meta.language, meta.format].find((v) => typeof v === 'string') as string | undefined;
  if (lang?.toLowerCase() === 'json' || meta.json === true) return true;
  return /^\s*[[{]/.test(text);
}
