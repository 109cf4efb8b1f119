import type { Diagnostic } from '../types.ts';
import { applyEdits, selectNonOverlapping } from './apply.ts';

/**
 * The fix loop for one snippet's text, for rules that need to read a snippet the way its author
 * meant it (e.g. the lesson-state model reads a tab-broken manifest after its fixes).
 */
export function fixSnippetText(text: string, check: (text: string) => Diagnostic[], options: { unsafe: boolean; maxPasses?: number }): string {
  let current = text;
  for (let pass = 0; pass < (options.maxPasses ?? 10); pass++) {
    const fixes = check(current).flatMap((d) => (d.fix && (d.fix.safe || options.unsafe) ? [d.fix] : []));
    const picked = selectNonOverlapping(fixes);
    const next = applyEdits(current, picked.flatMap((fix) => fix.edits));
    if (next === current) break;
    current = next;
  }
  return current;
}
