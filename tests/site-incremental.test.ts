import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyedRouteSource } from '../src/integrations/lesson-page-cache.ts';
import { inlineScriptHashes, withScriptHashes } from '../src/integrations/frame-script-hashes.ts';
import { buildSite, fixtureLessons } from './fixtures/site/harness.ts';

/**
 * Rebuilds of the fixture course with Astro's incremental build: a lesson page is rendered again
 * only when its lesson or the course outline changed, and what a rebuild leaves in the output is
 * what a build from nothing writes.
 */
let workDir = '';
let lessons = '';
const outDir = () => join(workDir, 'dist');
const rebuild = async () => (await buildSite(lessons, outDir(), join(workDir, 'cache'))).replace(/\u001b\[\d+m/g, '');

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'lessonc-incremental-'));
  lessons = join(workDir, 'lessons');
  await cp(fixtureLessons, lessons, { recursive: true });
  await rebuild();
}, 180_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** How the build says it made a page: rendered, or taken from the previous build. */
function howMade(output: string, page: string): 'rendered' | 'reused' | undefined {
  const line = output.split('\n').find((each) => each.includes(` /${page}/index.html `));
  if (!line) return undefined;
  return /\((restored|cached)\)/.test(line) ? 'reused' : 'rendered';
}

async function htmlFiles(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), await readFile(path, 'utf8'));
  }
  return files;
}

/** Rewrites one lesson of the copied course; the change must change it. */
async function changeLesson(name: string, change: (text: string) => string) {
  const file = join(lessons, name);
  const text = await readFile(file, 'utf8');
  const changed = change(text);
  expect(changed).not.toBe(text);
  await writeFile(file, changed);
}

/** Every page of the rebuilt output equals the page a build from nothing writes for the same lessons. */
async function expectSameAsFreshBuild(name: string) {
  const fresh = join(workDir, `fresh-${name}`);
  await buildSite(lessons, fresh, join(workDir, `fresh-${name}-cache`));
  const [rebuilt, expected] = await Promise.all([htmlFiles(outDir()), htmlFiles(fresh)]);
  expect([...rebuilt.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [path, html] of expected) expect(rebuilt.get(path), path).toBe(html);
}

describe('incremental site build', () => {
  it('renders again only the lesson whose text changed', async () => {
    await changeLesson('a-commands.md', (text) => `${text}\nOne more sentence, so this lesson changed.\n`);
    const output = await rebuild();
    expect(howMade(output, 'lessons/a-commands')).toBe('rendered');
    expect(howMade(output, 'lessons/b-pod')).toBe('reused');
    expect(await readFile(join(outDir(), 'lessons/a-commands/index.html'), 'utf8')).toContain('One more sentence, so this lesson changed.');
    await expectSameAsFreshBuild('body');
  }, 180_000);

  it('renders every lesson again when a title changes, since every sidebar lists it', async () => {
    await changeLesson('b-pod.md', (text) => text.replace(/^(---\n[\s\S]*?)^title: .*$/m, '$1title: 파드를 처음 만들기'));
    const output = await rebuild();
    expect(howMade(output, 'lessons/a-commands')).toBe('rendered');
    expect(howMade(output, 'lessons/b-pod')).toBe('rendered');
    expect(await readFile(join(outDir(), 'lessons/a-commands/index.html'), 'utf8')).toContain('파드를 처음 만들기');
    await expectSameAsFreshBuild('title');
  }, 180_000);

  it('reuses every lesson page when nothing changed, each frame script hash in its policy once', async () => {
    const output = await rebuild();
    expect(howMade(output, 'lessons/a-commands')).toBe('reused');
    expect(howMade(output, 'lessons/b-pod')).toBe('reused');
    const page = await readFile(join(outDir(), 'lessons/b-pod/index.html'), 'utf8');
    const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(page)?.[1] ?? '';
    const frame = inlineScriptHashes(await readFile(join(outDir(), 'index.html'), 'utf8'));
    expect(frame.length).toBeGreaterThan(0);
    for (const hash of frame) expect(policy.split(hash).length - 1, hash).toBe(1);
  }, 180_000);
});

describe('the lesson route with cache keys', () => {
  it("recognises the installed Starlight's lesson route (a Starlight that words it otherwise fails here)", async () => {
    const route = createRequire(import.meta.url).resolve('@astrojs/starlight/routes/static/index.astro');
    const keyed = keyedRouteSource(await readFile(route, 'utf8'));
    expect(keyed).toBeDefined();
    expect(keyed).toContain('return withCacheKeys(paths, routes, getRouteBySlugParam);');
  });

  it('leaves a route it does not know alone', () => {
    expect(keyedRouteSource('---\nexport function getStaticPaths() { return []; }\n---\n')).toBeUndefined();
  });

  it('adds to a policy only the hashes it lacks', () => {
    const page = Buffer.from(`<meta http-equiv="content-security-policy" content="script-src 'self' 'sha256-a'; style-src 'self'">`);
    expect(withScriptHashes(page, ["'sha256-a'"])).toEqual([page]);
    expect(Buffer.concat(withScriptHashes(page, ["'sha256-a'", "'sha256-b'"])!).toString()).toContain(`script-src 'sha256-b' 'self' 'sha256-a';`);
    expect(withScriptHashes(Buffer.from('<p>no policy</p>'), ["'sha256-a'"])).toBeUndefined();
  });
});
