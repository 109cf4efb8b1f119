// Runs the CLI's bundle (bin/build-cli.mjs: one CommonJS file) with a V8 code cache kept next to it.
// Node's module compile cache keeps only what V8 compiles when a module loads, and V8 compiles a
// function's body on its first call: a cold check compiled most of the compiler again on every
// start. A code cache made after a run holds every function that run called (a check of one lesson
// started in 0.15 s instead of 0.21). V8 refuses a cache of another V8, of other flags or of a
// source of another length, but takes one made for another source of the same length: the cache's
// name holds the size and mtime of the bundle it was made for (a bundle's directory, named by the
// sources' stamp, is never written again; this is for one edited by hand). A refused cache is
// compiled without and written again.
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** The bundle's file in its directory. */
export const BUNDLE_NAME = 'lessonc.cjs';
/** V8's code cache of the bundle, next to it, for the bundle as it is now. */
export function codeCacheName(directory) {
  const { size, mtimeMs } = statSync(path.join(directory, BUNDLE_NAME));
  return `${BUNDLE_NAME}.${size}-${mtimeMs}.code-cache`;
}

// CommonJS's own wrapper, on the bundle's first line so that its line numbers stay the file's.
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) {';
const WRAPPER_END = '\n})';

/**
 * The bundle in `directory`, run in this thread: its exports, whether V8 took the code cache
 * ('accepted', 'rejected' or 'absent'), and `saveCodeCache()`, which writes a cache of everything
 * compiled so far unless an accepted one is there (call it after a command, once its functions ran).
 */
export function loadBundle(directory) {
  const file = path.join(directory, BUNDLE_NAME);
  const cacheFile = path.join(directory, codeCacheName(directory));
  const source = readFileSync(file, 'utf8');
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(WRAPPER_START + source + WRAPPER_END, {
    filename: file,
    cachedData,
    // `import()` of what the bundle leaves out (Playwright, the language server) goes to Node's loader.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const codeCache = cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted';
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, directory);
  return {
    exports: module.exports,
    codeCache,
    saveCodeCache() {
      if (codeCache === 'accepted') return;
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      try {
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cacheFile);
      } catch {
        // A read-only node_modules: the next start compiles without the cache, as this one did.
        rmSync(temporary, { force: true });
      }
    },
  };
}
