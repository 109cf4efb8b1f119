/**
 * Which snippet a place in the lesson file is in, and where in the snippet's own text: the inverse
 * of `snippetOffsetToMarkdown`, for editors that ask about the character under the cursor.
 */
import { lineStartOffsets } from '../extract/positions.ts';
import type { Snippet } from '../types.ts';

export interface SnippetPlace<S extends Snippet = Snippet> {
  snippet: S;
  /** Offset into `snippet.value`. */
  offset: number;
}

/** The snippet whose content covers the Markdown offset (a line's end counts), or undefined. */
export function snippetAt<S extends Snippet>(snippets: readonly S[], markdownOffset: number): SnippetPlace<S> | undefined {
  for (const snippet of snippets) {
    const valueStarts = lineStartOffsets(snippet.value);
    for (let line = 0; line < valueStarts.length; line++) {
      const start = snippet.lineStarts[line]!;
      const length = (valueStarts[line + 1] ?? snippet.value.length + 1) - 1 - valueStarts[line]!;
      if (markdownOffset >= start && markdownOffset <= start + length) return { snippet, offset: valueStarts[line]! + markdownOffset - start };
    }
  }
  return undefined;
}
