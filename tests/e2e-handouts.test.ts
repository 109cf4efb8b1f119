import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHandouts } from '../cli/handouts.ts';
import { browserAvailable, launchChromium, repoRoot, run, serveStatic, type StaticServer } from './fixtures/site/harness.ts';

const site = path.join(repoRoot, 'dist');
const canRun = browserAvailable('handout tests');

describe.skipIf(!canRun)('handouts', () => {
  let server: StaticServer;

  beforeAll(async () => {
    // `npm test` builds dist/ first; a bare `vitest run` builds it here.
    if (!existsSync(path.join(site, 'lessons'))) await run('npm', ['run', 'build']);
    server = await serveStatic(site);
  }, 600_000);

  afterAll(async () => server?.close());

  it('prints a student copy and an answer key for every built lesson', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'lessonc-handouts-'));
    const handouts = await makeHandouts(site, out);
    const lessons = (await readdir(path.join(site, 'lessons'))).sort();
    expect(handouts.map((h) => h.lesson)).toEqual(lessons);
    for (const handout of handouts) {
      const student = await readFile(handout.student);
      const answers = await readFile(handout.answers);
      expect(student.subarray(0, 5).toString()).toBe('%PDF-');
      expect(answers.subarray(0, 5).toString()).toBe('%PDF-');
      expect(answers.equals(student)).toBe(false);
    }
  }, 120_000);

  it('hides the answers on paper, and shows every one of them in the answer key', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      const lesson = (await readdir(path.join(site, 'lessons'))).sort()[0];
      const url = `${server.url}/lessons/${lesson}/`;
      await page.goto(url);
      const answers = page.locator('.lc-answer');
      const count = await answers.count();
      expect(count).toBeGreaterThan(0);
      expect(await answers.evaluateAll((nodes) => nodes.filter((node) => (node as HTMLElement).offsetParent !== null).length)).toBe(0);
      expect(await page.locator('.lc-quiz-form').count()).toBe(0);

      await page.route(url, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: (await response.text()).replace(/<html\b/, '<html data-answer-key') });
      });
      await page.goto(url);
      expect(await answers.evaluateAll((nodes) => nodes.filter((node) => (node as HTMLElement).offsetParent !== null).length)).toBe(count);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
