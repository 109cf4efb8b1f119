/**
 * A lenient, line-based outline of block-style YAML: which line is a key or a list item, and which
 * line is its parent by indentation. It works on text the `yaml` package rejects (tab indentation,
 * `livenessProbe` without a colon, `port 80`), which is what a learner's snippet often is; the
 * classifier, the tab-width guess and the missing-colon rule read the structure from it.
 */
import { visualColumn } from '../yaml/tab-indent.ts';
import type { KubernetesSchema, ResolvedShape } from './schema.ts';
import { nearestNames } from '../edit-distance.ts';

export interface OutlineEntry {
  kind: 'key' | 'item';
  line: number;
  /** Visual column of the key or the dash. */
  col: number;
  /** For items: column of the content after `- `. For keys: same as col. */
  contentCol: number;
  key?: string;
  keyStart?: number;
  keyEnd?: number;
  /** Text after the key's colon (or separator), comment removed, trimmed. */
  value?: string;
  valueStart?: number;
  /** How the key lacks its `: ` separator, if it does. */
  missingColon?: 'bare' | 'space' | 'glued';
  /** End of the line content (without trailing blanks), for fixes. */
  lineContentEnd: number;
  /** Offsets of the line and its end (before newline). */
  lineStart: number;
  lineEnd: number;
  parent?: OutlineEntry;
  children: OutlineEntry[];
  doc: number;
  resolved?: ResolvedShape | null;
  /** The field the key stands for, when it is a typo of one (`patch` -> `path`). */
  fieldName?: string;
}

export interface Outline {
  entries: OutlineEntry[];
  /** Top-level entries per document. */
  roots: OutlineEntry[][];
}

const IDENT = '[A-Za-z_][A-Za-z0-9_.-]*';

/** Position of the mapping colon (`: ` or `:` at end), outside quotes and before a comment. */
function mappingColon(content: string): number {
  let quote: string | null = null;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if ((ch === '"' || ch === "'") && (i === 0 || /[\s:\[{,]/.test(content[i - 1]))) {
      quote = ch;
      continue;
    }
    if (ch === '#' && (i === 0 || /\s/.test(content[i - 1]))) return -1;
    if (ch === ':' && (i + 1 === content.length || content[i + 1] === ' ' || content[i + 1] === '\t')) return i;
    if ((ch === '[' || ch === '{') && i === 0) return -1;
  }
  return -1;
}

/** An entry's value without the quotes around it (`"v1"` -> `v1`). */
export function unquote(value: string): string {
  return value.replace(/^["']|["']$/g, '');
}

function stripComment(value: string): string {
  const match = /(^|\s)#/.exec(value);
  return (match ? value.slice(0, match.index) : value).trim();
}

export function buildOutline(text: string, tabWidth: number): Outline {
  const entries: OutlineEntry[] = [];
  const roots: OutlineEntry[][] = [[]];
  let stack: OutlineEntry[] = [];
  let doc = 0;
  let blockScalarParentCol = -1;
  let flowDepth = 0;
  let lineStart = 0;
  const lines = text.split('\n');
  for (let lineNo = 0; lineNo < lines.length; lineNo++) {
    const rawLine = lines[lineNo].replace(/\r$/, '');
    const start = lineStart;
    lineStart += lines[lineNo].length + 1;
    const leading = /^[ \t]*/.exec(rawLine)![0];
    const rest = rawLine.slice(leading.length);
    if (rest === '' || rest.startsWith('#')) continue;
    const col = visualColumn(leading, tabWidth);
    if (blockScalarParentCol >= 0) {
      if (col > blockScalarParentCol) continue;
      blockScalarParentCol = -1;
    }
    if (flowDepth > 0) {
      flowDepth += (rest.match(/[\[{]/g)?.length ?? 0) - (rest.match(/[\]}]/g)?.length ?? 0);
      continue;
    }
    if (col === 0 && /^(---|\.\.\.)(\s|$)/.test(rest)) {
      doc++;
      roots[doc] = [];
      stack = [];
      continue;
    }
    if (col === 0 && rest.startsWith('%')) continue;
    const lineEnd = start + rawLine.length;
    const lineContentEnd = start + rawLine.replace(/[ \t]+$/, '').length;
    let offset = start + leading.length;
    let column = col;
    let content = rest;
    const newEntries: OutlineEntry[] = [];
    // List item dashes, possibly several (`- - x`).
    while (/^-(\s|$)/.test(content)) {
      const after = /^-[ \t]*/.exec(content)![0];
      newEntries.push({ kind: 'item', line: lineNo, col: column, contentCol: column + after.length, lineStart: start, lineEnd, lineContentEnd, children: [], doc });
      column += after.length;
      offset += after.length;
      content = content.slice(after.length);
    }
    if (content !== '') {
      const colon = mappingColon(content);
      let entry: OutlineEntry | undefined;
      if (colon > 0) {
        const rawKey = content.slice(0, colon).trimEnd();
        const key = rawKey.replace(/^(["'])(.*)\1$/, '$2');
        const afterColon = content.slice(colon + 1);
        const valueOffset = offset + colon + 1 + (/^[ \t]*/.exec(afterColon)![0].length);
        entry = { kind: 'key', line: lineNo, col: column, contentCol: column, key, keyStart: offset, keyEnd: offset + rawKey.length, value: stripComment(afterColon), valueStart: valueOffset, lineStart: start, lineEnd, lineContentEnd, children: [], doc };
      } else {
        const bare = new RegExp(`^(${IDENT})[ \\t]*$`).exec(content);
        const spaced = new RegExp(`^(${IDENT})[ \\t]+([^\\s#:][^:]*?)[ \\t]*$`).exec(content);
        const glued = new RegExp(`^([A-Za-z_][A-Za-z0-9_-]*):(\\S.*?)[ \\t]*$`).exec(content);
        const match = bare ?? glued ?? spaced;
        if (match) {
          const key = match[1];
          const kind = bare ? 'bare' : glued ? 'glued' : 'space';
          const value = match[2] ?? '';
          const valueStart = kind === 'bare' ? offset + key.length : offset + content.indexOf(value, key.length);
          entry = { kind: 'key', line: lineNo, col: column, contentCol: column, key, keyStart: offset, keyEnd: offset + key.length, value, valueStart, missingColon: kind, lineStart: start, lineEnd, lineContentEnd, children: [], doc };
        }
      }
      if (entry) {
        newEntries.push(entry);
        if (/^[|>][-+0-9]*$/.test(entry.value ?? '')) blockScalarParentCol = column;
        const opened = (entry.value ?? '').match(/[\[{]/g)?.length ?? 0;
        const closed = (entry.value ?? '').match(/[\]}]/g)?.length ?? 0;
        if (/^[\[{]/.test(entry.value ?? '') && opened > closed) flowDepth = opened - closed;
      } else if (/^[\[{]/.test(content)) {
        const opened = content.match(/[\[{]/g)?.length ?? 0;
        const closed = content.match(/[\]}]/g)?.length ?? 0;
        if (opened > closed) flowDepth = opened - closed;
      } else if (/^[|>][-+0-9]*$/.test(content.trim()) && newEntries.length) {
        blockScalarParentCol = col;
      }
    }
    for (const entry of newEntries) {
      while (stack.length) {
        const top = stack[stack.length - 1];
        if (entry.kind === 'key') {
          if (top.kind === 'key' && top.col < entry.col) break;
          if (top.kind === 'item' && top.contentCol <= entry.col) break;
        } else {
          if (top.kind === 'key' && top.col <= entry.col && top.line !== entry.line) break;
          if (top.kind === 'item' && top.contentCol <= entry.col) break;
        }
        stack.pop();
      }
      const parent = stack[stack.length - 1];
      if (parent) {
        entry.parent = parent;
        parent.children.push(entry);
      } else roots[doc].push(entry);
      entries.push(entry);
      stack.push(entry);
    }
  }
  return { entries, roots };
}

/**
 * Attaches schema shapes to the entries, starting from each document's root type. A key missing its
 * colon resolves through the field it names, or a single nearest field (a typo).
 */
export function resolveOutline(outline: Outline, schema: KubernetesSchema, rootTypes: (ResolvedShape | null)[]): void {
  for (const entry of outline.entries) {
    const parentShape = entry.parent ? entry.parent.resolved : rootTypes[entry.doc] ?? null;
    entry.resolved = null;
    entry.fieldName = undefined;
    if (!parentShape) continue;
    const shape = parentShape.shape;
    if (shape.t === 'any') {
      entry.resolved = parentShape;
      continue;
    }
    if (entry.kind === 'item') {
      if (shape.t === 'array') entry.resolved = schema.resolve(shape.items) ?? null;
      continue;
    }
    if (shape.t !== 'object') continue;
    const key = entry.key!;
    if (shape.p?.[key]) {
      entry.fieldName = key;
      entry.resolved = schema.resolve(shape.p[key]) ?? null;
    } else if (shape.add) entry.resolved = schema.resolve(shape.add) ?? null;
    else if (shape.open) entry.resolved = { shape: { t: 'any' } };
    else {
      const nearest = nearestNames(key, Object.keys(shape.p ?? {}));
      if (nearest.names.length === 1) {
        entry.fieldName = nearest.names[0];
        entry.resolved = schema.resolve(shape.p![nearest.names[0]]) ?? null;
      }
    }
  }
}

/** How badly the outline fits the schema: unknown keys, keys under scalars, items under non-lists. */
export function outlineCost(outline: Outline): number {
  let cost = 0;
  for (const entry of outline.entries) {
    const parentShape = entry.parent ? entry.parent.resolved : undefined;
    const parentKnown = entry.parent ? parentShape : entry.resolved !== undefined;
    if (entry.kind === 'key') {
      if (!entry.parent) {
        if (entry.resolved === null && entry.fieldName === undefined) cost += 1;
        else if (entry.fieldName && entry.fieldName !== entry.key) cost += 0.5;
        continue;
      }
      if (!parentKnown || !parentShape) continue;
      const t = parentShape.shape.t;
      if (t === 'object') {
        if (entry.resolved === null) cost += 1;
        else if (entry.fieldName && entry.fieldName !== entry.key) cost += 0.5;
      } else if (t !== 'any' && !entry.missingColon) cost += 1;
    } else if (entry.parent && parentShape && parentShape.shape.t !== 'array' && parentShape.shape.t !== 'any') cost += 1;
  }
  return cost;
}
