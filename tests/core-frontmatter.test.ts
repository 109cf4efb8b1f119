import { describe, expect, it } from 'vitest';
import { analyzeLesson } from '../plugins/remark-lessonc/index.ts';

const frontmatterMessages = (markdown: string) => analyzeLesson(markdown).messages.filter((m) => m.ruleId === 'lesson/frontmatter');

describe('lesson frontmatter', () => {
  it('accepts a valid lesson and fills defaults', () => {
    const analysis = analyzeLesson('---\ntitle: Pods\norder: 1\n---\n\ntext\n');
    expect(frontmatterMessages('---\ntitle: Pods\norder: 1\n---\n')).toEqual([]);
    expect(analysis.frontmatter).toMatchObject({ title: 'Pods', order: 1, kubernetes: '1.32', lang: 'ko', tags: [] });
  });

  it('points at an unknown key, naming the nearest field', () => {
    const [message] = frontmatterMessages('---\ntitle: Pods\ntilte: oops\n---\n');
    expect(message).toMatchObject({ severity: 'error', message: 'Unexpected frontmatter field `tilte`, expected `title`', start: { line: 3, column: 1 }, end: { line: 3, column: 6 } });
  });

  it('points at an invalid value, and reports a missing title and an unsupported version', () => {
    expect(frontmatterMessages('---\ntitle: Pods\norder: first\n---\n')[0]).toMatchObject({ message: expect.stringContaining('`order`'), start: { line: 3 } });
    expect(frontmatterMessages('---\norder: 1\n---\n')[0]?.message).toContain('`title`');
    expect(frontmatterMessages('---\ntitle: Pods\nkubernetes: "1.31"\n---\n')[0]?.message).toContain('1.32');
    expect(frontmatterMessages('no frontmatter\n')[0]?.message).toBe('Missing frontmatter, expected at least `title`');
  });
});
