import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Snippet } from '../types.ts';
import { classifySnippet } from './classify.ts';
import { parseCodeMeta } from './meta.ts';
import { lineStartOffsets, markdownPoint } from './positions.ts';

export interface ExtractedSnippet extends Snippet {
  node: Code;
}

/**
 * Collects every code block of the lesson in document order with the exact Markdown offset of
 * each of its lines, so rule positions and fixes can be mapped back to the lesson file.
 */
export function extractSnippets(tree: Root, markdown: string): ExtractedSnippet[] {
  const markdownStarts = lineStartOffsets(markdown);
  const snippets: ExtractedSnippet[] = [];
  visit(tree, 'code', (node: Code) => {
    const meta = parseCodeMeta(node.meta);
    const lang = node.lang ? node.lang.toLowerCase() : null;
    const lineStarts = contentLineStarts(node, markdown, markdownStarts);
    if (!lineStarts) return;
    snippets.push({
      index: snippets.length,
      kind: classifySnippet(lang, meta, node.value),
      lang,
      meta,
      value: node.value,
      line: markdownPoint(markdownStarts, lineStarts[0]!).line,
      lineStarts,
      node,
    });
  });
  return snippets;
}

/**
 * Where each line of the code value starts in the Markdown source. A fenced block's content starts
 * on the line after the opening fence; an indented block's on its first line. Container prefixes
 * (list indentation, `> `) are whatever precedes the value line on its source line. In a CRLF file
 * the `\r` ending the source line (and every value line but the last) is left out of that comparison.
 */
function contentLineStarts(node: Code, markdown: string, markdownStarts: number[]): number[] | null {
  const position = node.position;
  if (!position || position.start.offset === undefined) return null;
  const fenced = /^(`{3,}|~{3,})/.test(markdown.slice(position.start.offset, position.start.offset + 3));
  const firstLine = position.start.line + (fenced ? 1 : 0);
  const valueLines = node.value.split('\n');
  return valueLines.map((valueLine, i) => {
    const lineIndex = firstLine - 1 + i;
    const start = markdownStarts[lineIndex] ?? markdown.length;
    const end = (markdownStarts[lineIndex + 1] ?? markdown.length + 1) - 1;
    const sourceLine = markdown.slice(start, end).replace(/\r$/, '');
    const content = valueLine.replace(/\r$/, '');
    const prefix = sourceLine.endsWith(content) ? sourceLine.length - content.length : 0;
    return start + prefix;
  });
}
