import { describe, expect, it, vi } from 'vitest';
import { analyzeLesson } from '../plugins/remark-lessonc/index.ts';

// A kubectl checker with a bug: it throws on a particular line.
vi.mock('../plugins/remark-lessonc/lib/kubectl/check.ts', () => ({
  checkShellSnippet: (text: string) => {
    if (text.includes('boom')) throw new Error('boom');
    return [];
  },
}));

describe('a rule that throws', () => {
  it('becomes an internal-error diagnostic at its snippet, and the rest of the lesson is still checked', () => {
    const markdown = '---\ntitle: T\n---\n\n```shell\nkubectl boom\n```\n\n```yaml\napiVerison: v1\nkind: Pod\n```\n';
    const messages = analyzeLesson(markdown).messages;
    expect(messages.find((m) => m.ruleId === 'lessonc/internal-error')).toMatchObject({ severity: 'error', start: { line: 6, column: 1 }, message: expect.stringContaining('boom') });
    expect(messages.some((m) => m.ruleId === 'k8s/unknown-field')).toBe(true);
  });
});
