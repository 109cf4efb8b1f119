import { editDistance } from '../k8s/edit-distance.ts';

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
