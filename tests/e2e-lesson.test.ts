import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { translate, type Locale, type MessageKey } from '../plugins/remark-lessonc/lib/i18n.ts';
import { Question } from '../plugins/remark-lessonc/lib/quiz/schema.ts';
import { repoRoot, useSites } from './fixtures/site/harness.ts';

/**
 * The built course in a real browser: the first lesson on the index, its quiz client and progress,
 * and Korean search over the Pagefind index. Serves `dist/` (`npm test` builds it first; built here
 * when missing). `LESSONC_E2E_SITE` points at another built site.
 */
const siteDir = resolve(repoRoot, process.env.LESSONC_E2E_SITE ?? 'dist');
const site = useSites('e2e-lesson', { server: { built: siteDir } });
const canRun = site.canRun;

describe.skipIf(!canRun)('first lesson in a browser', () => {
  it('checks command answers, reveals answers and keeps progress', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${site.server.url}/`);
    const lessonLinks = page.locator('.lc-lesson-list a');
    expect(await lessonLinks.count(), `no lessons on the index of ${siteDir}`).toBeGreaterThan(0);
    await lessonLinks.first().click();
    await page.waitForURL(/\/lessons\/[^/]+\/$/);
    const t = await translator(page);

    const commandQuestions = page.locator('.lc-question[data-type="command"]');
    expect(await commandQuestions.count(), 'the first lesson needs a command question').toBeGreaterThan(0);
    const right = commandQuestions.first();
    const wrong = (await commandQuestions.count()) > 1 ? commandQuestions.nth(1) : right;
    const question = Question.parse(JSON.parse((await right.getAttribute('data-question')) ?? ''));
    if (question.type !== 'command') throw new Error('expected a command question');

    await wrong.getByRole('textbox', { name: t('quiz.yourAnswer') }).fill('kubectl definitely-not-a-command');
    await wrong.getByRole('button', { name: t('quiz.check') }).click();
    await expect.poll(() => wrong.getByRole('status').textContent()).toContain(t('quiz.command.invalid'));

    // Extra blanks do not matter (whitespace-normalised comparison).
    await right.getByRole('textbox', { name: t('quiz.yourAnswer') }).fill(`  ${question.answer.replace(/ /g, '   ')} `);
    await right.getByRole('button', { name: t('quiz.check') }).click();
    await expect.poll(() => right.getByRole('status').textContent()).toContain(t('quiz.correct'));

    const answer = right.locator('.lc-answer');
    expect(await answer.isVisible()).toBe(false);
    await right.getByRole('button', { name: t('quiz.reveal') }).click();
    expect(await answer.isVisible()).toBe(true);
    expect(await right.getByRole('button', { name: t('quiz.hide') }).getAttribute('aria-expanded')).toBe('true');

    const progress = page.locator('.lc-progress').first();
    const total = await progress.getAttribute('data-total');
    await expect.poll(() => progress.textContent()).toContain(`1/${total}`);
    await page.screenshot({ path: '/tmp/lesson.png', fullPage: true });

    // Progress survives a reload and shows on the index.
    await page.reload();
    await expect.poll(() => page.locator('.lc-progress').first().textContent()).toContain(`1/${total}`);
    await page.goto(`${site.server.url}/`);
    await expect.poll(() => page.locator('.lc-lesson-list .lc-progress').first().textContent()).toContain(`1/${total}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('grades a command by meaning once the kubectl grammar has loaded', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/`);
    await page.locator('.lc-lesson-list a').first().click();
    await page.waitForURL(/\/lessons\/[^/]+\/$/);
    await page.waitForLoadState('networkidle');
    const t = await translator(page);
    const questions = page.locator('.lc-question[data-type="command"]');
    const answers = await questions.evaluateAll((nodes) => nodes.map((node) => JSON.parse((node as HTMLElement).dataset.question ?? '{}').answer as string));
    const index = answers.findIndex((answer) => /^kubectl get pods --all-namespaces$/.test(answer));
    expect(index, `a question answered by \`kubectl get pods --all-namespaces\` in ${answers.join(' | ')}`).toBeGreaterThanOrEqual(0);
    const question = questions.nth(index);
    const field = question.getByRole('textbox', { name: t('quiz.yourAnswer') });
    await field.fill('kubectl get pods');
    await question.getByRole('button', { name: t('quiz.check') }).click();
    await expect.poll(() => question.getByRole('status').textContent()).toContain(translateWith(t, 'quiz.command.flagMissing', { flag: '--all-namespaces' }).replace(/`/g, ''));
    await field.fill('kubectl get po -A');
    await question.getByRole('button', { name: t('quiz.check') }).click();
    await expect.poll(() => question.getByRole('status').textContent()).toContain(t('quiz.correct'));
    // Manifest lines explain their field: focusable, described for screen readers.
    const described = page.locator('.lc-snippet[data-kind="manifest"] .lc-described[data-description^="periodSeconds:"]');
    expect(await described.count()).toBeGreaterThan(0);
    expect(await described.first().textContent()).toContain('periodSeconds');
    expect(await described.first().getAttribute('tabindex')).toBe('0');
    await page.close();
  });

  it('finds a lesson by a Korean word of its title in the search modal', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/`);
    const lessons = page.locator('.lc-lesson-list li[lang="ko"] > a');
    expect(await lessons.count(), 'no Korean lesson on the index to search for').toBeGreaterThan(0);
    const title = ((await lessons.first().textContent()) ?? '').trim();
    const word = title.split(/\s+/).find((part) => /[가-힣]{2,}/.test(part));
    if (!word) throw new Error(`no Korean word in the title "${title}"`);
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: '검색' }).first().click();
    await page.locator('dialog[open] input').first().fill(word);
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 10_000 });
    expect((await page.locator('.pagefind-ui__result-link').allTextContents()).map((text) => text.trim())).toContain(title);
    await page.close();
  });
});

function translateWith(t: (key: MessageKey) => string, key: MessageKey, values: Record<string, string>): string {
  return t(key).replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

async function translator(page: Page): Promise<(key: MessageKey) => string> {
  const locale: Locale = (await page.locator('html').getAttribute('lang')) === 'en' ? 'en' : 'ko';
  return (key) => translate(locale, key);
}
