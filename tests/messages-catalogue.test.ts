import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
/**
 * The message catalogue: every catalogued message is worded in Korean and English, with the same
 * parameters; the rule families converted here (kubectl, lesson state, frontmatter) have an id on
 * every message and fix, so `lessonc check --locale ko` and the site's errata are Korean.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json' with { type: 'json' };
import ko from '../i18n/ko.json' with { type: 'json' };
import { checkFile } from '../cli/check.ts';
import { analyzeLesson, type LessonMessage } from '../plugins/remark-lessonc/lib/analyze.ts';
import { localizeFix, localizeLessonMessage } from '../plugins/remark-lessonc/lib/messages.ts';
import { renderLesson } from '../plugins/remark-lessonc/lib/render/lesson.ts';
import { renderSnippet } from '../plugins/remark-lessonc/lib/render/snippet.ts';

const hangul = /[\uac00-\ud7a3]/;
const placeholders = (template: string) => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
/** Rule families whose messages all come from the catalogue. */
const cataloguedFamilies = /^(kubectl|state)\/|^lesson\/frontmatter$/;

const lessonPath = new URL('../lessons/01-pod.md', import.meta.url);
const notesPath = new URL('./fixtures/messages/kubectl-notes.md', import.meta.url);
const lessons = [lessonPath, notesPath].map((url) => ({ url, analysis: analyzeLesson(readFileSync(url, 'utf8')) }));

function expectKorean(message: LessonMessage): void {
  const korean = localizeLessonMessage('ko', message);
  expect(korean, message.message).toMatch(hangul);
  expect(korean).not.toBe(message.message);
  // Parameters are code: they appear unchanged in both wordings.
  for (const value of Object.values(message.data ?? {})) expect(korean).toContain(String(value));
  if (message.fix?.descriptionId) expect(localizeFix('ko', message.fix), message.fix.description).toMatch(hangul);
}

describe('message catalogue', () => {
  it('words every key in both languages with the same parameters', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
    const mismatched = Object.keys(en).filter((key) => placeholders(en[key as keyof typeof en]).join() !== placeholders(ko[key as keyof typeof ko]).join());
    expect(mismatched).toEqual([]);
    const untranslated = Object.keys(ko).filter((key) => /^(rule|fix)\./.test(key) && !hangul.test(ko[key as keyof typeof ko]));
    expect(untranslated).toEqual([]);
  });

  it('leaves no English text in a message or fix that has an id', () => {
    let checked = 0;
    for (const { analysis } of lessons) {
      for (const message of analysis.messages.filter((m) => m.messageId)) {
        expectKorean(message);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('gives every kubectl, state and frontmatter message and fix an id', () => {
    const ours = lessons.flatMap(({ analysis }) => analysis.messages).filter((m) => cataloguedFamilies.test(m.ruleId));
    expect(new Set(ours.map((m) => m.ruleId.split('/')[0]))).toEqual(new Set(['kubectl', 'state']));
    expect(ours.filter((m) => !m.messageId).map((m) => m.message)).toEqual([]);
    expect(ours.filter((m) => m.fix && !m.fix.descriptionId).map((m) => m.fix?.description)).toEqual([]);
  });

  it('words every frontmatter problem from the catalogue', () => {
    const cases = [
      '---\ntitle: Pods\ntilte: oops\n---\n',
      '---\ntitle: Pods\nzzzzzzzz: 1\n---\n',
      '---\norder: 1\n---\n',
      '---\ntitle: Pods\norder: first\n---\n',
      '---\ntitle: Pods\nkubernetes: "1.31"\n---\n',
      '---\ntitle: ""\n---\n',
      '---\ntitle: [unclosed\n---\n',
      'no frontmatter\n',
    ];
    for (const markdown of cases) {
      const problems = analyzeLesson(markdown).messages.filter((m) => m.ruleId === 'lesson/frontmatter');
      expect(problems.length, markdown).toBeGreaterThan(0);
      for (const problem of problems) {
        expect(problem.messageId, problem.message).toMatch(/^rule\.lesson\/frontmatter\./);
        expectKorean(problem);
      }
    }
  });

  it('prints the kubectl and state messages of lesson 1 in Korean with --locale ko, and in English with --locale en', async () => {
    const file = lessonPath.pathname;
    const [korean, english] = await Promise.all([checkFile(file, 'ko'), checkFile(file, 'en')]);
    const oursKo = korean.messages.filter((m) => cataloguedFamilies.test(m.ruleId));
    const oursEn = english.messages.filter((m) => cataloguedFamilies.test(m.ruleId));
    expect(oursKo.length).toBeGreaterThan(0);
    for (const message of oursKo) expect(message.message).toMatch(hangul);
    for (const message of oursEn) expect(message.message).not.toMatch(hangul);
    expect(oursKo.filter((m) => m.fix).every((m) => hangul.test(m.fix!.description))).toBe(true);
  });

  it('prints every line of `lessonc check lessons/01-pod.md --locale ko` in Korean, as an author reads it', () => {
    const output = execFileSync(process.execPath, [fileURLToPath(new URL('../bin/lessonc.mjs', import.meta.url)), 'check', lessonPath.pathname, '--locale', 'ko'], { encoding: 'utf8', env: { ...process.env, LESSONC_NO_CACHE: '1' } });
    const lines = output.trim().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    // Every problem of every rule family (yaml, k8s, kubectl, state), its fix, and the summary.
    for (const line of lines) expect(line, line).toMatch(hangul);
    expect(new Set(lines.slice(0, -1).map((line) => line.split(' ').at(-1)!.split('/')[0]))).toEqual(new Set(['kubectl', 'yaml', 'k8s', 'state']));
    expect(output).not.toMatch(/fixable|suggestion|files? checked|Unexpected|Missing/);
    expect(lines.at(-1)).toMatch(/^파일 1개 검사: 오류 \d+개, 경고 \d+개, 정보 \d+개$/);
  });

  it('shows errata and problems on the site in the lesson language', () => {
    const markdown = readFileSync(notesPath, 'utf8');
    const { snippets } = renderLesson(analyzeLesson(markdown), 'ko');
    /** The text under elements of class `className` in the rendered snippets. */
    const textOf = (locale: 'ko' | 'en', className: string): string => {
      const parts: string[] = [];
      const walk = (node: unknown, inside: boolean): void => {
        const n = node as { type: string; value?: string; children?: unknown[]; data?: { hProperties?: { className?: string[] } } };
        const here = inside || (n.data?.hProperties?.className?.includes(className) ?? false);
        if (here && (n.type === 'text' || n.type === 'inlineCode') && n.value) parts.push(n.value);
        for (const child of n.children ?? []) walk(child, here);
      };
      for (const view of snippets) walk(renderSnippet(view, locale), false);
      return parts.join('');
    };
    // `kubctl` → `kubectl`, `-all` → `--all`, `--cascade=false` → `orphan` are applied; the unclosed quote stays a problem.
    expect(textOf('ko', 'lc-errata')).toContain('바꾸기');
    expect(textOf('en', 'lc-errata')).toContain('Replace kubctl with kubectl');
    expect(textOf('en', 'lc-errata')).not.toMatch(hangul);
    expect(textOf('ko', 'lc-problems')).toContain('따옴표');
    expect(textOf('en', 'lc-problems')).toContain('unclosed quote');
  });
});
