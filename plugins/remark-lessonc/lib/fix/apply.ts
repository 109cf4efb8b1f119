import type { Edit } from '../types.ts';

/** A fix to apply: its edits must all be taken or none (a half-applied fix breaks the text). */
export interface EditGroup {
  edits: Edit[];
}

/**
 * Picks fixes whose edits overlap neither each other nor an already picked fix, in order, like
 * ESLint: the rest waits for the next pass, which re-checks the edited text.
 */
export function selectNonOverlapping<T extends EditGroup>(groups: T[]): T[] {
  const taken: Edit[] = [];
  const picked: T[] = [];
  for (const group of groups) {
    const clashes = group.edits.some((edit, i) =>
      [...taken, ...group.edits.slice(0, i)].some((other) => overlaps(edit, other)),
    );
    if (clashes) continue;
    taken.push(...group.edits);
    picked.push(group);
  }
  return picked;
}

/** Two edits clash when their ranges intersect, or both insert at the same point. */
function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** Applies non-overlapping edits (offsets against `text`); overlapping ones are a bug in a rule. */
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
