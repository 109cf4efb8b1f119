import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { repoRoot, useSites, type StaticServer } from './fixtures/site/harness.ts';

/**
 * The site frame (Starlight) as a learner uses it, in Chromium against production builds: a fixture
 * course of three lessons (two Korean ones in a module, one English) for navigation, and the real
 * course in `dist/` (built by `npm test` first, here when missing) for search and accessibility.
 */
const courseLessons = fileURLToPath(new URL('./fixtures/course/lessons/', import.meta.url));
const realSite = resolve(repoRoot, process.env.LESSONC_E2E_SITE ?? 'dist');
const site = useSites('e2e-site', { fixture: { build: courseLessons }, real: { built: realSite } });
const canRun = site.canRun;


async function open(server: StaticServer, path: string, options: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await site.browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 }, colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${server.url}${path}`);
  await page.waitForLoadState('networkidle');
  return { context, page, errors };
}

/** Opens Starlight's search modal and returns the titles of the pages found for `query`. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.getByRole('button', { name: /검색|Search/ }).first().click();
  const box = page.locator('dialog[open] input[type="search"], dialog[open] input').first();
  await box.fill(query);
  // Pagefind answers asynchronously; "no results" is a message, results are links. Each result is a
  // placeholder (`pagefind-ui__loading`) until its fragment has loaded: read the titles only then, or
  // a result still loading is missing from them.
  await page.waitForFunction(() => {
    const ui = document.querySelector('dialog[open] .pagefind-ui');
    if (!ui) return false;
    if (/결과가 없|No results/i.test(ui.textContent ?? '')) return true;
    return ui.querySelector('.pagefind-ui__result-link') !== null && ui.querySelector('.pagefind-ui__results .pagefind-ui__loading') === null;
  }, undefined, { timeout: 10_000 });
  const titles = await page.locator('dialog[open] .pagefind-ui__result-link').allTextContents();
  await page.keyboard.press('Escape');
  return titles.map((title) => title.trim());
}

describe.skipIf(!canRun)('course frame', () => {
  it('moves between lessons with the sidebar and back with "previous"; the table of contents links to a section', async () => {
    const { context, page, errors } = await open(site.fixture, '/lessons/01-first-pod/');
    const sidebar = page.locator('#starlight__sidebar');
    // The module groups the two Korean lessons, in `order`.
    await expect.poll(() => sidebar.getByRole('link').allTextContents()).toEqual(['첫 파드', '두 번째 파드', 'Deleting pods']);
    await sidebar.getByRole('link', { name: '두 번째 파드' }).click();
    await page.waitForURL(/\/lessons\/02-second-pod\/$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('두 번째 파드');
    await page.locator('.pagination-links a[rel="prev"]').click();
    await page.waitForURL(/\/lessons\/01-first-pod\/$/);

    const toc = page.locator('starlight-toc nav');
    await toc.getByRole('link', { name: '상태 보기' }).click();
    await page.waitForURL(/#상태-보기$|#%EC%83%81%ED%83%9C-%EB%B3%B4%EA%B8%B0$/);
    const heading = page.getByRole('heading', { name: '상태 보기' });
    expect(await heading.isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('links no handout where none was printed (a build without `lessonc handouts`)', async () => {
    const { context, page, errors } = await open(site.fixture, '/lessons/01-first-pod/');
    await page.locator('lessonc-lesson').waitFor({ state: 'attached' });
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.lc-handout-links a').count()).toBe(2);
    expect(await page.getByRole('link', { name: '정답지' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows progress per lesson on the course home, continues at the first lesson not finished, and resets after asking', async () => {
    const { context, page, errors } = await open(site.fixture, '/lessons/01-first-pod/');
    const question = page.locator('.lc-question').first();
    await question.getByRole('textbox').first().fill('kubectl get pods');
    await question.getByRole('button', { name: '확인' }).click();
    await expect.poll(() => question.getByRole('status').textContent()).toContain('정답');
    await page.goto(`${site.fixture.url}/`);
    const lessons = page.locator('.lc-lesson-list > li');
    await expect.poll(() => lessons.first().locator('.lc-progress').textContent()).toContain('1/1');
    expect(await lessons.nth(1).locator('.lc-progress').textContent()).toContain('0/1');
    const next = page.locator('[data-continue]');
    await expect.poll(() => next.getAttribute('href')).toMatch(/\/lessons\/02-second-pod\/$/);
    expect(await next.textContent()).toContain('두 번째 파드');

    await page.getByRole('button', { name: '진행 상황 초기화' }).click();
    // Nothing is cleared until the learner confirms; "cancel" keeps everything.
    await page.getByRole('button', { name: '취소' }).click();
    expect(await lessons.first().locator('.lc-progress').textContent()).toContain('1/1');
    await page.getByRole('button', { name: '진행 상황 초기화' }).click();
    await page.getByRole('button', { name: '지우기' }).click();
    await expect.poll(() => lessons.first().locator('.lc-progress').textContent()).toContain('0/1');
    expect(await next.getAttribute('href')).toMatch(/\/lessons\/01-first-pod\/$/);
    expect(await page.getByRole('status').filter({ hasText: '진행 상황을 지웠습니다' }).count()).toBe(1);
    await page.reload();
    expect(await lessons.first().locator('.lc-progress').textContent()).toContain('0/1');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the dark theme chosen in the theme select across a reload', async () => {
    const { context, page } = await open(site.fixture, '/lessons/01-first-pod/');
    await page.locator('starlight-theme-select select').first().selectOption('dark');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.reload();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await context.close();
  });

  it('shows an English lesson in the English UI, Korean ones in Korean', async () => {
    const { context, page } = await open(site.fixture, '/lessons/03-english/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('starlight-toc h2').first().textContent()).toContain('On this page');
    expect(await page.getByRole('button', { name: 'Check' }).count()).toBeGreaterThan(0);
    await page.goto(`${site.fixture.url}/lessons/01-first-pod/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    expect(await page.getByRole('button', { name: '확인' }).count()).toBeGreaterThan(0);
    await context.close();
  });

  it('opens the mobile menu at 390×844, clips no code block, and scrolls wide ones', async () => {
    const { context, page } = await open(site.fixture, '/lessons/01-first-pod/', { width: 390, height: 844 });
    const toggle = page.getByRole('button', { name: /메뉴|Menu/ });
    await toggle.click();
    // Starlight's menu is a popover over the sidebar.
    expect(await page.locator('#starlight__sidebar').evaluate((sidebar) => sidebar.matches(':popover-open'))).toBe(true);
    expect(await page.locator('#starlight__sidebar').getByRole('link', { name: '두 번째 파드' }).isVisible()).toBe(true);
    await toggle.click();
    const blocks = await page.locator('.lc-snippet pre').evaluateAll((pres) =>
      pres.map((pre) => {
        const box = pre.getBoundingClientRect();
        const style = getComputedStyle(pre);
        return { left: box.left, right: box.right, overflows: pre.scrollWidth > pre.clientWidth, scrolls: style.overflowX === 'auto' || style.overflowX === 'scroll' };
      }),
    );
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      // The block itself fits the screen; what does not fit scrolls inside it.
      expect(block.left).toBeGreaterThanOrEqual(0);
      expect(block.right).toBeLessThanOrEqual(390);
      if (block.overflows) expect(block.scrolls).toBe(true);
    }
    expect(blocks.some((block) => block.overflows), 'the fixture has a command wider than a phone').toBe(true);
    await context.close();
  });

  it('reaches a field description with the keyboard alone', async () => {
    const { context, page } = await open(site.fixture, '/lessons/01-first-pod/');
    const described = page.locator('.lc-described');
    expect(await described.count()).toBeGreaterThan(0);
    let found = '';
    for (let i = 0; i < 60 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        if (!active?.classList.contains('lc-described')) return '';
        const id = active.getAttribute('aria-describedby');
        return (id && document.getElementById(id)?.textContent) || '';
      });
    }
    expect(found).toMatch(/^\w+: /);
    // The same text is shown next to the code while the line has focus.
    expect(await page.locator('.lc-field-tip:not([hidden])').textContent()).toBe(found);
    await context.close();
  });

  it('copies shell commands without prompts', async () => {
    const { commandsToCopy } = await import('../src/scripts/copy-commands.ts');
    expect(commandsToCopy('kubectl get pods\nkubectl get nodes')).toBe('kubectl get pods\nkubectl get nodes');
    expect(commandsToCopy('$ kubectl get pods\nNAME   READY\nweb    1/1\n$ kubectl get nodes')).toBe('kubectl get pods\nkubectl get nodes');
    expect(commandsToCopy('user@host:~$ kubectl get pods\nroot@controlplane ~ ➜  k get po')).toBe('kubectl get pods\nk get po');
  });

  it('has a 404 page that links home', async () => {
    expect(existsSync(join(site.dirs.fixture!, '404.html'))).toBe(true);
    const { context, page } = await open(site.fixture, '/404.html');
    const home = page.locator('main a[href="/"]');
    expect(await home.count()).toBeGreaterThan(0);
    await context.close();
  });

  it('puts a Content-Security-Policy on every page, with no inline-script allowance and nothing blocked', async () => {
    const { context, page } = await open(site.real, '/lessons/01-pod/');
    const policy = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
    expect(policy).toMatch(/script-src [^;]*'self'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/.test(message.text()) && !/'unsafe-eval'/.test(message.text())) violations.push(message.text());
    });
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
    const html = await readFile(join(realSite, '404.html'), 'utf8');
    expect(html).toContain('http-equiv="content-security-policy"');
    await context.close();
  });
});

describe.skipIf(!canRun)('search on the real course', () => {
  it('finds lesson 1 for Korean words with particles or other spacing, from a lesson page', async () => {
    const { context, page } = await open(site.real, '/lessons/01-pod/');
    for (const query of ['컨테이너를', '파드의', '셀프 힐링']) {
      expect(await search(page, query), query).toContain('Pod 개념 및 사용하기');
    }
    await context.close();
  });

  it('does not index answers: a word only an answer of lesson 1 contains does not find lesson 1', async () => {
    const html = await readFile(join(realSite, 'lessons', '01-pod', 'index.html'), 'utf8');
    const { context, page } = await open(site.real, '/lessons/01-pod/');
    const word = await page.evaluate(() => {
      // Words of each text node on its own: code lines and captions sit side by side without spaces.
      const words = (root: Node) => {
        const found: string[] = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) found.push(...(walker.currentNode.nodeValue ?? '').split(/[\s`'"(),.:;]+/));
        return found;
      };
      const answers = [...document.querySelectorAll('.lc-answer')].flatMap(words);
      const clone = document.querySelector('main')!.cloneNode(true) as HTMLElement;
      for (const element of clone.querySelectorAll('.lc-answer, script')) element.remove();
      const rest = new Set(words(clone));
      const restText = clone.textContent ?? '';
      // A Korean word whose first two syllables start no other word on the page, so neither a prefix
      // match nor a particle stripped by the query can find it elsewhere.
      const restWords = [...rest];
      return answers.find((candidate) => /^[가-힣]{3,}$/.test(candidate) && !restText.includes(candidate.slice(0, 2)) && !restWords.some((other) => other.startsWith(candidate.slice(0, 2)))) ?? '';
    });
    expect(word, 'an answer word that appears nowhere else on the page').not.toBe('');
    expect(html).toContain(word);
    // Other lessons may use the word in their own text; lesson 1 has it only in an answer.
    expect(await search(page, word), word).not.toContain('Pod 개념 및 사용하기');
    await context.close();
  });
});

describe.skipIf(!canRun)('accessibility (axe-core)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no violations on the home, 404 and lesson 1 pages in the ${colorScheme} theme`, { timeout: 240_000 }, async () => {
      const { context, page } = await open(site.real, '/', { colorScheme });
      const check = async (state: string) => {
        const results = await new AxeBuilder({ page }).analyze();
        const summary = results.violations.map((violation) => `${violation.id} (${violation.nodes.length}): ${violation.nodes[0]?.target.join(' ')}`);
        expect(summary, `${state} in ${colorScheme}`).toEqual([]);
      };
      await check('home');
      await page.goto(`${site.real.url}/404.html`);
      await check('404');
      await page.goto(`${site.real.url}/lessons/01-pod/`);
      await page.waitForLoadState('networkidle');
      await check('lesson 1');
      const question = page.locator('.lc-question').first();
      await question.getByRole('button', { name: /정답 보기|Show answer/ }).click();
      await check('lesson 1, an answer revealed');
      const command = page.locator('.lc-question[data-type="command"]').first();
      await command.getByRole('textbox').fill('kubectl nonsense');
      await command.getByRole('button', { name: /확인|Check/ }).click();
      await expect.poll(() => command.getByRole('status').textContent()).not.toBe('');
      await check('lesson 1, after a wrong answer');
      await page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('details.lc-original').forEach((details) => (details.open = true)));
      await check('lesson 1, original snippets opened');
      await context.close();
    });
  }
});
