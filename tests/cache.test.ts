import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheKey, resultCache } from '../plugins/remark-lessonc/lib/cache.ts';
import { compilerBuildId } from '../plugins/remark-lessonc/lib/build-id.ts';

let directory = '';
beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'lessonc-cache-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const isNumbers = (value: unknown): value is number[] => Array.isArray(value) && value.every((n) => typeof n === 'number');

async function entryFiles(): Promise<string[]> {
  return (await readdir(directory, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('result cache', () => {
  it('returns what was stored for the same text, options and build id', () => {
    const cache = resultCache('test', isNumbers, { directory, buildId: 'a' });
    expect(cache.get('lesson', { locale: 'en' })).toBeUndefined();
    cache.set('lesson', { locale: 'en' }, [1, 2, 3]);
    expect(cache.get('lesson', { locale: 'en' })).toEqual([1, 2, 3]);
    // Another process (a new cache object) reads the same entry.
    expect(resultCache('test', isNumbers, { directory, buildId: 'a' }).get('lesson', { locale: 'en' })).toEqual([1, 2, 3]);
  });

  it('misses when the text, the options or the build id changed', () => {
    resultCache('test', isNumbers, { directory, buildId: 'a' }).set('lesson', { locale: 'en' }, [1]);
    expect(resultCache('test', isNumbers, { directory, buildId: 'a' }).get('lesson ', { locale: 'en' })).toBeUndefined();
    expect(resultCache('test', isNumbers, { directory, buildId: 'a' }).get('lesson', { locale: 'ko' })).toBeUndefined();
    expect(resultCache('test', isNumbers, { directory, buildId: 'b' }).get('lesson', { locale: 'en' })).toBeUndefined();
    expect(cacheKey('a', 'x', { n: 1 })).not.toBe(cacheKey('a', 'x', { n: 2 }));
  });

  it('ignores a corrupt, truncated, foreign or ill-shaped entry and computes again', async () => {
    const cache = resultCache('test', isNumbers, { directory, buildId: 'a' });
    cache.set('lesson', {}, [7]);
    const [file] = await entryFiles();
    const good = await readFile(file!, 'utf8');
    for (const bad of ['{not json', good.slice(0, good.length - 3), '', JSON.stringify({ key: 'someone-else', value: [7] }), JSON.stringify({ key: JSON.parse(good).key, value: 'seven' }), 'null']) {
      await writeFile(file!, bad);
      expect(cache.get('lesson', {})).toBeUndefined();
    }
    // A miss is followed by a fresh result, which is then served.
    cache.set('lesson', {}, [8]);
    expect(cache.get('lesson', {})).toEqual([8]);
  });

  it('has a build id that is a content hash of the compiler', () => {
    expect(compilerBuildId()).toMatch(/^[0-9a-f]{64}$/);
    expect(compilerBuildId()).toBe(compilerBuildId());
  });
});
