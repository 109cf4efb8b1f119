import { diffLines } from 'diff';
import type { Edit } from '../../plugins/remark-lessonc/index.ts';

/**
 * The edits that turn `before` into `after`, one per changed run of lines, all against `before`:
 * the fix loop's passes build on each other, so its result is carried over as the difference.
 */
export function editsBetween(before: string, after: string): Edit[] {
  const edits: Edit[] = [];
  let offset = 0;
  for (const change of diffLines(before, after)) {
    if (change.added) {
      const previous = edits.at(-1);
      if (previous && previous.end === offset && previous.text === '') previous.text = change.value;
      else edits.push({ start: offset, end: offset, text: change.value });
    } else if (change.removed) {
      edits.push({ start: offset, end: offset + change.value.length, text: '' });
      offset += change.value.length;
    } else offset += change.value.length;
  }
  return edits;
}
