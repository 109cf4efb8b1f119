import { describe, expect, it } from 'vitest';
import { analyzeLesson, fixLesson, importNotes } from '../plugins/remark-lessonc/index.ts';
import { generateNotes } from './fixtures/import/generate-notes.ts';

/**
 * Generated notes (Korean and English prose, tab-indented YAML, prompts, output, Q&A, Markdown
 * syntax in prose, CRLF) through the whole compiler: nothing throws, every problem has a location
 * inside the file, `fix --unsafe` settles and is idempotent, and no line outside snippets changes.
 */
describe('the compiler on generated lessons', () => {
  it('checks and fixes 120 generated lessons without losing prose', () => {
    for (let seed = 1; seed <= 120; seed++) {
      const markdown = importNotes(generateNotes(seed), { sourceName: `generated-${seed}.txt` });
      const lineCount = markdown.split('\n').length;
      for (const message of analyzeLesson(markdown).messages) {
        expect(message.start.line, `seed ${seed}: ${message.ruleId}`).toBeGreaterThanOrEqual(1);
        expect(message.end.line, `seed ${seed}: ${message.ruleId}`).toBeLessThanOrEqual(lineCount);
        expect(message.start.offset).toBeLessThanOrEqual(message.end.offset);
      }
      const fixed = fixLesson(markdown, { unsafe: true });
      expect(fixed.stable, `seed ${seed} did not settle`).toBe(true);
      expect(fixLesson(fixed.output, { unsafe: true }).output, `seed ${seed} not idempotent`).toBe(fixed.output);
      expect(proseLines(fixed.output), `seed ${seed} changed prose`).toEqual(proseLines(markdown));
    }
  });
});

/** Lines outside fenced code blocks. */
function proseLines(markdown: string): string[] {
  let fence: string | null = null;
  return markdown.split('\n').filter((line) => {
    const marker = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === null ? marker : null;
      return false;
    }
    return fence === null;
  });
}
