/**
 * Tabs are not allowed as YAML indentation. The fix expands leading tabs to spaces at a tab width;
 * which width the author meant is decided by the caller (the width whose structure makes the most
 * sense: fewest YAML errors here, best schema fit in lib/k8s).
 */
import type { Edit, Fix } from '../types.ts';
import { applyEdits } from '../fix/apply.ts';
import { sayFix } from '../messages.ts';
import { canonicalColumns, columnEdits, sameReading } from './canonical-indent.ts';

export const TAB_WIDTHS = [2, 4, 8] as const;

import { lineSpans } from './lines.ts';

/** Visual column after a run of leading whitespace, tabs advancing to the next multiple of width. */
export function visualColumn(whitespace: string, tabWidth: number): number {
  let column = 0;
  for (const ch of whitespace) column = ch === '\t' ? (Math.floor(column / tabWidth) + 1) * tabWidth : column + 1;
  return column;
}

export function hasTabIndent(text: string): boolean {
  return /(^|\n)[ \t]*\t/.test(text);
}

/** Edits replacing leading tabs with spaces; whitespace-only lines with tabs become empty. */
export function tabIndentEdits(text: string, tabWidth: number): Edit[] {
  const edits: Edit[] = [];
  for (const span of lineSpans(text)) {
    const line = text.slice(span.start, span.end);
    const leading = /^[ \t]*/.exec(line)![0];
    if (!leading.includes('\t')) continue;
    if (leading.length === line.length) {
      edits.push({ start: span.start, end: span.end, text: '' });
      continue;
    }
    edits.push({ start: span.start, end: span.start + leading.length, text: ' '.repeat(visualColumn(leading, tabWidth)) });
  }
  return edits;
}

/**
 * The tab width (of TAB_WIDTHS) whose expansion of `text` costs least; ties go to the smaller width.
 * `cost` gets the expanded text, the width and the least cost so far: a cost that cannot beat it
 * may be returned as any number not below it, so a caller can skip the rest of its judging (a YAML
 * parse, cold, is the dearest part of a check). Costs are never negative, so once a width costs
 * nothing no larger one is tried.
 */
export function bestTabWidth(text: string, cost: (expanded: string, tabWidth: number, leastSoFar: number) => number): number {
  let best: number = TAB_WIDTHS[0];
  let bestCost = Infinity;
  for (const width of TAB_WIDTHS) {
    const candidate = cost(applyEdits(text, tabIndentEdits(text, width)), width, bestCost);
    if (candidate < bestCost) {
      best = width;
      bestCost = candidate;
    }
    if (bestCost === 0) break;
  }
  return best;
}

/**
 * The fix for tab indentation: tabs expanded at `tabWidth`, and (unless `canonical` is false, as for
 * JSON) the whole snippet re-indented canonically, 2 spaces a level, so a fixed fragment does not
 * keep one depth per tab. The re-indent is used only when it reads the same as the plain expansion.
 */
export function tabIndentFix(text: string, tabWidth: number, options: { canonical?: boolean } = {}): Fix {
  const tabEdits = tabIndentEdits(text, tabWidth);
  const plain: Fix = { safe: true, ...sayFix('fix.yaml/tab-indent.spaces', { width: tabWidth }), edits: tabEdits };
  if (options.canonical === false) return plain;
  const expanded = applyEdits(text, tabEdits);
  const columns = canonicalColumns(expanded);
  if (!sameReading(expanded, applyEdits(expanded, columnEdits(expanded, columns)))) return plain;
  // The expanded text's columns, set on the original lines (tabs and all) in one edit each.
  return { safe: true, ...sayFix('fix.yaml/tab-indent.canonical', { width: tabWidth }), edits: columnEdits(text, columns) };
}
