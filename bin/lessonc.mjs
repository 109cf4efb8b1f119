#!/usr/bin/env node
// The CLI is TypeScript (Node 24 is pinned as a devDependency and strips the types). Starting it
// from the sources costs the stripping and compiling of ~170 modules, so it runs from a bundle of
// them (bin/build-cli.mjs: built on `npm ci`, and again on the first start after a source changed)
// with a V8 code cache of the functions a check calls (bin/load-bundle.mjs), and from the sources
// when no bundle can be built. Node's module compile cache keeps this file's and the sources'
// compiled code between runs. LESSONC_FROM_SOURCE=1 always runs the sources.
import module from 'node:module';
import { currentBundle } from './current-bundle.mjs';
import { loadBundle } from './load-bundle.mjs';

module.enableCompileCache?.(new URL('../node_modules/.cache/lessonc/compile', import.meta.url).pathname);

async function entry() {
  if (!process.env.LESSONC_FROM_SOURCE) {
    const bundles = [() => currentBundle(), async () => (await import('./build-cli.mjs')).buildCli()];
    for (const bundleOf of bundles) {
      try {
        const bundle = await bundleOf();
        if (!bundle) continue;
        const loaded = loadBundle(bundle);
        // Workers of `check`/`fix` over many files start from the same bundle (cli/pool.ts).
        globalThis[Symbol.for('lessonc.bundle')] = bundle;
        return { main: loaded.exports.main, done: loaded.done };
      } catch {
        // A bundle since removed, no esbuild, a read-only node_modules: the next way, at last the sources.
      }
    }
  }
  return { main: (await import('../cli/main.ts')).main, done: () => {} };
}

const { main, done } = await entry();
process.exitCode = await main(process.argv.slice(2));
done();
