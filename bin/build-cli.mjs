// Bundles the CLI (cli/ and the compiler it runs) into one CommonJS file under
// node_modules/.cache/lessonc/cli/, with a stamp of the sources it was built from. One file, not
// ES modules split in chunks: bin/load-bundle.mjs runs it with a V8 code cache, which only a script
// can have (what a command does not use is still run only when imported: esbuild keeps `import()`
// of a bundled module lazy). bin/lessonc.mjs
// runs the bundle only while the stamp still matches the sources (an edited file falls back to the
// TypeScript, and is bundled again on the next start): the bundle is an accelerator, never a second
// copy of the truth. Each module's `import.meta.url` stays its source file's, so data files, workers
// and the message catalogues resolve as they do from the sources.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundlesDirectory, POINTER_NAME, repoRoot } from './current-bundle.mjs';
import { BUNDLE_NAME, codeCacheName, replaceFile, warmCodeCache } from './load-bundle.mjs';

/**
 * The bundle of the sources as they are now: a directory named by their stamp, so a bundle in use
 * is never replaced under a running CLI (a new one goes next to it).
 */
function bundleDirectory(stamp) {
  return path.join(bundlesDirectory, createHash('sha256').update(stamp).digest('hex').slice(0, 24));
}

/** Every source file the bundle is made of, from the repo root, with its size and mtime. */
function sourceFiles() {
  const files = [];
  for (const directory of ['cli', 'plugins/remark-lessonc', 'i18n']) {
    for (const entry of readdirSync(path.join(repoRoot, directory), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && /\.(ts|json|mjs)$/.test(entry.name)) files.push(path.join(entry.parentPath, entry.name));
    }
  }
  files.push(path.join(repoRoot, 'package-lock.json'), ...['./build-cli.mjs', './current-bundle.mjs', './load-bundle.mjs'].map((file) => fileURLToPath(new URL(file, import.meta.url))));
  return files.sort().map((file) => {
    const info = statSync(file, { throwIfNoEntry: false });
    return { file: path.relative(repoRoot, file), size: info?.size, mtimeMs: info?.mtimeMs };
  });
}

/** Size and mtime of every source file the bundle is made of, as one text (its hash names the bundle). */
function sourceStamp(files) {
  return files.map(({ file, size, mtimeMs }) => (size === undefined ? `${file}:-` : `${file}:${size}:${mtimeMs}`)).join('\n');
}

/** Records `target` as the bundle of `files` for the next start's fast path (bin/current-bundle.mjs). */
function recordCurrent(target, files) {
  if (files.some(({ size }) => size === undefined)) return;
  replaceFile(path.join(bundlesDirectory, POINTER_NAME), JSON.stringify({ bundle: path.basename(target), sources: files.map(({ file, size, mtimeMs }) => [file, size, mtimeMs]) }));
}

/** Bundles the sources unless their bundle exists; returns the bundle's directory. */
export async function buildCli(files = sourceFiles()) {
  const target = bundleDirectory(sourceStamp(files));
  if (existsSync(path.join(target, BUNDLE_NAME))) {
    recordCurrent(target, files);
    return target;
  }
  const esbuild = await import('esbuild');
  const temporary = `${target}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'cli', 'bundle.ts')],
    outfile: path.join(temporary, BUNDLE_NAME),
    bundle: true,
    format: 'cjs',
    // No comments or indentation: a third less to read and hand to V8 on every start. Names stay.
    minifyWhitespace: true,
    platform: 'node',
    target: 'node22',
    // Loaded only by the commands that need them, and large.
    external: ['playwright-core', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-textdocument'],
    // The sources are ES modules, strict by definition; a CommonJS file is strict only when it says so.
    banner: { js: "'use strict';" },
    logLevel: 'silent',
    plugins: [
      {
        name: 'source-import-meta-url',
        setup(build) {
          build.onLoad({ filter: /\.ts$/ }, async (args) => {
            const source = await readFile(args.path, 'utf8');
            return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)).replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path))), loader: 'ts' };
          });
        },
      },
    ],
  });
  // The compiler's build id as of these sources, for the starts from this bundle (lib/build-id.ts).
  const { BUNDLE_BUILD_ID_FILE, compilerBuildId } = await import('../plugins/remark-lessonc/lib/build-id.ts');
  writeFileSync(path.join(temporary, BUNDLE_BUILD_ID_FILE), compilerBuildId());
  try {
    renameSync(temporary, target);
  } catch {
    // Another start built the same bundle first.
    rmSync(temporary, { recursive: true, force: true });
  }
  // Bundles of older sources, once no CLI started an hour ago can still be loading from them.
  for (const name of readdirSync(bundlesDirectory)) {
    const other = path.join(bundlesDirectory, name);
    if (name !== POINTER_NAME && other !== target && Date.now() - statSync(other).mtimeMs > 3_600_000) rmSync(other, { recursive: true, force: true });
  }
  recordCurrent(target, files);
  return target;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  // `npm ci` runs this (prepare): without esbuild the CLI runs from its sources, so never fail.
  try {
    const bundle = await buildCli();
    const codeCache = path.join(bundle, codeCacheName(bundle));
    // The first check a user runs starts compiled (bin/load-bundle.mjs).
    if (!existsSync(codeCache)) warmCodeCache({ wait: true });
    console.error(`lessonc: CLI bundled into ${path.relative(repoRoot, bundle)}${existsSync(codeCache) ? ', with its code cache' : ''}`);
  } catch (error) {
    console.error(`lessonc: CLI not bundled (${error.message}); it runs from its TypeScript sources`);
  }
}
