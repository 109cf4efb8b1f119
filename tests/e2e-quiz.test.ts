import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { COURSE_FILE, makeHandouts, type HandoutSet } from '../cli/handouts.ts';
import { useSites } from './fixtures/site/harness.ts';

/**
 * The quiz in Chromium against a production build of the quiz fixture course (a Korean and an
 * English lesson with every question type), and the handouts printed from the same build, read back
 * with `pdftotext`. Queries use roles and lessonc's own markup (`.lc-question`), not the page frame.
 */
const fixtureLessons = new URL('./fixtures/quiz/lessons/', import.meta.url).pathname;
const site = useSites('e2e-quiz', { server: { build: fixtureLessons } });
const canRun = site.canRun;
const pdftotext = '/usr/bin/pdftotext';
const canReadPdf = existsSync(pdftotext) || (process.env.CI ? fail(`${pdftotext} is missing: the handout tests cannot be skipped on CI (apt-get install poppler-utils)`) : false);
if (canRun && !canReadPdf) console.warn(`SKIPPED handout PDF tests: ${pdftotext} not found (apt-get install poppler-utils).`);

function fail(message: string): never {
  throw new Error(message);
}


/** A lesson page, with the bodies of the scripts it fetched (to see when the graders arrive). */
async function openLesson(slug: string): Promise<{ page: Page; scripts: string[]; errors: string[] }> {
  const page = await site.browser.newPage();
  const scripts: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  let reading = 0;
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    reading++;
    scripts.push(await response.text().catch(() => ''));
    reading--;
  });
  await page.goto(`${site.server.url}/lessons/${slug}/`);
  await page.waitForLoadState('networkidle');
  // Every script fetched before any interaction has been read.
  await expect.poll(() => reading).toBe(0);
  return { page, scripts, errors };
}

/** Markers of the lazily loaded data: the kubectl grammar and the Kubernetes schema. */
const hasGrammar = (scripts: string[]) => scripts.some((body) => body.includes('globalFlags'));
const hasSchema = (scripts: string[]) => scripts.some((body) => body.includes('io.k8s.api.core.v1.PodSpec'));

const question = (page: Page, n: number) => page.locator('.lc-question').nth(n - 1);
const status = (page: Page, n: number) => question(page, n).getByRole('status');

describe.skipIf(!canRun)('the quiz in a browser', () => {
  it('accepts a text answer by its keywords, and lets the learner mark another one', async () => {
    const { page, errors } = await openLesson('a-quiz-ko');
    const keywords = question(page, 1);
    await keywords.getByRole('textbox', { name: '내 답' }).fill('컨테이너가 준비된 개수');
    await keywords.getByRole('button', { name: '확인' }).click();
    await expect.poll(() => status(page, 1).textContent()).toBe('정답입니다!핵심어가 모두 들어 있습니다.');
    expect(await keywords.locator('.lc-answer').isVisible()).toBe(true);

    const selfMarked = question(page, 2);
    await selfMarked.getByRole('textbox', { name: '내 답' }).fill('노드를 골라 줍니다');
    await selfMarked.getByRole('button', { name: '확인' }).click();
    await expect.poll(() => status(page, 2).textContent()).toContain('모범 답안과 비교해 보세요. 내 답이 맞았나요?');
    // The model answer is shown to compare with; the learner's mark is what is recorded.
    expect(await selfMarked.locator('.lc-answer').isVisible()).toBe(true);
    expect(await selfMarked.locator('.lc-answer').textContent()).toContain('스케줄러가 자원과 조건을 보고');
    await selfMarked.getByRole('button', { name: '맞았어요' }).click();
    await expect.poll(() => status(page, 2).textContent()).toBe('직접 채점했습니다: 맞음');
    expect(await selfMarked.getAttribute('data-state')).toBe('self-right');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('checks a manifest with the validator loaded on the first check: an extra valid field is fine, a misspelt one is shown at its line', async () => {
    const { page, scripts, errors } = await openLesson('a-quiz-ko');
    expect(hasSchema(scripts), 'the Kubernetes schema before any manifest check').toBe(false);
    const manifest = question(page, 4);
    const field = manifest.getByRole('textbox', { name: '내 답' });
    await field.fill('apiVersion: v1\nkind: Pod\nmetadata:\n  name: redis\n  labels:\n    app: redis\nspec:\n  restartPolicy: Always\n  containers:\n    - image: redis\n      name: redis\n');
    await manifest.getByRole('button', { name: '확인' }).click();
    await expect.poll(() => status(page, 4).textContent()).toBe('정답입니다!');
    await expect.poll(() => hasSchema(scripts)).toBe(true);

    await field.fill('apiVersion: v1\nkind: Pod\nmetadata:\n  name: redis\nspec:\n  containers:\n    - name: redis\n      imgae: redis\n');
    await manifest.getByRole('button', { name: '확인' }).click();
    await expect.poll(() => status(page, 4).textContent()).toBe('매니페스트에 문제가 있습니다.8행: Container에 imgae 필드는 없습니다. image을(를) 뜻했나요?');
    expect(await status(page, 4).textContent()).toMatch(/^매니페스트에 문제가 있습니다\./);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives Korean command feedback on a Korean lesson, loading the grammar on the first check', async () => {
    const { page, scripts, errors } = await openLesson('a-quiz-ko');
    expect(hasGrammar(scripts), 'the kubectl grammar before any command check').toBe(false);
    const command = question(page, 3);
    await command.getByRole('textbox', { name: '내 답' }).fill('kubectl get po -o wide');
    await command.getByRole('button', { name: '확인' }).click();
    await expect.poll(() => status(page, 3).textContent()).toBe('올바른 kubectl 명령이지만, 이 문제에서 기대한 명령과 다릅니다.--all-namespaces이(가) 빠졌습니다.');
    await expect.poll(() => hasGrammar(scripts)).toBe(true);
    await command.getByRole('textbox', { name: '내 답' }).fill('kubectl get pods -A -owide');
    await command.getByRole('button', { name: '확인' }).click();
    await expect.poll(() => status(page, 3).textContent()).toBe('정답입니다!');

    const choice = question(page, 5);
    await choice.getByRole('radio', { name: 'spec.nodeName' }).check();
    await choice.getByRole('button', { name: '확인' }).click();
    await expect.poll(() => status(page, 5).textContent()).toBe('틀렸습니다. 다시 시도해 보세요.spec.nodeName: 비워 두면 스케줄러가 정합니다.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives English feedback on an English lesson', async () => {
    const { page, errors } = await openLesson('b-quiz-en');
    const command = question(page, 1);
    await command.getByRole('textbox', { name: 'Your answer' }).fill('kubectl get pod web');
    await command.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => status(page, 1).textContent()).toBe(
      'That is a valid kubectl command, but not the one this question asks for.kubectl get lists resources with a short status; the answer expected here is kubectl describe, which shows a resource in detail, with its events.',
    );
    const manifest = question(page, 2);
    await manifest.getByRole('textbox', { name: 'Your answer' }).fill('apiVersion: v1\nkind: Pod\nmetadata:\n  name: cache\nspec:\n  containers:\n    - name: cache\n      image: redis:6\n');
    await manifest.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => status(page, 2).textContent()).toBe('A valid manifest, but not what the question asks for.Line 8: spec.containers[0].image should be redis:7, not redis:6.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps each question’s state and answer over a reload', async () => {
    const { page, errors } = await openLesson('a-quiz-ko');
    await question(page, 1).getByRole('textbox', { name: '내 답' }).fill('준비된 컨테이너 수');
    await question(page, 1).getByRole('button', { name: '확인' }).click();
    await expect.poll(() => question(page, 1).getAttribute('data-state')).toBe('right');
    await question(page, 2).getByRole('textbox', { name: '내 답' }).fill('모르겠습니다');
    await question(page, 2).getByRole('button', { name: '확인' }).click();
    await question(page, 2).getByRole('button', { name: '틀렸어요' }).click();
    await question(page, 5).getByRole('radio', { name: 'spec.containers' }).check();
    await question(page, 5).getByRole('button', { name: '확인' }).click();
    await expect.poll(() => question(page, 5).getAttribute('data-state')).toBe('right');

    await page.reload();
    await expect.poll(() => question(page, 1).getAttribute('data-state')).toBe('right');
    expect(await status(page, 1).textContent()).toBe('이전에 맞힌 문제입니다.');
    expect(await question(page, 1).getByRole('textbox', { name: '내 답' }).inputValue()).toBe('준비된 컨테이너 수');
    expect(await question(page, 2).getAttribute('data-state')).toBe('self-wrong');
    expect(await status(page, 2).textContent()).toBe('직접 채점했습니다: 틀림');
    expect(await question(page, 5).getByRole('radio', { name: 'spec.containers' }).isChecked()).toBe(true);
    expect(await question(page, 3).getAttribute('data-state')).toBeNull();

    // The documented storage format, which the course home reads.
    const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('lessonc:progress:a-quiz-ko'))) ?? 'null');
    expect(stored).toMatchObject({ v: 2, total: 5, questions: { q1: { answered: true, right: true, selfMarked: false }, q2: { answered: true, right: false, selfMarked: true }, q5: { right: true, response: { picked: [0] } } } });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!canRun || !canReadPdf)('handouts', () => {
  let handouts: HandoutSet;
  const text = (file: string) => execFileSync(pdftotext, ['-layout', file, '-'], { encoding: 'utf8' });

  beforeAll(async () => {
    const progress: string[] = [];
    // Where `lessonc handouts` puts them by default: next to the site, so the lesson pages link them.
    handouts = await makeHandouts(site.dirs.server!, join(site.dirs.server!, 'handouts'), { onProgress: ({ done, total, lesson }) => progress.push(`${done}/${total} ${lesson}`) });
    expect(progress).toEqual(['1/6 a-quiz-ko', '2/6 a-quiz-ko', '3/6 b-quiz-en', '4/6 b-quiz-en', `5/6 ${COURSE_FILE}`, `6/6 ${COURSE_FILE}`]);
  }, 180_000);

  it('prints a student copy without answers and an answer key with them, titled and numbered', () => {
    const [korean, english] = handouts.lessons;
    const student = text(korean!.student);
    const pages = student.split('\f').filter((page) => page.trim());
    pages.forEach((page, index) => {
      expect(page).toMatch(new RegExp(`^\\s*${handouts.course} · 파드 확인 문제\\s+학생용`));
      expect(page).toMatch(new RegExp(`\\n\\s*${index + 1}\\s*/\\s*${pages.length}\\s*$`));
    });
    expect(student).toContain('1. kubectl get pods 출력의 READY 열은 무엇을 뜻하나요?');
    expect(student).not.toContain('스케줄러가 자원과 조건을 보고');
    expect(student).not.toContain('--all-namespaces -o wide');
    expect(student).not.toContain('정답');

    const key = text(korean!.answers);
    expect(key).toMatch(/^\s*.+ · 파드 확인 문제\s+정답지/);
    expect(key).toContain('스케줄러가 자원과 조건을 보고');
    expect(key).toContain('kubectl get pods --all-namespaces -o wide');
    expect(key).toMatch(/✓\s*spec\.containers — 파드는 적어도 하나의 컨테이너를 실행해야 합니다\./);
    expect(text(english!.answers)).toMatch(/^\s*.+ · Checking pods\s+Answer key/);
  });

  it('links both PDFs from the lesson page once they are printed', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/lessons/a-quiz-ko/`);
    for (const [name, file] of [['학생용 유인물', handouts.lessons[0]!.student], ['정답지', handouts.lessons[0]!.answers]] as const) {
      const link = page.getByRole('link', { name });
      await expect.poll(() => link.isVisible()).toBe(true);
      expect(new URL((await link.getAttribute('href'))!, page.url()).pathname).toBe(`/handouts/${file.split('/').at(-1)}`);
    }
    await page.close();
  });

  it('prints the whole course, each lesson under its own title', async () => {
    for (const file of [handouts.all.student, handouts.all.answers]) expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
    const course = text(handouts.all.student).split('\f').filter((page) => page.trim());
    expect(course.length).toBeGreaterThanOrEqual(3);
    expect(course[0]).toMatch(/^\s*.+ · 파드 확인 문제\s+학생용/);
    expect(course.at(-1)).toMatch(/^\s*.+ · Checking pods\s+학생용/);
    course.forEach((page, index) => expect(page).toMatch(new RegExp(`\\n\\s*${index + 1}\\s*/\\s*${course.length}\\s*$`)));
    expect(course.join('\n')).not.toContain('kubectl describe pod web');
    expect(text(handouts.all.answers)).toContain('kubectl describe pod web');
  });
});
