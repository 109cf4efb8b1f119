/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition), so `prot` -> `port`
 * costs 1 like a learner would expect, and nearest-name lookup for "did you mean" messages.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

export interface NearestNames {
  /** Candidates at the smallest distance (case-insensitive), best first. */
  names: string[];
  distance: number;
}

/** Nearest candidates within maxDistance (1 for names of 3 characters or fewer). */
export function nearestNames(word: string, candidates: Iterable<string>, maxDistance = 2): NearestNames {
  const limit = word.length <= 3 ? 1 : maxDistance;
  const lower = word.toLowerCase();
  let best = Infinity;
  let names: string[] = [];
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
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
