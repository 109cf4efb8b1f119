#!/usr/bin/env node
// The CLI is TypeScript (Node 24 is pinned as a devDependency and strips the types). Starting it
// from the sources costs the stripping and compiling of ~170 modules, so it runs from a bundle of
// them (bin/build-cli.mjs: built on `npm ci`, and again on the first start after a source changed),
// and from the sources when no bundle can be built. Node's module compile cache keeps compiled code
// between runs. LESSONC_FROM_SOURCE=1 always runs the sources.
import module from 'node:module';
import path from 'node:path';

module.enableCompileCache?.(new URL('../node_modules/.cache/lessonc/compile', import.meta.url).pathname);

async function entry() {
  if (!process.env.LESSONC_FROM_SOURCE) {
    try {
      const { buildCli } = await import('./build-cli.mjs');
      const bundle = await buildCli();
      const loaded = await import(path.join(bundle, 'main.mjs'));
      // Workers of `check`/`fix` over many files start from the same bundle (cli/pool.ts).
      globalThis[Symbol.for('lessonc.bundle')] = bundle;
      return loaded;
    } catch {
      // No esbuild, a read-only node_modules: the sources it is.
    }
  }
  return import('../cli/main.ts');
}

const { main } = await entry();
process.exitCode = await main(process.argv.slice(2));
