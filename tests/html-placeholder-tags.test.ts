import { describe, expect, it } from 'vitest';
import { analyzeLesson } from '../plugins/remark-lessonc/lib/analyze.ts';
import { isPlaceholderTag } from '../plugins/remark-lessonc/lib/html/placeholder-tags.ts';
import { renderLesson } from '../plugins/remark-lessonc/lib/render/lesson.ts';
import { lessoncSanitizeSchema } from '../plugins/remark-lessonc/lib/render/sanitize-schema.ts';
import { toString } from 'mdast-util-to-string';

const lesson = (body: string) => `---\ntitle: 자리표시자\n---\n\n${body}\n`;

describe('placeholder tags in prose', () => {
  it('reads `<pod-name>` in a paragraph as text: no html/unsafe, and the page keeps it', () => {
    const analysis = analyzeLesson(lesson('파드 이름을 넣으세요: kubectl logs <pod-name> -c <container>'));
    expect(analysis.messages.filter((m) => m.ruleId === 'html/unsafe')).toEqual([]);
    renderLesson(analysis, 'ko');
    expect(toString(analysis.tree)).toContain('kubectl logs <pod-name> -c <container>');
  });

  it('still reports HTML the sanitiser drops, and keeps allowed HTML as HTML', () => {
    const analysis = analyzeLesson(lesson('a <script>alert(1)</script> b <iframe> c <img src=x onerror=alert(1)> d <kbd>Ctrl</kbd>'));
    const unsafe = analysis.messages.filter((m) => m.ruleId === 'html/unsafe');
    expect(unsafe.length).toBeGreaterThanOrEqual(3);
    for (const tag of ['<script>', '<iframe>', '<kbd>', '<img src=x onerror=alert(1)>', '</name>', '<a href="x">']) expect(isPlaceholderTag(tag), tag).toBe(false);
    for (const name of lessoncSanitizeSchema.tagNames ?? []) expect(isPlaceholderTag(`<${name}>`), name).toBe(false);
    for (const tag of ['<pod-name>', '<name>', '<POD_NAME>', '<deploy name>', '<이름>']) expect(isPlaceholderTag(tag), tag).toBe(true);
  });
});
