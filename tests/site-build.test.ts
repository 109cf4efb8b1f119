import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Question } from '../plugins/remark-lessonc/lib/quiz/schema.ts';
import { buildSite, fixtureLessons, repoRoot } from './fixtures/site/harness.ts';
import { builtPage, elements } from './helpers/built-pages.ts';

/**
 * Builds the fixture course (tests/fixtures/site/lessons) with `astro build` into a temp directory
 * and checks the HTML the site serves: lesson order, snippet statuses, quiz placeholders.
 */
let workDir = '';
let outDir = '';
let buildOutput = '';

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'lessonc-site-'));
  outDir = join(workDir, 'dist');
  buildOutput = await buildSite(fixtureLessons, outDir, join(workDir, 'cache'));
}, 180_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const page = (path: string) => builtPage(outDir, path);

const hasClass = (name: string) => (element: Element) => Array.isArray(element.properties.className) && element.properties.className.includes(name);

function textOf(node: Element | Root): string {
  let text = '';
  visit(node, 'text', (child: { value: string }) => {
    text += child.value;
  });
  return text;
}

describe('fixture site build', () => {
  it('prints each lesson problem once, from the compile that rendered the page, with a summary', () => {
    const lines = buildOutput.split('\n').map((line) => line.replace(/\u001b\[\d+m/g, ''));
    const problem = 'a-commands.md:13:20 error Unexpected flag `-all`, expected `--all`';
    expect(lines.filter((line) => line.includes(problem))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('b-pod.md:28:1 error Unexpected field `apiVerison`'))).toHaveLength(1);
    expect(lines.filter((line) => /^2 files checked: 3 errors, 0 warnings, 2 info$/.test(line))).toHaveLength(1);
    // At the file's lines, frontmatter counted, as `lessonc check` prints them: the same problem lines.
    const check = execFileSync(process.execPath, [join(repoRoot, 'bin', 'lessonc.mjs'), 'check', fixtureLessons, '--exit-zero', '--locale', 'en'], { encoding: 'utf8', env: { ...process.env, LESSONC_NO_CACHE: '1' } });
    const problemLine = /^\S+\.md:\d+:\d+ /;
    const fileOf = (line: string) => line.replace(/^.*\/(?=[^/]+\.md:)/, '');
    expect(lines.filter((line) => problemLine.test(line)).map(fileOf)).toEqual(check.split('\n').filter((line) => problemLine.test(line)).map(fileOf));
    // One compile per lesson: the report counts the compiles the remark plugin handed it.
    expect(buildOutput).toMatch(/2 compiles of 2 lessons in this build/);
  });

  it('rebuilds nothing unchanged and still reports every problem, from the cache', async () => {
    const again = (await buildSite(fixtureLessons, outDir, join(workDir, 'cache'))).replace(/\u001b\[\d+m/g, '');
    expect(again).toMatch(/0 compiles of 0 lessons in this build, 2 reported from the cache/);
    expect(again.split('\n').filter((line) => line.includes('b-pod.md:28:1 error Unexpected field `apiVerison`'))).toHaveLength(1);
    expect(again).toMatch(/^2 files checked: 3 errors, 0 warnings, 2 info$/m);
  }, 180_000);

  it('keeps a placeholder written as a tag in prose on the page as text', async () => {
    expect(textOf(await page('lessons/a-commands'))).toContain('kubectl delete pod <pod-name>, then check');
  });

  it('lists the lessons on the course home in frontmatter order, with links and descriptions', async () => {
    const index = await page('.');
    const list = elements(index, hasClass('lc-lesson-list'))[0]!;
    const lessonLinks = elements(list, (element) => element.tagName === 'a');
    // b-pod.md has order 1 and a-commands.md order 2: order wins over file names.
    expect(lessonLinks.map((a) => a.properties.href)).toEqual(['/lessons/b-pod/', '/lessons/a-commands/']);
    expect(lessonLinks.map((a) => textOf(a))).toEqual(['파드 만들기', 'Deleting pods']);
    expect(textOf(list)).toContain('첫 파드를 매니페스트로 만들고 kubectl로 확인합니다.');
    const html = elements(index, (element) => element.tagName === 'html')[0]!;
    expect(html.properties.lang).toBe('ko');
    // The sidebar lists the same lessons in the same order.
    const sidebar = elements(index, (element) => element.properties.id === 'starlight__sidebar')[0]!;
    expect(elements(sidebar, (element) => element.tagName === 'a').map((a) => a.properties.href)).toEqual(['/lessons/b-pod/', '/lessons/a-commands/']);
  });

  it('renders a lesson in its language, with the frame around it and searchable content', async () => {
    const korean = await page('lessons/b-pod');
    const english = await page('lessons/a-commands');
    expect(elements(korean, (e) => e.tagName === 'html')[0]!.properties.lang).toBe('ko');
    expect(elements(english, (e) => e.tagName === 'html')[0]!.properties.lang).toBe('en');
    // Starlight's UI in the lesson's language: the skip link and the table of contents.
    expect(textOf(elements(korean, hasClass('sl-skip-link'))[0] ?? korean)).toBe('콘텐츠로 이동');
    expect(textOf(elements(english, hasClass('sl-skip-link'))[0] ?? english)).toBe('Skip to content');
    expect(textOf(elements(english, hasClass('lc-lesson-bar'))[0]!)).toContain('Progress');
    const body = elements(korean, (e) => e.properties.dataPagefindBody !== undefined);
    expect(body).toHaveLength(1);
    expect(textOf(body[0]!)).toContain('파드는 쿠버네티스에서 배포할 수 있는 가장 작은 단위입니다.');
    // Answers, hints and original snippets are kept out of the search index.
    for (const name of ['lc-answer', 'lc-original']) {
      const found = elements(korean, hasClass(name));
      expect(found.length, name).toBeGreaterThan(0);
      for (const element of found) expect(element.properties.dataPagefindIgnore, name).toBeDefined();
    }
  });

  it('marks each snippet with its status: valid, corrected, intentional, problems', async () => {
    const lesson = await page('lessons/b-pod');
    const snippets = elements(lesson, hasClass('lc-snippet'));
    // The three lesson snippets, then the code of the first answer (a plain, valid command).
    expect(snippets.map((figure) => [figure.properties.dataSnippet, figure.properties.dataKind, figure.properties.dataStatus])).toEqual([
      ['0', 'manifest', 'valid'],
      ['1', 'manifest', 'corrected'],
      ['2', 'manifest', 'intentional'],
      ['3', 'shell', 'valid'],
    ]);
    const corrected = snippets[1]!;
    expect(textOf(elements(corrected, (e) => e.tagName === 'pre')[0]!)).toContain('apiVersion: v1');
    const errata = elements(corrected, hasClass('lc-errata'));
    expect(errata).toHaveLength(1);
    expect(textOf(elements(errata[0]!, hasClass('lc-original'))[0]!)).toContain('apiVerison: v1');
    expect(elements(snippets[2]!, hasClass('lc-taught'))).toHaveLength(1);

    const english = elements(await page('lessons/a-commands'), hasClass('lc-snippet'));
    expect(english.map((figure) => [figure.properties.dataKind, figure.properties.dataStatus])).toEqual([
      ['shell', 'corrected'],
      ['manifest', 'problems'],
      ['shell', 'valid'],
    ]);
    expect(textOf(elements(english[0]!, (e) => e.tagName === 'pre')[0]!)).toContain('kubectl delete pod --all');
    const problems = elements(english[1]!, hasClass('lc-problems'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.properties.role).toBe('note');
    expect(textOf(problems[0]!)).toContain('Unresolved problems');
  });

  it('emits quiz placeholders whose data-question parses with the quiz schema', async () => {
    const lesson = await page('lessons/b-pod');
    const placeholders = elements(lesson, hasClass('lc-question'));
    const questions = placeholders.map((element) => Question.parse(JSON.parse(String(element.properties.dataQuestion))));
    expect(questions.map((q) => q.type)).toEqual(['command', 'text', 'choice']);
    expect(placeholders.map((element) => element.properties.dataType)).toEqual(['command', 'text', 'choice']);
    expect(questions[0]).toMatchObject({ type: 'command', answer: 'kubectl get pods' });
    expect(questions[1]).toMatchObject({ type: 'text', answer: '컨테이너' });
    expect(questions[2]).toMatchObject({ type: 'choice', multiple: false, hints: ['파드 스펙에서 목록으로 쓰는 필드입니다.'] });
    for (const placeholder of placeholders) {
      const answer = elements(placeholder, hasClass('lc-answer'));
      expect(answer).toHaveLength(1);
      expect(answer[0]!.properties.hidden).toBe(true);
    }
  });

  it('shows the number of questions as progress on the index and the lesson page', async () => {
    const progress = (tree: Root) => elements(tree, hasClass('lc-progress')).map((e) => [e.properties.dataLesson, e.properties.dataTotal]);
    expect(progress(await page('.'))).toEqual([
      ['b-pod', '3'],
      ['a-commands', '1'],
    ]);
    expect(progress(await page('lessons/b-pod'))).toEqual([['b-pod', '3']]);
  });

  it('bundles the quiz client into the lesson page', async () => {
    const scripts = elements(await page('lessons/b-pod'), (e) => e.tagName === 'script' && e.properties.type === 'module');
    expect(scripts.length).toBeGreaterThan(0);
  });
});
