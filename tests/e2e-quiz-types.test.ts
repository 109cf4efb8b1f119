import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, buildSite, fixtureLessons, launchChromium, serveStatic, type StaticServer } from './fixtures/site/harness.ts';

/**
 * Every question type's input in a browser, on the fixture course (built here into a temp dir):
 * text and choice answers, hints, and the English UI strings of an `lang: en` lesson.
 */
const canRun = browserAvailable('e2e-quiz-types');
let workDir = '';
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!canRun) return;
  workDir = await mkdtemp(join(tmpdir(), 'lessonc-e2e-'));
  await buildSite(fixtureLessons, join(workDir, 'dist'), join(workDir, 'cache'));
  server = await serveStatic(join(workDir, 'dist'));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe.skipIf(!canRun)('quiz inputs per question type', () => {
  it('grades a Korean text answer and a single choice, with a hint', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/lessons/b-pod/`);

    const text = page.locator('.lc-question[data-type="text"]');
    // Every field is "내 답": each question's form is named by its prompt.
    expect(await text.getByRole('form', { name: '파드 안에서 실행되는 실행 단위를 무엇이라고 하나요?' }).count()).toBe(1);
    await text.getByRole('textbox', { name: '내 답' }).fill(' 컨테이너 ');
    await text.getByRole('button', { name: '확인' }).click();
    await expect.poll(() => text.getByRole('status').textContent()).toBe('정답입니다!');

    const choice = page.locator('.lc-question[data-type="choice"]');
    const options = choice.getByRole('radio');
    expect(await options.count()).toBe(3);
    await choice.getByRole('button', { name: '확인' }).click();
    await expect.poll(() => choice.getByRole('status').textContent()).toBe('답을 입력하세요.');
    await choice.getByRole('radio', { name: 'spec.nodeName' }).check();
    await choice.getByRole('button', { name: '확인' }).click();
    await expect.poll(() => choice.getByRole('status').textContent()).toBe('틀렸습니다. 다시 시도해 보세요.');
    await choice.getByRole('radio', { name: 'spec.containers' }).check();
    await choice.getByRole('button', { name: '확인' }).click();
    await expect.poll(() => choice.getByRole('status').textContent()).toBe('정답입니다!');

    const hint = choice.locator('.lc-hint');
    expect(await hint.getByText('파드 스펙에서 목록으로 쓰는 필드입니다.').isVisible()).toBe(false);
    await hint.getByText('힌트').click();
    expect(await hint.getByText('파드 스펙에서 목록으로 쓰는 필드입니다.').isVisible()).toBe(true);

    await expect.poll(() => page.locator('.lc-progress').textContent()).toBe('2/3 문제 정답');
    await page.close();
  });

  it('uses the English strings on an English lesson', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/lessons/a-commands/`);
    const question = page.locator('.lc-question').first();
    await question.getByRole('textbox', { name: 'Your answer' }).fill('$ kubectl get pods -o wide');
    await question.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => question.getByRole('status').textContent()).toBe('Correct!');
    await question.getByRole('button', { name: 'Show answer' }).click();
    expect(await question.locator('.lc-answer').isVisible()).toBe(true);
    await page.close();
  });
});
