// Runs the CLI's bundle (bin/build-cli.mjs: one CommonJS file) with a V8 code cache kept next to it.
// Node's module compile cache keeps only what V8 compiles when a module loads, and V8 compiles a
// function's body on its first call: a cold check compiled most of the compiler again on every
// start. A code cache made after a run holds every function that run called. The run that makes it
// is always a check of bin/warm-up-lesson.md by a plain `node` (LESSONC_WARM_UP=1), never whatever
// command came first: a cache made after a check of many files (compiled in workers) or after
// `--help` held a third less, and a cache is written only where there is none. A start that finds
// no cache, or one V8 refused (another V8; a start with other V8 flags refuses it too, and leaves
// it), starts that check in the background when it is done. V8 also takes a cache made for another
// source of the same length: the cache's name holds the size and mtime of the bundle it was made
// for (a bundle's directory, named by the sources' stamp, is never written again; this is for one
// edited by hand).
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
 * ('accepted', 'rejected' or 'absent'), and `done()`, to call after the command: in the warm-up
 * check it writes the cache of what the check compiled; in any other start without an accepted
 * cache it starts the warm-up check, detached.
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
    done() {
      if (codeCache === 'accepted') return;
      if (!process.env.LESSONC_WARM_UP) return warmCodeCache({ wait: false });
      // Not written (a read-only node_modules): the next start compiles without the cache, as this one did.
      replaceFile(cacheFile, script.createCachedData());
    },
  };
}

/**
 * `data` as the whole of `file`, through a temporary file renamed over it, so a reader never sees
 * half of it; false when it could not be written (nothing is left behind).
 */
export function replaceFile(file, data) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
    return true;
  } catch {
    rmSync(temporary, { force: true });
    return false;
  }
}

/**
 * The warm-up check, whose start writes the code cache of the current bundle if it has none:
 * waited for by `npm ci` (bin/build-cli.mjs), in the background after a start that had none.
 */
export function warmCodeCache({ wait }) {
  const cli = fileURLToPath(new URL('./lessonc.mjs', import.meta.url));
  const lesson = fileURLToPath(new URL('./warm-up-lesson.md', import.meta.url));
  const args = [cli, 'check', lesson, '--exit-zero'];
  const options = { stdio: 'ignore', env: { ...process.env, LESSONC_WARM_UP: '1', LESSONC_NO_CACHE: '1' } };
  // Loaded only here: most starts never need it.
  const { spawn, spawnSync } = process.getBuiltinModule('node:child_process');
  if (wait) spawnSync(process.execPath, args, options);
  else spawn(process.execPath, args, { ...options, detached: true }).unref();
}
