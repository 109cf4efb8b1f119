#!/usr/bin/env node
// The CLI is TypeScript run directly by Node's type stripping (Node 24 is pinned as a devDependency).
// Node's module compile cache keeps the stripped and compiled modules between runs (under
// node_modules/.cache/lessonc/), which saves about a third of a cold start.
import module from 'node:module';

module.enableCompileCache?.(new URL('../node_modules/.cache/lessonc/compile', import.meta.url).pathname);
const { main } = await import('../cli/main.ts');

process.exitCode = await main(process.argv.slice(2));
