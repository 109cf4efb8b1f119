import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixFile } from '../cli/fix.ts';
import { analyzeLesson } from '../plugins/remark-lessonc/lib/analyze.ts';
import { renderLesson } from '../plugins/remark-lessonc/lib/render/lesson.ts';

/** Author's original notes (`original: true`) and the `:correction` errata directive. */
const snippets = [
  '```shell',
  'kubectl delete pod -all',
  '```',
  '',
  '```yaml',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: x',
  'spec:',
  '  restartPolicy: Always',
  '```',
  '',
].join('\n');

const lesson = (frontmatter: string, body = snippets) => `---\ntitle: t\n${frontmatter}---\n\n${body}`;
const severities = (markdown: string) => analyzeLesson(markdown).messages.map((m) => [m.ruleId, m.severity]);

describe('original: true', () => {
  it('reports problems the fixes resolve as warnings and the others as errors', () => {
    // `-all` has a fix; a Pod without `containers` has none.
    expect(severities(lesson('original: true\n'))).toEqual([
      ['kubectl/unknown-flag', 'warning'],
      ['k8s/required', 'error'],
    ]);
    expect(severities(lesson(''))).toEqual([
      ['kubectl/unknown-flag', 'error'],
      ['k8s/required', 'error'],
    ]);
  });

  it('counts a problem only an unsafe fix resolves as corrected: the site applies unsafe fixes too', () => {
    // The pod name typo has only an unsafe fix: the site applies it, so it is corrected there.
    const body = ['```shell', 'kubectl run redis --image=redis', 'kubectl edit pods edit', '```', ''].join('\n');
    expect(severities(lesson('original: true\n', body))).toEqual([['state/unknown-object', 'warning']]);
  });

  it('accepts `module` and rejects a non-boolean `original`', () => {
    expect(analyzeLesson(lesson('module: 파드의 구조\noriginal: false\n', '')).frontmatter).toMatchObject({ module: '파드의 구조', original: false });
    const messages = analyzeLesson(lesson('original: yes\n', '')).messages;
    expect(messages.map((m) => [m.ruleId, m.start.line])).toEqual([['lesson/frontmatter', 3]]);
  });

  describe('lessonc fix', () => {
    let work = '';
    beforeAll(async () => {
      work = await mkdtemp(path.join(os.tmpdir(), 'lessonc-original-'));
    });
    afterAll(async () => {
      if (work) await rm(work, { recursive: true, force: true });
    });

    it('keeps an original lesson as written and fixes the others', async () => {
      const original = path.join(work, 'original.md');
      const edited = path.join(work, 'edited.md');
      await writeFile(original, lesson('original: true\n'));
      await writeFile(edited, lesson(''));
      expect(await fixFile(original, { unsafe: true, dryRun: false })).toMatchObject({ changed: false, keptAsWritten: true });
      expect(await readFile(original, 'utf8')).toBe(lesson('original: true\n'));
      expect(await fixFile(edited, { unsafe: true, dryRun: false })).toMatchObject({ changed: true, keptAsWritten: false });
      expect(await readFile(edited, 'utf8')).toContain('kubectl delete pod --all');
    });
  });
});

describe(':correction errata', () => {
  const body = [
    '::correction{original="학습내용" note="양식의 빈 제목"}',
    '',
    '## 문제',
    '',
    '1. READY 열은 무엇을 뜻하나?',
    '',
    ':correction[준비된 컨테이너 수/전체 컨테이너 수]{original="전체 파드수중 현재 동작중인 파드수"}',
    '',
  ].join('\n');

  function render(markdown: string, locale: 'ko' | 'en' = 'ko') {
    const analysis = analyzeLesson(markdown);
    const rendered = renderLesson(analysis, locale);
    return { analysis, rendered, html: markup(analysis.tree) };
  }

  /** The elements the render stage asked for (`data.hName`), as HTML-like text: enough to read the erratum's markup. */
  function markup(node: unknown): string {
    const { type, value, children, data } = node as { type: string; value?: string; children?: unknown[]; data?: { hName?: string; hProperties?: { className?: string[] } } };
    if (type === 'text') return value ?? '';
    if (type === 'inlineCode') return `<code>${value}</code>`;
    const inner = (children ?? []).map(markup).join('');
    if (!data?.hName) return inner;
    const className = data.hProperties?.className ? ` class="${data.hProperties.className.join(' ')}"` : '';
    return `<${data.hName}${className}>${inner}</${data.hName}>`;
  }

  it('shows the original wording struck through next to the correction', () => {
    const { html } = render(lesson('', body));
    expect(html).toContain('<p class="lc-correction"><span class="lc-correction-label">정정</span> 원문: <del class="lc-correction-original">학습내용</del> → <span class="lc-correction-text lc-correction-removed">(삭제함)</span> <span class="lc-correction-note">(양식의 빈 제목)</span></p>');
    expect(html).toContain('<del class="lc-correction-original">전체 파드수중 현재 동작중인 파드수</del> → <ins class="lc-correction-text">준비된 컨테이너 수/전체 컨테이너 수</ins>');
  });

  it('uses the English strings on an English lesson', () => {
    const { html } = render(lesson('lang: en\n', body), 'en');
    expect(html).toContain('<span class="lc-correction-label">Correction</span> Original: <del');
    expect(html).toContain('(removed)');
  });

  it('grades a corrected answer on the correction', () => {
    const { rendered } = render(lesson('', body));
    expect(rendered.questions).toMatchObject([{ type: 'text', answer: '준비된 컨테이너 수/전체 컨테이너 수' }]);
  });

  it('reports a correction without `original` at its place', () => {
    const markdown = lesson('', 'Intro.\n\nSee :correction[Running]{note="typo"} here.\n');
    expect(analyzeLesson(markdown).messages.map((m) => [m.ruleId, m.severity, m.start.line, m.start.column, m.message])).toEqual([
      ['lesson/correction', 'error', 7, 5, 'Missing `original` in `correction`, expected `:correction[corrected text]{original="original text"}`'],
    ]);
  });
});
