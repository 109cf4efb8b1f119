// Bundles the CLI (cli/ and the compiler it runs) into plain JavaScript under
// node_modules/.cache/lessonc/cli/, with a stamp of the sources it was built from. bin/lessonc.mjs
// runs the bundle only while the stamp still matches the sources (an edited file falls back to the
// TypeScript, and is bundled again on the next start): the bundle is an accelerator, never a second
// copy of the truth. Each module's `import.meta.url` stays its source file's, so data files, workers
// and the message catalogues resolve as they do from the sources.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundlesDirectory, POINTER_NAME, repoRoot } from './current-bundle.mjs';

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
  files.push(path.join(repoRoot, 'package-lock.json'), fileURLToPath(import.meta.url), fileURLToPath(new URL('./current-bundle.mjs', import.meta.url)));
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
  const pointer = path.join(bundlesDirectory, POINTER_NAME);
  const temporary = `${pointer}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify({ bundle: path.basename(target), sources: files.map(({ file, size, mtimeMs }) => [file, size, mtimeMs]) }));
    renameSync(temporary, pointer);
  } catch {
    rmSync(temporary, { force: true });
  }
}

/** Bundles the sources unless their bundle exists; returns the bundle's directory. */
export async function buildCli(files = sourceFiles()) {
  const target = bundleDirectory(sourceStamp(files));
  if (existsSync(path.join(target, 'main.mjs'))) {
    recordCurrent(target, files);
    return target;
  }
  const esbuild = await import('esbuild');
  const temporary = `${target}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'cli', 'main.ts'), path.join(repoRoot, 'cli', 'worker.ts')],
    outdir: temporary,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    outExtension: { '.js': '.mjs' },
    // Loaded only by the commands that need them, and large.
    external: ['playwright-core', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-textdocument'],
    banner: { js: "import { createRequire as __lessoncRequire } from 'node:module'; const require = __lessoncRequire(import.meta.url);" },
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
    console.error(`lessonc: CLI bundled into ${path.relative(repoRoot, await buildCli())}`);
  } catch (error) {
    console.error(`lessonc: CLI not bundled (${error.message}); it runs from its TypeScript sources`);
  }
}
