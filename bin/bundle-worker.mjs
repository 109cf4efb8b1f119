// A worker of cli/pool.ts when the CLI runs from its bundle: the same bundle and code cache as the
// CLI's thread (bin/load-bundle.mjs), so the worker's compiler starts compiled too. Only the CLI's
// thread writes the cache.
import { workerData } from 'node:worker_threads';
import { loadBundle } from './load-bundle.mjs';

// As in the CLI's thread (bin/lessonc.mjs): the compiler knows it runs from this bundle.
globalThis[Symbol.for('lessonc.bundle')] = workerData.bundle;
await loadBundle(workerData.bundle).exports.serveTasks(workerData.task);
