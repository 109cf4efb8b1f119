/**
 * Throughput of the kubectl checker: commands checked per second over the cheat-sheet corpus.
 *   npm run bench (or: npx node bench/kubectl.bench.ts)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkShellSnippet } from '../plugins/remark-lessonc/lib/kubectl/index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = readFileSync(path.join(repoRoot, '..', 'shared', 'corpus', 'kubectl-commands.txt'), 'utf8').split('\n').filter((l) => l.startsWith('kubectl'));

function run(rounds: number): number {
  let sink = 0;
  for (let round = 0; round < rounds; round++) for (const line of corpus) sink += checkShellSnippet(line).length;
  return sink;
}

run(20); // warm-up (JIT, caches)
const rates: number[] = [];
for (let trial = 0; trial < 5; trial++) {
  const rounds = 100;
  const started = performance.now();
  run(rounds);
  const seconds = (performance.now() - started) / 1000;
  rates.push((rounds * corpus.length) / seconds);
}
rates.sort((a, b) => a - b);
console.log(`kubectl checker: ${Math.round(rates[2]).toLocaleString('en')} commands/s (median of 5 x ${100 * corpus.length} commands; min ${Math.round(rates[0])}, max ${Math.round(rates[4])})`);
