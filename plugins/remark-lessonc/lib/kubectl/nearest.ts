/** Nearest-name suggestions (Damerau-Levenshtein), for "expected `--all`" style messages. */
import { editDistanceWithin } from '../edit-distance.ts';

/** The candidates closest to `word` within a distance that scales with its length; best first. */
export function nearestNames(word: string, candidates: Iterable<string>, maxDistance = Math.max(1, Math.min(3, Math.floor(word.length / 3)))): string[] {
  let best = Infinity;
  let found: string[] = [];
  for (const candidate of candidates) {
    const distance = editDistanceWithin(word, candidate, maxDistance);
    if (distance > maxDistance) continue;
    if (distance < best) {
      best = distance;
      found = [candidate];
    } else if (distance === best && !found.includes(candidate)) found.push(candidate);
  }
  return found;
}
