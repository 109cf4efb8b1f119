import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, editDistanceWithin, nearestNames } from '../plugins/remark-lessonc/lib/edit-distance.ts';

/** The textbook optimal-string-alignment distance, full matrix: the reference for the bounded one. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A'), maxLength: 8 });

describe('edit distance', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('prot', 'port')).toBe(1);
    expect(editDistance('apiVerison', 'apiVersion')).toBe(1);
  });

  it('equals the full-matrix distance, and the bounded one is exact up to its bound', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const d = reference(a, b);
        expect(editDistance(a, b)).toBe(d);
        const bounded = editDistanceWithin(a, b, max);
        if (d <= max) expect(bounded).toBe(d);
        else expect(bounded).toBeGreaterThan(max);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same nearest names as an exhaustive search', () => {
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 8 }), (w, candidates) => {
        const limit = w.length <= 3 ? 1 : 2;
        const scored = candidates.filter((c) => c !== w).map((c) => [c, reference(w.toLowerCase(), c.toLowerCase())] as const).filter(([, d]) => d <= limit);
        const best = Math.min(...scored.map(([, d]) => d));
        expect(nearestNames(w, candidates)).toEqual({ names: scored.filter(([, d]) => d === best).map(([c]) => c).sort(), distance: best });
      }),
      { numRuns: 2000 },
    );
  });
});
