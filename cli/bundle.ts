/** What bin/build-cli.mjs bundles: the CLI, and the worker loop its workers run from the same bundle. */
export { main } from './main.ts';
export { serveTasks } from './serve-tasks.ts';
