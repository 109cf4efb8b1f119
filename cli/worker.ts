/** A worker of cli/pool.ts: checks or fixes the files it is sent, one at a time. */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { Task } from './pool.ts';

const task = workerData as Task;
const run =
  task.kind === 'check'
    ? // The main thread sends only the lessons its cache did not answer (their size already checked).
      await import('./check.ts').then(({ compileCheck }) => async (file: string) => compileCheck(file, await readFile(file, 'utf8'), task.locale, task.maxLessonSize))
    : await import('./fix.ts').then(({ fixFile }) => (file: string) => fixFile(file, { unsafe: task.unsafe, dryRun: task.dryRun, maxLessonSize: task.maxLessonSize }));

parentPort!.on('message', ({ file }: { file: string }) => {
  run(file).then(
    (result) => parentPort!.postMessage({ result }),
    (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
