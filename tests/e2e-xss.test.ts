import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileReport } from '../cli/check.ts';
import { repoRoot, useSites } from './fixtures/site/harness.ts';
import { xssLesson } from './fixtures/xss/lesson.ts';

/**
 * A site built from a lesson full of script-injection payloads (tests/fixtures/xss/lesson.ts), in
 * Chromium: no payload runs, whatever the learner opens; and `lessonc check` reports each payload
 * at its line. The build is the slow part (one `astro build` of a one-lesson site).
 */
const { markdown, payloads } = xssLesson();
// The lesson is written before the site is built from it (hooks run in the order they are declared).
const lessonsDir = join(tmpdir(), `lessonc-xss-lessons-${process.pid}`);
const lessonFile = join(lessonsDir, 'xss.md');

beforeAll(async () => {
  await mkdir(lessonsDir, { recursive: true });
  await writeFile(lessonFile, markdown);
});
afterAll(() => rm(lessonsDir, { recursive: true, force: true }));

const site = useSites('e2e-xss', { server: { build: lessonsDir } });
const canRun = site.canRun;

describe('a lesson full of XSS payloads', () => {
  it('is reported by `lessonc check` with html/unsafe at every payload line', async () => {
    // The real CLI, as an author runs it: exit 1 (errors) and the JSON report.
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((done) => {
      execFile(process.execPath, [join(repoRoot, 'bin', 'lessonc.mjs'), 'check', lessonFile, '--format', 'json', '--locale', 'en'], { maxBuffer: 16 * 1024 * 1024 }, (error, out) => done({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout: out }));
    });
    expect(code).toBe(1);
    const [report] = JSON.parse(stdout) as FileReport[];
    const unsafeLines = new Set(report!.messages.filter((m) => m.ruleId === 'html/unsafe' && m.severity === 'error').map((m) => m.line));
    const missed = payloads.filter((p) => p.reported && !unsafeLines.has(p.line));
    expect(missed.map((p) => `${p.where} on line ${p.line}: ${markdown.split('\n')[p.line - 1]}`)).toEqual([]);
    // Code meta is shown as text only: nothing to drop, nothing to report.
    for (const payload of payloads.filter((p) => !p.reported)) expect(unsafeLines.has(payload.line), `${payload.where} on line ${payload.line}`).toBe(false);
  });

  it.skipIf(!canRun)('runs none of them in Chromium, with every answer, hint and choice opened', async () => {
    const page = await site.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('dialog', (dialog) => void dialog.dismiss());
    await page.goto(`${site.server.url}/lessons/xss/`, { waitUntil: 'load' });
    await page.waitForSelector('.lc-quiz-form');
    // Open everything a learner can open: hints, details, answers.
    for (const toggle of await page.locator('article summary, .lc-buttons button[type="button"]').all()) await toggle.click();
    await page.mouse.move(5, 5);
    await page.waitForTimeout(500);
    const globals = payloads.map((p) => p.global);
    const ran = await page.evaluate((names) => names.filter((name) => (window as unknown as Record<string, unknown>)[name] !== undefined), globals);
    expect(ran.map((global) => payloads.find((p) => p.global === global)!.where + ` (${global})`)).toEqual([]);
    // No handler attribute anywhere, and no link or frame with a script URL. Starlight's search modal
    // is the frame's, not the lesson's: Pagefind's UI gives its form `action="javascript:void(0);"`
    // (the policy's `form-action 'none'` blocks it anyway).
    const leftovers = await page.evaluate(() =>
      [...document.body.querySelectorAll('*')].filter((element) => !element.closest('site-search')).flatMap((element) =>
        [...element.attributes]
          .filter((attribute) => /^on/i.test(attribute.name) || (/^(href|src|action|formaction|data|srcdoc)$/i.test(attribute.name) && /^\s*(javascript|data|vbscript):/i.test(attribute.value)))
          .map((attribute) => `${element.tagName.toLowerCase()} ${attribute.name}="${attribute.value}"`),
      ),
    );
    expect(leftovers).toEqual([]);
    // The harmless parts stay: the code meta is shown as its text, the quiz works.
    expect(await page.locator('.lc-title').first().textContent()).toContain('<img src=x onerror=');
    expect(await page.locator('.lc-question').count()).toBe(4);
    expect(errors).toEqual([]);
  });
});
