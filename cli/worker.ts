/** A worker of cli/pool.ts: checks or fixes the files it is sent, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { taskRunner, type Task } from './task.ts';

const run = await taskRunner(workerData as Task);

parentPort!.on('message', ({ file }: { file: string }) => {
  run(file).then(
    (result) => parentPort!.postMessage({ result }),
    (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
