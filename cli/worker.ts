/** A worker of cli/pool.ts run from the sources (from the CLI's bundle: bin/bundle-worker.mjs). */
import { workerData } from 'node:worker_threads';
import { serveTasks } from './serve-tasks.ts';
import type { WorkerData } from './pool.ts';

await serveTasks((workerData as WorkerData).task);
