import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeLesson } from '../plugins/remark-lessonc/lib/analyze.ts';
import { translate, type Locale, type MessageKey } from '../plugins/remark-lessonc/lib/i18n.ts';
import { Question } from '../plugins/remark-lessonc/lib/quiz/schema.ts';
import { repoRoot, useSites } from './fixtures/site/harness.ts';

/**
 * The real course (`lessons/`) in a production build, in Chromium: every lesson at
 * `/lessons/<slug>/` in course order, one question of each answered right and another wrong,
 * and lesson 1's errata visible on screen and on paper. Pages are read by role and by the
 * compiler's own markup (`.lc-question[data-question]`, `.lc-correction`), not by the site's layout.
 */
const lessonsDir = join(repoRoot, 'lessons');
const site = useSites('e2e-course', { server: { build: lessonsDir } });
const canRun = site.canRun;
let course: { slug: string; title: string; order: number; lang: Locale }[] = [];

beforeAll(async () => {
  for (const name of (await readdir(lessonsDir)).filter((n) => n.endsWith('.md'))) {
    const frontmatter = analyzeLesson(await readFile(join(lessonsDir, name), 'utf8')).frontmatter;
    if (!frontmatter) throw new Error(`${name}: no valid frontmatter`);
    course.push({ slug: name.replace(/\.md$/, ''), title: frontmatter.title, order: frontmatter.order ?? Infinity, lang: frontmatter.lang });
  }
  course = course.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
});

const t = (locale: Locale) => (key: MessageKey) => translate(locale, key);

/** Answers one question through the quiz form, as a learner would, and returns the feedback shown. */
async function answer(question: Locator, locale: Locale, right: boolean): Promise<string> {
  const data = Question.parse(JSON.parse((await question.getAttribute('data-question')) ?? ''));
  if (data.type === 'choice') {
    const role = data.multiple ? 'checkbox' : 'radio';
    const picks = right ? data.choices.filter((choice) => choice.correct) : [data.choices.find((choice) => !choice.correct)!];
    for (const choice of picks) await question.getByRole(role, { name: choice.text, exact: true }).check();
  } else {
    const wrong = data.type === 'manifest' ? 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: wrong\n' : data.type === 'command' ? 'kubectl get nodes' : '틀린 답';
    await question.getByRole('textbox', { name: t(locale)('quiz.yourAnswer') }).fill(right ? data.answer : wrong);
  }
  await question.getByRole('button', { name: t(locale)('quiz.check') }).click();
  const status = question.getByRole('status');
  await expect.poll(() => status.textContent()).not.toBe('');
  // A text answer the keywords do not settle is shown the model answer, and the learner marks it.
  if (data.type === 'text' && (await question.getAttribute('data-state')) === 'self-mark') {
    await question.getByRole('button', { name: t(locale)(right ? 'quiz.selfMark.right' : 'quiz.selfMark.wrong') }).click();
    await expect.poll(() => status.textContent()).toContain(t(locale)(right ? 'quiz.selfMarked.right' : 'quiz.selfMarked.wrong'));
  }
  return (await status.textContent()) ?? '';
}

/** What the page says for a right or a wrong answer (a self-marked text answer says so in its own words). */
function verdictText(locale: Locale, right: boolean): RegExp {
  const words = right
    ? [t(locale)('quiz.correct'), t(locale)('quiz.selfMarked.right')]
    : [t(locale)('quiz.incorrect'), t(locale)('quiz.selfMarked.wrong'), t(locale)('quiz.manifest.different'), t(locale)('quiz.manifest.invalid'), t(locale)('quiz.command.validButDifferent')];
  return new RegExp(words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
}

describe.skipIf(!canRun)('the course in a browser', () => {
  it('links the lessons from the start page in course order, each at /lessons/<slug>/', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/`);
    const hrefs = await page.getByRole('link').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    const linked = [...new Set(hrefs.flatMap((href) => /^\/lessons\/([^/]+)\/$/.exec(href)?.[1] ?? []))];
    expect(linked).toEqual(course.map((lesson) => lesson.slug));
    expect(course.length).toBeGreaterThanOrEqual(7);
    for (const lesson of course) {
      const response = await page.goto(`${site.server.url}/lessons/${lesson.slug}/`);
      expect(response?.status(), lesson.slug).toBe(200);
      expect(await page.getByRole('heading', { level: 1, name: lesson.title }).count(), lesson.slug).toBeGreaterThan(0);
    }
    // Lesson 1's notes ended with the topics of the later lessons: its relative links reach them.
    const first = course[0]!;
    const links = [...(await readFile(join(lessonsDir, `${first.slug}.md`), 'utf8')).matchAll(/\[([^\]]+)\]\(\.\.\/([^/)]+)\/\)/g)];
    expect(links.map((link) => link[2])).toEqual(course.slice(1).map((lesson) => lesson.slug));
    await page.goto(`${site.server.url}/lessons/${first.slug}/`);
    for (const [, name, slug] of links) {
      const href = await page.getByRole('link', { name, exact: true }).getAttribute('href');
      expect(new URL(href ?? '', page.url()).pathname, name).toBe(`/lessons/${slug}/`);
    }
    await page.close();
  });

  it('grades one question of every lesson right and another wrong', async () => {
    const page = await site.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    // Lesson by lesson the question types rotate, so every kind of input is answered right and wrong somewhere.
    const rotation = ['command', 'text', 'choice', 'manifest'];
    const answered = { right: new Set<string>(), wrong: new Set<string>() };
    for (const [index, lesson] of course.entries()) {
      await page.goto(`${site.server.url}/lessons/${lesson.slug}/`);
      const questions = page.locator('.lc-question[data-question]');
      const count = await questions.count();
      expect(count, lesson.slug).toBeGreaterThanOrEqual(6);
      // The quiz client has turned the placeholders into forms.
      await questions.first().getByRole('button', { name: t(lesson.lang)('quiz.check') }).waitFor();
      const types = await questions.evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.type ?? ''));
      const pick = (type: string, fallback: number, not: number) => {
        const found = types.findIndex((candidate, i) => candidate === type && i !== not);
        return found >= 0 ? found : fallback;
      };
      const right = pick(rotation[index % 4]!, 0, -1);
      const wrong = pick(rotation[(index + 1) % 4]!, right === count - 1 ? 0 : count - 1, right);
      answered.right.add(types[right]!);
      answered.wrong.add(types[wrong]!);
      expect(await answer(questions.nth(right), lesson.lang, true), `${lesson.slug}: question ${right + 1}, right answer`).toMatch(verdictText(lesson.lang, true));
      expect(await answer(questions.nth(wrong), lesson.lang, false), `${lesson.slug}: question ${wrong + 1}, wrong answer`).toMatch(verdictText(lesson.lang, false));
    }
    expect([...answered.right].sort()).toEqual([...rotation].sort());
    expect([...answered.wrong].sort()).toEqual([...rotation].sort());
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("shows lesson 1's errata on its page and on paper, the corrected answer in the answer key", async () => {
    const first = course[0]!;
    const url = `${site.server.url}/lessons/${first.slug}/`;
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    const visible = (locator: Locator) => locator.evaluateAll((nodes) => nodes.filter((node) => (node as HTMLElement).getClientRects().length > 0).length);
    await page.goto(url);
    const phases = page.locator('.lc-correction').filter({ hasText: 'Runngin' });
    expect(await visible(phases)).toBe(1);
    for (const phase of ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']) expect(await phases.locator('ins').textContent()).toContain(phase);
    expect(await phases.locator('del').textContent()).toContain('Create -> Runngin or Suceeded Failed');
    // Q9's corrected answer is an answer: hidden on the student copy, shown in the answer key.
    const ready = page.locator('.lc-answer .lc-correction').filter({ hasText: '전체 파드수중 현재 동작중인 파드수' });
    expect(await ready.count()).toBe(1);
    expect(await visible(ready)).toBe(0);
    await page.route(url, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace(/<html\b/, '<html data-answer-key') });
    });
    await page.goto(url);
    expect(await visible(ready)).toBe(1);
    expect(await ready.locator('ins').textContent()).toContain('컨테이너');
    await context.close();
  });
});
