/**
 * Applies non-overlapping edits (all relative to the same original text). Used to try out candidate
 * fixes (e.g. tab widths) before offering one; the CLI has its own applier for user-facing fixing.
 */
import type { Edit } from '../types.ts';

export function applyEdits(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new Error(`Overlapping edit at ${edit.start}`);
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}
