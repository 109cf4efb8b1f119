/**
 * Whole-lesson figures: check (parse → extract → validate) and fix --unsafe of the imported seed,
 * and the site's render stage. Run: npm run bench
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeLesson, fixLesson, importNotes } from '../plugins/remark-lessonc/index.ts';
import { renderLesson } from '../plugins/remark-lessonc/lib/render/lesson.ts';

const seed = path.resolve(import.meta.dirname, '..', '..', 'shared', 'seeds', '000_27c1ab4a3650825c.txt');
const lesson = importNotes(readFileSync(seed, 'utf8'), { sourceName: path.basename(seed) });

function median(run: () => unknown, times = 15): number {
  run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

const snippets = analyzeLesson(lesson).snippets.length;
console.log(`seed lesson (${lesson.split('\n').length} lines, ${snippets} snippets):`);
console.log(`  check:          ${median(() => analyzeLesson(lesson)).toFixed(1)} ms`);
console.log(`  fix --unsafe:   ${median(() => fixLesson(lesson, { unsafe: true })).toFixed(1)} ms (${fixLesson(lesson, { unsafe: true }).passes} passes)`);
console.log(`  render (site):  ${median(() => renderLesson(analyzeLesson(lesson), 'ko')).toFixed(1)} ms`);
