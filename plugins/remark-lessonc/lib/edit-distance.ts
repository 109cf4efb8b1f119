/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition), so `prot` -> `port`
 * costs 1 like a learner would expect, and nearest-name lookup for "did you mean" messages.
 */
export function editDistance(a: string, b: string): number {
  return editDistanceWithin(a, b, Infinity);
}

/**
 * The distance when it is at most `max`, otherwise some number above `max` (found early: a length
 * difference over `max`, or a row whose every cell is over it, ends the search). Three rolling rows,
 * no matrix: O(|a|·|b|) time at worst and O(|b|) memory.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const cols = b.length + 1;
  let before = new Array<number>(cols).fill(0);
  let previous = Array.from({ length: cols }, (_, j) => j);
  let current = new Array<number>(cols).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

export interface NearestNames {
  /** Candidates at the smallest distance (case-insensitive), best first. */
  names: string[];
  distance: number;
}

/** Nearest candidates within maxDistance (1 for names of 3 characters or fewer): a bounded, length-filtered search. */
export function nearestNames(word: string, candidates: Iterable<string>, maxDistance = 2): NearestNames {
  const limit = word.length <= 3 ? 1 : maxDistance;
  const lower = word.toLowerCase();
  let best = Infinity;
  let names: string[] = [];
  for (const candidate of candidates) {
    if (candidate === word) continue;
    // Only names whose length is within the limit can be near; the search stops past the best so far.
    if (Math.abs(candidate.length - word.length) > Math.min(limit, best)) continue;
    const distance = editDistanceWithin(lower, candidate.toLowerCase(), Math.min(limit, best));
    if (distance > limit) continue;
    if (distance < best) {
      best = distance;
      names = [candidate];
    } else if (distance === best) names.push(candidate);
  }
  return { names: names.sort(), distance: best };
}

/** The candidate closest to `word` by edit distance, however far (null when there is none). */
export function nearestByDistance(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}
