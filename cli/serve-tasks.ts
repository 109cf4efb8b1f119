/** The loop of a worker of cli/pool.ts: checks or fixes the files it is sent, one at a time. */
import { taskRunner, type Task, type TaskInput } from './task.ts';

export async function serveTasks(task: Task): Promise<void> {
  // Not imported at the top: the CLI's bundle holds this module, and the CLI's own thread never needs it.
  const { parentPort } = process.getBuiltinModule('node:worker_threads');
  const run = await taskRunner(task);
  parentPort!.on('message', (input: TaskInput) => {
    run(input).then(
      (result) => parentPort!.postMessage({ result }),
      (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
}
