/**
 * What `check` and `fix` do to one file, for the pool (cli/pool.ts): the same closure runs in the
 * CLI's own thread and in each worker, so both compile a file the same way.
 */
import { readFile } from 'node:fs/promises';
import type { FileReport } from './check.ts';
import type { FileFix } from './fix.ts';

export type Task = { kind: 'check'; locale: 'ko' | 'en'; maxLessonSize: number } | { kind: 'fix'; unsafe: boolean; dryRun: boolean; maxLessonSize: number };

export type TaskResult<T extends Task> = T extends { kind: 'check' } ? FileReport : FileFix;

/** One file for a task, with its text when the caller has read it already (`check`: the text its cache did not answer). */
export interface TaskInput {
  file: string;
  text?: string;
}

export async function taskRunner<T extends Task>(task: T): Promise<(input: TaskInput) => Promise<TaskResult<T>>> {
  return (await runnerOf(task)) as (input: TaskInput) => Promise<TaskResult<T>>;
}

async function runnerOf(task: Task): Promise<(input: TaskInput) => Promise<FileReport | FileFix>> {
  if (task.kind === 'check') {
    // Only lessons the cache did not answer get here (their size already checked).
    const { compileCheck } = await import('./check.ts');
    return async ({ file, text }) => compileCheck(file, text ?? (await readFile(file, 'utf8')), task.locale, task.maxLessonSize);
  }
  const { fixFile } = await import('./fix.ts');
  return ({ file }) => fixFile(file, { unsafe: task.unsafe, dryRun: task.dryRun, maxLessonSize: task.maxLessonSize });
}
