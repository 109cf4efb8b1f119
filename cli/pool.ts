/**
 * Runs a task over many files on worker threads, one per core (LESSONC_JOBS overrides), and hands
 * the results back in the order of the files, whatever order the workers finish in: output is the
 * same as one after another. Few files (or one core) run in this thread, where the compiler may
 * already be loaded.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { runningBundle } from '../plugins/remark-lessonc/lib/build-id.ts';
import { taskRunner, type Task, type TaskInput, type TaskResult } from './task.ts';

/** Fewer files than this are not worth starting workers for (each loads the compiler, ~0.3 s). */
export const MIN_FILES_PER_WORKER = 8;

/** What a worker is started with: its task, and the CLI's bundle when the CLI runs from one. */
export interface WorkerData {
  task: Task;
  bundle?: string;
}

/**
 * A worker runs from the CLI's bundle when the CLI does (bin/lessonc.mjs records it), with its
 * code cache (bin/load-bundle.mjs), else from the sources.
 */
function workerStart(task: Task): { entry: URL; workerData: WorkerData } {
  const bundle = runningBundle();
  return bundle !== undefined ? { entry: new URL('../bin/bundle-worker.mjs', import.meta.url), workerData: { task, bundle } } : { entry: new URL('./worker.ts', import.meta.url), workerData: { task } };
}

export function jobCount(files: number): number {
  const wanted = Number(process.env.LESSONC_JOBS) || availableParallelism();
  const byFiles = process.env.LESSONC_JOBS ? files : Math.floor(files / MIN_FILES_PER_WORKER);
  return Math.max(1, Math.min(wanted, byFiles, files));
}

/** What happened to a started worker before the pool listened to it (an unheard 'error' would throw). */
const earlyEnds = new WeakMap<Worker, { error?: unknown; exitCode?: number }>();

function spawnWorker(task: Task): Worker {
  const { entry, workerData } = workerStart(task);
  // Loaded here, not at the top: a check of a few files runs in this thread and never needs it (~2 ms of a start).
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const worker = new Worker(entry, { workerData });
  const ends: { error?: unknown; exitCode?: number } = {};
  earlyEnds.set(worker, ends);
  worker.once('error', (error) => (ends.error = error));
  worker.once('exit', (code) => (ends.exitCode = code));
  return worker;
}

/**
 * Workers started before their files are known: `check` starts them once its cache pass has met
 * enough lessons to compile, so they load the compiler while the pass reads the rest (a fifth of a
 * second of a cold check of 1000 lessons). `runOverFiles` takes them over; it stops the ones it
 * does not need.
 */
export function startWorkers(task: Task, files: number): Worker[] {
  const jobs = jobCount(files);
  return jobs <= 1 ? [] : Array.from({ length: jobs }, () => spawnWorker(task));
}

/**
 * The task's runner (cli/task.ts) in this thread for one job; otherwise the files go to workers one at a time (a big
 * lesson does not hold up a whole share). `onResult` is called in file order as results become
 * available (file 3 waits for files 1 and 2), with the count done so far for progress.
 */
export async function runOverFiles<T extends Task>(files: TaskInput[], task: T, onResult: (result: TaskResult<T>, index: number) => void, onProgress?: (done: number, total: number) => void, started: Worker[] = []): Promise<void> {
  type R = TaskResult<T>;
  const jobs = jobCount(files.length);
  const spare = started.splice(jobs <= 1 ? 0 : jobs);
  await Promise.all(spare.map((worker) => worker.terminate()));
  const results = new Array<R | undefined>(files.length);
  const ready = new Array<boolean>(files.length).fill(false);
  let flushed = 0;
  let done = 0;
  const settle = (index: number, result: R) => {
    results[index] = result;
    ready[index] = true;
    onProgress?.(++done, files.length);
    while (flushed < files.length && ready[flushed]) {
      onResult(results[flushed]!, flushed);
      results[flushed] = undefined;
      flushed++;
    }
  };
  if (jobs <= 1) {
    if (files.length === 0) return;
    const run = await taskRunner(task);
    for (let i = 0; i < files.length; i++) settle(i, await run(files[i]!));
    return;
  }
  let next = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: jobs }, () =>
        new Promise<void>((resolve, reject) => {
          const worker = started.shift() ?? spawnWorker(task);
          workers.push(worker);
          let current = -1;
          let finished = false;
          const feed = () => {
            if (next >= files.length) {
              finished = true;
              void worker.terminate();
              resolve();
              return;
            }
            current = next++;
            worker.postMessage(files[current]);
          };
          worker.on('message', (message: { result?: R; error?: string }) => {
            if (message.error !== undefined) {
              reject(new Error(`${files[current]!.file}: ${message.error}`));
              return;
            }
            // The worker's next file first: what is done with this result (printing, caching) waits.
            const index = current;
            feed();
            settle(index, message.result as R);
          });
          worker.on('error', reject);
          // A worker that dies without a word (out of memory) must not leave the run waiting forever.
          worker.on('exit', (code) => {
            if (!finished) reject(new Error(`lessonc worker exited with code ${code} while on ${files[current]?.file ?? 'no file'}`));
          });
          const early = earlyEnds.get(worker);
          if (early?.error !== undefined) reject(early.error);
          else if (early?.exitCode !== undefined) reject(new Error(`lessonc worker exited with code ${early.exitCode} before it was given a file`));
          else feed();
        }),
      ),
    );
  } finally {
    // On a failure the other workers stop too: nothing keeps the process alive.
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** A progress line on stderr when it is a terminal (rewritten in place), nothing otherwise. */
export function terminalProgress(verb: string): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    process.stderr.write(`\r\x1b[K${verb} ${done}/${total}${done === total ? '\r\x1b[K' : ''}`);
  };
}
