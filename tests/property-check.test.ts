import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeLesson, fixLesson } from '../plugins/remark-lessonc/index.ts';
import { lessonArbitrary, PROPERTY_RUNS } from './helpers/lesson-arbitrary.ts';

/**
 * `check` and `fix` on generated lessons (tests/helpers/lesson-arbitrary.ts): seeded, so a failure
 * prints a seed and path that reproduce it.
 */
const settings = { seed: 20261202, numRuns: PROPERTY_RUNS };

/** Lines of the text after the BOM, as a reader sees them (without their `\r`). */
function visibleLines(markdown: string): string[] {
  return markdown.replace(/^\uFEFF/, '').split('\n').map((line) => line.replace(/\r$/, ''));
}

/** Lines outside the lesson's code blocks, by the compiler's own reading of where snippets are. */
function linesOutsideSnippets(markdown: string): string[] {
  const analysis = analyzeLesson(markdown);
  const inSnippet = new Set<number>();
  for (const snippet of analysis.snippets) snippet.lineStarts.forEach((_, i) => inSnippet.add(snippet.line + i));
  return visibleLines(markdown).filter((_, i) => !inSnippet.has(i + 1));
}

describe('check on generated lessons', () => {
  it('never throws and puts every problem inside the file', () => {
    fc.assert(
      fc.property(lessonArbitrary, ({ markdown }) => {
        const lines = visibleLines(markdown);
        for (const message of analyzeLesson(markdown).messages) {
          for (const point of [message.start, message.end]) {
            expect(point.line, message.ruleId).toBeGreaterThanOrEqual(1);
            expect(point.line, message.ruleId).toBeLessThanOrEqual(lines.length);
            expect(point.column, message.ruleId).toBeGreaterThanOrEqual(1);
            expect(point.column, `${message.ruleId} ${message.message}`).toBeLessThanOrEqual(lines[point.line - 1]!.length + 2);
          }
          expect(message.start.offset).toBeLessThanOrEqual(message.end.offset);
          expect(message.ruleId).not.toBe('lessonc/internal-error');
        }
      }),
      settings,
    );
  });
});

describe('fix on generated lessons', () => {
  it('is idempotent, changes only snippet lines and keeps line endings and BOM', () => {
    fc.assert(
      fc.property(lessonArbitrary, ({ markdown, crlf, bom }) => {
        const { output } = fixLesson(markdown, { unsafe: true });
        expect(fixLesson(output, { unsafe: true }).output).toBe(output);
        expect(output.startsWith('\uFEFF')).toBe(bom);
        if (crlf) expect(output.replace(/\r\n/g, '')).not.toContain('\n');
        else expect(output).not.toMatch(/\r(?!\n)|\r\n/);
        expect(linesOutsideSnippets(output)).toEqual(linesOutsideSnippets(markdown));
      }),
      settings,
    );
  });
});
