/**
 * The compiler's build id: a hash of its code, schema and grammar data (every file under
 * plugins/remark-lessonc/, the message catalogues) and the versions of the Markdown parser it runs.
 * Cached results are keyed by it, and Astro's content cache depends on it (the remark plugin gets it
 * as an option, so Astro's config digest changes with the compiler), so a changed compiler never
 * serves an old result.
 *
 * Hashing ~1 MB of files costs a few milliseconds; a small index under the cache directory keyed by
 * each file's size and mtime skips even that when nothing changed (a stale or corrupt index is
 * simply recomputed).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const pluginRoot = fileURLToPath(new URL('../', import.meta.url));
const repoRoot = path.resolve(pluginRoot, '../..');

/** Where lessonc keeps its cache: node_modules/.cache/lessonc/ of the project (LESSONC_CACHE overrides). */
export function cacheDirectory(): string {
  return process.env.LESSONC_CACHE ?? path.join(repoRoot, 'node_modules', '.cache', 'lessonc');
}

/** The files whose content makes up the compiler, sorted. */
export function compilerFiles(): string[] {
  const files = readdirSync(pluginRoot, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|json)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
  for (const name of ['en.json', 'ko.json']) files.push(path.join(repoRoot, 'i18n', name));
  for (const name of ['micromark', 'mdast-util-from-markdown', 'remark-gfm', 'remark-directive', 'yaml', 'zod']) files.push(path.join(repoRoot, 'node_modules', name, 'package.json'));
  return files.sort();
}

/** The file in the CLI's bundle (bin/build-cli.mjs) holding the build id of the sources it was made from. */
export const BUNDLE_BUILD_ID_FILE = 'build-id.txt';

/**
 * The directory of the CLI's bundle this process runs from, if it does: bin/lessonc.mjs and
 * bin/bundle-worker.mjs record it under this symbol (the CLI's worker pool starts its workers from it).
 */
export function runningBundle(): string | undefined {
  const bundle = (globalThis as Record<symbol, unknown>)[Symbol.for('lessonc.bundle')];
  return typeof bundle === 'string' ? bundle : undefined;
}

/**
 * The id the CLI's bundle was made with, when this compiler runs from it: its code is those
 * sources', checked unchanged by size and mtime at every start, so the stat of every compiler file
 * below is not needed again (about 4 ms of a start).
 */
function bundledBuildId(): string | undefined {
  const bundle = runningBundle();
  if (bundle === undefined) return undefined;
  try {
    const id = readFileSync(path.join(bundle, BUNDLE_BUILD_ID_FILE), 'utf8');
    return /^[0-9a-f]{64}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

let memo: string | undefined;

export function compilerBuildId(): string {
  if (memo) return memo;
  const bundled = bundledBuildId();
  if (bundled) return (memo = bundled);
  const files = compilerFiles();
  const stamps = files.map((file) => {
    const info = statSync(file, { throwIfNoEntry: false });
    return info ? `${file}:${info.size}:${info.mtimeMs}` : `${file}:-`;
  });
  const stampHash = createHash('sha256').update(stamps.join('\n')).digest('hex');
  const indexFile = path.join(cacheDirectory(), 'build-id.json');
  try {
    const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { stamps?: unknown; id?: unknown };
    if (index.stamps === stampHash && typeof index.id === 'string' && /^[0-9a-f]{64}$/.test(index.id)) return (memo = index.id);
  } catch {
    // No index yet, or a corrupt one: compute the id.
  }
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${path.relative(repoRoot, file)}\0`);
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('-');
    }
    hash.update('\0');
  }
  memo = hash.digest('hex');
  try {
    mkdirSync(cacheDirectory(), { recursive: true });
    const temporary = `${indexFile}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ stamps: stampHash, id: memo }));
    renameSync(temporary, indexFile);
  } catch {
    // A read-only cache directory only costs the hashing next time.
  }
  return memo;
}
