import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.ts';

const run = promisify(execFile);
const cli = path.join(repoRoot, 'bin', 'lessonc.mjs');

/** The real CLI with its own cache directory; `env` picks the number of workers. */
async function lessonc(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd: repoRoot, env: { ...process.env, LESSONC_CACHE: cacheDir, ...env }, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

let work = '';
let cacheDir = '';
let lessons = '';

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'lessonc-parallel-'));
  cacheDir = path.join(work, 'cache');
  lessons = path.join(work, 'lessons');
  await run('mkdir', ['-p', lessons]);
  // Lessons of different sizes, so workers finish out of order.
  const sources = (await readdir(path.join(repoRoot, 'lessons'))).filter((name) => name.endsWith('.md')).sort();
  for (let copy = 0; copy < 3; copy++) for (const name of sources) await copyFile(path.join(repoRoot, 'lessons', name), path.join(lessons, `${copy}-${name}`));
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('check and fix over many files', () => {
  it('prints the same report on 3 workers as one file after another, and the same again from the cache', async () => {
    const sequential = await lessonc({ LESSONC_JOBS: '1', LESSONC_NO_CACHE: '1' }, 'check', lessons, '--format', 'json');
    const parallel = await lessonc({ LESSONC_JOBS: '3', LESSONC_NO_CACHE: '1' }, 'check', lessons, '--format', 'json');
    expect(parallel.code).toBe(sequential.code);
    expect(parallel.stdout).toBe(sequential.stdout);
    expect(JSON.parse(sequential.stdout)).toHaveLength(21);
    // Piped: no progress on stderr.
    expect(parallel.stderr).toBe('');
    const text = await lessonc({ LESSONC_JOBS: '3' }, 'check', lessons);
    // The CLI's thread keeps what the workers compiled: one entry per distinct lesson text.
    const entries = (await readdir(path.join(cacheDir, 'check'), { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(entries.map((entry) => entry.name).filter((name) => name.endsWith('.json'))).toHaveLength(new Set(await Promise.all((await readdir(lessons)).map((name) => readFile(path.join(lessons, name), 'utf8')))).size);
    const cached = await lessonc({ LESSONC_JOBS: '3' }, 'check', lessons);
    expect(cached.stdout).toBe(text.stdout);
    expect(text.stdout).toMatch(/21 files checked/);
  }, 120_000);

  it('ignores corrupt cache entries: the report is computed again', async () => {
    const fresh = await lessonc({}, 'check', lessons);
    const entries = (await readdir(path.join(cacheDir, 'check'), { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(entries.length).toBeGreaterThan(0);
    // Plausible JSON with the wrong key, and plain garbage: neither is trusted.
    for (const [i, entry] of entries.entries()) {
      const file = path.join(entry.parentPath, entry.name);
      const stored = JSON.parse(await readFile(file, 'utf8')) as { key: string };
      await writeFile(file, i % 2 ? '{"key":' : JSON.stringify({ key: stored.key, value: [{ ruleId: 'x' }] }));
    }
    const again = await lessonc({}, 'check', lessons);
    expect(again.stdout).toBe(fresh.stdout);
  }, 120_000);

  it('fixes on workers with the per-file lines in file order', async () => {
    const a = path.join(work, 'fix-a');
    const b = path.join(work, 'fix-b');
    await run('cp', ['-r', lessons, a]);
    await run('cp', ['-r', lessons, b]);
    const sequential = await lessonc({ LESSONC_JOBS: '1', LESSONC_NO_CACHE: '1' }, 'fix', a, '--dry-run');
    const parallel = await lessonc({ LESSONC_JOBS: '3', LESSONC_NO_CACHE: '1' }, 'fix', b, '--dry-run');
    expect(parallel.stderr.replaceAll(b, a)).toBe(sequential.stderr);
    expect(parallel.stdout.replaceAll(b, a)).toBe(sequential.stdout);
    expect(sequential.stderr.split('\n').filter(Boolean)).toHaveLength(21);
  }, 120_000);
  it('stops the workers it started early when the cache answers the rest, and reports the same', async () => {
    // 16 lessons: the first 8 miss the cache (workers start), the last 8 are answered by it, so 8
    // are left to compile: one job, in this thread; the started workers must not keep the CLI alive.
    const names = (await readdir(lessons)).sort().slice(0, 16);
    const files = names.map((name) => path.join(lessons, name));
    const isolated = { LESSONC_CACHE: path.join(work, 'early-cache') };
    await lessonc(isolated, 'check', ...files.slice(8), '--format', 'json');
    const mixed = await lessonc(isolated, 'check', ...files, '--format', 'json');
    const reference = await lessonc({ LESSONC_JOBS: '1', LESSONC_NO_CACHE: '1' }, 'check', ...files, '--format', 'json');
    expect(mixed.code).toBe(reference.code);
    expect(mixed.stdout).toBe(reference.stdout);
    expect(JSON.parse(mixed.stdout)).toHaveLength(16);
  }, 120_000);
});
