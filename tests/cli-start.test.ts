import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.ts';
import { currentBundle, POINTER_NAME } from '../bin/current-bundle.mjs';

const run = promisify(execFile);

/** The bare specifiers and files a command loads, recorded by a module resolve hook. */
async function loadedBy(args: string[], env: Record<string, string> = {}): Promise<string[]> {
  const probe = `
    import module from 'node:module';
    const seen = [];
    module.registerHooks({ resolve(specifier, context, next) { seen.push(specifier); return next(specifier, context); } });
    const { main } = await import(${JSON.stringify(path.join(repoRoot, 'cli', 'main.ts'))});
    await main(${JSON.stringify(args)});
    process.stderr.write('LOADED ' + JSON.stringify(seen) + '\\n');`;
  const { stderr } = await run(process.execPath, ['--input-type=module', '-e', probe], { cwd: repoRoot, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(/LOADED (.*)/.exec(stderr)![1]!) as string[];
}

describe('CLI start', () => {
  it('a check loads neither Playwright nor the diff, importer or language server', async () => {
    const loaded = await loadedBy(['check', path.join(repoRoot, 'lessons', '01-pod.md'), '--exit-zero'], { LESSONC_NO_CACHE: '1' });
    expect(loaded.some((s) => /remark-lessonc\/(index|lib\/plugin)\.ts|\.\/plugin\.ts/.test(s))).toBe(true);
    for (const unused of ['playwright-core', 'diff', 'vscode-languageserver', './handouts.ts', './fix.ts']) expect(loaded, unused).not.toContain(unused);
    expect(loaded.filter((s) => s.includes('/import/'))).toEqual([]);
  }, 60_000);

  it('a check answered from the cache loads no compiler', async () => {
    const lesson = path.join(repoRoot, 'lessons', '02-init-containers.md');
    await loadedBy(['check', lesson, '--exit-zero']);
    const loaded = await loadedBy(['check', lesson, '--exit-zero']);
    expect(loaded.filter((s) => /plugin\.ts|micromark|^unified$|^yaml$/.test(s))).toEqual([]);
  }, 60_000);
});

describe('the start fast path (bin/current-bundle.mjs)', () => {
  const find = currentBundle as (bundles: string, root: string) => string | undefined;

  it('answers the recorded bundle only while every recorded source keeps its size and mtime', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'lessonc-pointer-'));
    try {
      const bundles = path.join(root, 'bundles');
      mkdirSync(path.join(root, 'cli'), { recursive: true });
      mkdirSync(bundles);
      const source = path.join(root, 'cli', 'main.ts');
      writeFileSync(source, 'export {};\n');
      const record = () => {
        const info = statSync(source);
        writeFileSync(path.join(bundles, POINTER_NAME), JSON.stringify({ bundle: 'abc', sources: [['cli/main.ts', info.size, info.mtimeMs]] }));
      };
      record();
      expect(find(bundles, root)).toBe(path.join(bundles, 'abc'));
      // Same size, another mtime: an edit that kept the length.
      utimesSync(source, new Date(), new Date(Date.now() + 5000));
      expect(find(bundles, root)).toBeUndefined();
      record();
      writeFileSync(source, 'export const edited = 1;\n');
      expect(find(bundles, root)).toBeUndefined();
      rmSync(source);
      expect(find(bundles, root)).toBeUndefined();
      for (const broken of ['', '{', '{"bundle":"abc","sources":[]}', '{"bundle":1,"sources":[["cli/main.ts",1,1]]}', 'null']) {
        writeFileSync(path.join(bundles, POINTER_NAME), broken);
        expect(find(bundles, root), broken).toBeUndefined();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('after a bundle is found or built, the next start takes it without the full stamp', async () => {
    const { buildCli } = await import('../bin/build-cli.mjs');
    const built = (await buildCli()) as string;
    expect(find(path.join(repoRoot, 'node_modules', '.cache', 'lessonc', 'cli'), repoRoot)).toBe(built);
  }, 120_000);

  it('holds the build id of its sources, so the CLI and the site build share the result cache', async () => {
    const { buildCli } = await import('../bin/build-cli.mjs');
    const { BUNDLE_BUILD_ID_FILE, compilerBuildId } = await import('../plugins/remark-lessonc/lib/build-id.ts');
    const built = (await buildCli()) as string;
    expect(readFileSync(path.join(built, BUNDLE_BUILD_ID_FILE), 'utf8')).toBe(compilerBuildId());
    // A check from the bundle writes the entry a check from the sources then reads.
    const cache = mkdtempSync(path.join(tmpdir(), 'lessonc-shared-cache-'));
    try {
      const lesson = path.join(repoRoot, 'lessons', '03-pause-container.md');
      const check = (env: Record<string, string>) => run(process.execPath, [path.join(repoRoot, 'bin', 'lessonc.mjs'), 'check', lesson, '--exit-zero', '--format', 'json'], { cwd: repoRoot, env: { ...process.env, LESSONC_CACHE: cache, ...env } });
      const bundled = await check({});
      const entries = () => readdirSync(path.join(cache, 'check'), { recursive: true }).filter((name) => String(name).endsWith('.json'));
      expect(entries()).toHaveLength(1);
      expect((await check({ LESSONC_FROM_SOURCE: '1' })).stdout).toBe(bundled.stdout);
      expect(entries()).toHaveLength(1);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the bundle code cache (bin/load-bundle.mjs)', () => {
  /** A start in a new process (V8 keeps what it compiled in-process, cache or not): what became of the cache. */
  async function start(directory: string): Promise<string> {
    const probe = `import { loadBundle } from ${JSON.stringify(pathToFileURL(path.join(repoRoot, 'bin', 'load-bundle.mjs')).href)};
      const loaded = loadBundle(${JSON.stringify(directory)});
      if (typeof loaded.exports.main !== 'function' || typeof loaded.exports.serveTasks !== 'function') throw new Error('no exports');
      loaded.done();
      process.stdout.write(loaded.codeCache);`;
    return (await run(process.execPath, ['--input-type=module', '-e', probe], { cwd: repoRoot, env: { ...process.env, LESSONC_WARM_UP: '1' } })).stdout;
  }

  it('is written by the warm-up start, taken by the next, and a damaged one is refused and written again', async () => {
    const { buildCli } = await import('../bin/build-cli.mjs');
    const { BUNDLE_NAME, codeCacheName } = await import('../bin/load-bundle.mjs');
    const built = (await buildCli()) as string;
    // A copy of the bundle, so the tests' own starts keep theirs.
    const directory = mkdtempSync(path.join(tmpdir(), 'lessonc-code-cache-'));
    try {
      writeFileSync(path.join(directory, BUNDLE_NAME), readFileSync(path.join(built, BUNDLE_NAME)));
      const cache = path.join(directory, codeCacheName(directory));
      expect(await start(directory)).toBe('absent');
      expect(statSync(cache).size).toBeGreaterThan(0);
      expect(await start(directory)).toBe('accepted');
      // Cut short, as by a full disk: V8 refuses it, and the start writes a whole one again.
      writeFileSync(cache, readFileSync(cache).subarray(0, 1000));
      expect(await start(directory)).toBe('rejected');
      expect(await start(directory)).toBe('accepted');
      // V8 would take this cache for another source of the same length: a bundle edited in place
      // (another mtime) gets a cache of its own.
      writeFileSync(path.join(directory, BUNDLE_NAME), readFileSync(path.join(built, BUNDLE_NAME), 'utf8').replace("'use strict';", '"use strict";'));
      utimesSync(path.join(directory, BUNDLE_NAME), new Date(), new Date(Date.now() + 5000));
      expect(await start(directory)).toBe('absent');
      expect(await start(directory)).toBe('accepted');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 120_000);
  it('a start that finds no cache leaves the warm-up check to write one', async () => {
    const { buildCli } = await import('../bin/build-cli.mjs');
    const { codeCacheName } = await import('../bin/load-bundle.mjs');
    const bundle = (await buildCli()) as string;
    const cache = path.join(bundle, codeCacheName(bundle));
    rmSync(cache, { force: true });
    const lesson = path.join(repoRoot, 'lessons', '02-init-containers.md');
    await run(process.execPath, [path.join(repoRoot, 'bin', 'lessonc.mjs'), 'check', lesson, '--exit-zero'], { cwd: repoRoot, env: { ...process.env, LESSONC_NO_CACHE: '1' } });
    // The check is done; its warm-up runs on in the background.
    for (let waited = 0; !existsSync(cache) && waited < 60_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(statSync(cache).size).toBeGreaterThan(100_000);
  }, 120_000);

  it('a check from the bundle reports what a check from the sources reports', async () => {
    const lesson = path.join(repoRoot, 'lessons', '01-pod.md');
    const check = (env: Record<string, string>) => run(process.execPath, [path.join(repoRoot, 'bin', 'lessonc.mjs'), 'check', lesson, '--exit-zero', '--format', 'json', '--locale', 'en'], { cwd: repoRoot, env: { ...process.env, LESSONC_NO_CACHE: '1', ...env }, maxBuffer: 16 * 1024 * 1024 });
    const [bundled, fromSource] = await Promise.all([check({}), check({ LESSONC_FROM_SOURCE: '1' })]);
    expect(JSON.parse(bundled.stdout).length).toBeGreaterThan(0);
    expect(bundled.stdout).toBe(fromSource.stdout);
  }, 120_000);
});
