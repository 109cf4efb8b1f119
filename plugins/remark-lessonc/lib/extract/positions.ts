import type { Edit, Snippet } from '../types.ts';

export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** Offsets of the first character of every line of `text` (lines split on `\n`). */
export function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Index of the line containing `offset` (binary search over line starts). */
export function lineIndexAt(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Maps an offset inside a snippet's value to the Markdown document. Code inside a list item or
 * blockquote loses its container prefix in the value, so each value line is mapped through the
 * Markdown offset where it starts (`snippet.lineStarts`).
 */
export function snippetOffsetToMarkdown(snippet: Snippet, offset: number): number {
  const valueStarts = lineStartOffsets(snippet.value);
  const index = lineIndexAt(valueStarts, Math.min(Math.max(offset, 0), snippet.value.length));
  return snippet.lineStarts[index]! + (offset - valueStarts[index]!);
}

export function markdownPoint(markdownLineStarts: number[], offset: number): Point {
  const index = lineIndexAt(markdownLineStarts, offset);
  return { line: index + 1, column: offset - markdownLineStarts[index]! + 1, offset };
}

/**
 * Turns an edit of a snippet's value into an edit of the Markdown source. Newlines inserted or
 * kept by the edit get the container prefix of the line they open (e.g. list indentation), so
 * fixing nested code never breaks the list around it, and the file's line ending (CRLF stays CRLF).
 */
export function snippetEditToMarkdown(snippet: Snippet, markdown: string, edit: Edit): Edit {
  const start = snippetOffsetToMarkdown(snippet, edit.start);
  const end = snippetOffsetToMarkdown(snippet, edit.end);
  const prefix = containerPrefix(snippet, markdown);
  const crlf = usesCrlf(snippet, markdown);
  const text = prefix || crlf ? edit.text.replace(crlf ? /\r?\n/g : /\n/g, `${crlf ? '\r\n' : '\n'}${prefix}`) : edit.text;
  return { start, end, text };
}

/**
 * The text Markdown puts before each content line of a nested code block ("" at top level), read
 * off the first line with content: a blank line may carry less of it (`>` for `> `, or nothing).
 */
function containerPrefix(snippet: Snippet, markdown: string): string {
  const valueLines = snippet.value.split('\n');
  const line = Math.max(valueLines.findIndex((value) => value.trim() !== ''), 0);
  const start = snippet.lineStarts[line]!;
  return markdown.slice(markdown.lastIndexOf('\n', start - 1) + 1, start);
}

/** Whether the snippet's lines end in CRLF in the Markdown source. */
function usesCrlf(snippet: Snippet, markdown: string): boolean {
  const newline = markdown.indexOf('\n', snippet.lineStarts[0]);
  return newline > 0 && markdown[newline - 1] === '\r';
}
