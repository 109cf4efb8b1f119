import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importNotes } from '../plugins/remark-lessonc/index.ts';
import { linesMissingFromMarkdown } from './helpers/import-lines.ts';
import { notesArbitrary, PROPERTY_RUNS } from './helpers/lesson-arbitrary.ts';

describe('import of generated notes', () => {
  it('keeps every non-blank line', () => {
    fc.assert(
      fc.property(notesArbitrary, (notes) => {
        expect(linesMissingFromMarkdown(notes, importNotes(notes, { sourceName: 'generated.txt' }))).toEqual([]);
      }),
      { seed: 20261204, numRuns: PROPERTY_RUNS },
    );
  });
});
