// The bundle the CLI last started from, if its sources are still as they were: the start's fast
// path. The full check (bin/build-cli.mjs: list the source directories, stat every file, hash the
// stamp) costs about 20 ms of a 0.3 s start, most of it loading node:crypto and walking
// directories; this reads one small JSON file and stats the files it names. A file added to the
// sources changes nothing until an existing one imports it, and that one's edit is seen here.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** Where bin/build-cli.mjs puts the bundles, each in a directory named by its sources' stamp. */
export const bundlesDirectory = path.join(repoRoot, 'node_modules', '.cache', 'lessonc', 'cli');

/** `{ bundle, sources: [[path from the repo root, size, mtimeMs], …] }`, written by build-cli. */
export const POINTER_NAME = 'current.json';

/** The recorded bundle's directory when every recorded source still has its size and mtime; else undefined. */
export function currentBundle(bundles = bundlesDirectory, root = repoRoot) {
  let pointer;
  try {
    pointer = JSON.parse(readFileSync(path.join(bundles, POINTER_NAME), 'utf8'));
  } catch {
    return undefined;
  }
  if (!pointer || typeof pointer.bundle !== 'string' || !Array.isArray(pointer.sources) || pointer.sources.length === 0) return undefined;
  for (const source of pointer.sources) {
    if (!Array.isArray(source) || typeof source[0] !== 'string') return undefined;
    const info = statSync(path.join(root, source[0]), { throwIfNoEntry: false });
    if (!info || info.size !== source[1] || info.mtimeMs !== source[2]) return undefined;
  }
  return path.join(bundles, path.basename(pointer.bundle));
}
