/**
 * A result cache shared by `lessonc check`, `lessonc fix` and the site build. An entry is keyed by the
 * lesson's text, the compiler's build id and the options that shape the result (locale, unsafe, ...),
 * and stored as one JSON file under node_modules/.cache/lessonc/<kind>/. Entries are never trusted:
 * one that cannot be read, is not JSON, or does not carry the very key asked for (a stale or
 * truncated file, a hash collision in the name) is a miss, and the result is computed again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cacheDirectory, compilerBuildId } from './build-id.ts';

export interface CacheOptions {
  /** Default: node_modules/.cache/lessonc (or LESSONC_CACHE). */
  directory?: string;
  /** Default: the compiler's build id. */
  buildId?: string;
}

export interface ResultCache<T> {
  get(text: string, options: unknown): T | undefined;
  set(text: string, options: unknown, value: T): void;
}

/** What tells this process's temporary files from another's (a number per write tells its own apart). */
const temporaryTag = randomBytes(6).toString('hex');
let written = 0;

/** The cache key of a lesson text under a build id and options (a sha256, hex). */
export function cacheKey(buildId: string, text: string, options: unknown): string {
  return createHash('sha256').update(buildId).update('\0').update(JSON.stringify(options ?? null)).update('\0').update(text).digest('hex');
}

/** A cache of `kind` results; `valid` checks a value read back before it is used. */
export function resultCache<T>(kind: string, valid: (value: unknown) => value is T, options: CacheOptions = {}): ResultCache<T> {
  const directory = path.join(options.directory ?? cacheDirectory(), kind);
  const buildId = () => options.buildId ?? compilerBuildId();
  const fileOf = (key: string) => path.join(directory, key.slice(0, 2), `${key}.json`);
  return {
    get(text, entryOptions) {
      if (process.env.LESSONC_NO_CACHE) return undefined;
      const key = cacheKey(buildId(), text, entryOptions);
      let entry: unknown;
      try {
        entry = JSON.parse(readFileSync(fileOf(key), 'utf8'));
      } catch {
        return undefined;
      }
      if (!entry || typeof entry !== 'object' || (entry as { key?: unknown }).key !== key) return undefined;
      const value = (entry as { value?: unknown }).value;
      return valid(value) ? value : undefined;
    },
    set(text, entryOptions, value) {
      if (process.env.LESSONC_NO_CACHE) return;
      const key = cacheKey(buildId(), text, entryOptions);
      const file = fileOf(key);
      const temporary = `${file}.${temporaryTag}.${++written}.tmp`;
      try {
        const data = JSON.stringify({ key, value });
        try {
          writeFileSync(temporary, data);
        } catch (error) {
          // The directory is made the first time it is missing, not asked for on every write.
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(temporary, data);
        }
        renameSync(temporary, file);
      } catch {
        // A full disk or a read-only cache is not the lesson's problem: the result just is not kept.
        rmSync(temporary, { force: true });
      }
    },
  };
}
