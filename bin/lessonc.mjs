#!/usr/bin/env node
// The CLI is TypeScript (Node 24 is pinned as a devDependency and strips the types). Starting it
// from the sources costs the stripping and compiling of ~170 modules, so it runs from a bundle of
// them (bin/build-cli.mjs: built on `npm ci`, and again on the first start after a source changed),
// and from the sources when no bundle can be built. Node's module compile cache keeps compiled code
// between runs. LESSONC_FROM_SOURCE=1 always runs the sources.
import module from 'node:module';
import path from 'node:path';
import { currentBundle } from './current-bundle.mjs';

module.enableCompileCache?.(new URL('../node_modules/.cache/lessonc/compile', import.meta.url).pathname);

async function entry() {
  if (!process.env.LESSONC_FROM_SOURCE) {
    const bundles = [() => currentBundle(), async () => (await import('./build-cli.mjs')).buildCli()];
    for (const bundleOf of bundles) {
      try {
        const bundle = await bundleOf();
        if (!bundle) continue;
        const loaded = await import(path.join(bundle, 'main.mjs'));
        // Workers of `check`/`fix` over many files start from the same bundle (cli/pool.ts).
        globalThis[Symbol.for('lessonc.bundle')] = bundle;
        return loaded;
      } catch {
        // A bundle since removed, no esbuild, a read-only node_modules: the next way, at last the sources.
      }
    }
  }
  return import('../cli/main.ts');
}

const { main } = await entry();
process.exitCode = await main(process.argv.slice(2));
