import type { Root } from 'mdast';
import type { Node } from 'unist';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** The Markdown dialect of lessons: CommonMark + GFM + frontmatter + directives (`:::question`). */
const lessonParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);

/** How many times a lesson text was parsed (all parts of a chunked parse count once): for tests. */
export const parseCount = { value: 0 };

export function parseLesson(markdown: string): Root {
  return parseInChunks(markdown, (chunk) => lessonParser.parse(chunk));
}

/**
 * Documents shorter than this are parsed in one go; longer ones in parts of about this size.
 * micromark's time grows with the square of a document's length (splicing its event buffer), so a
 * 1.6 MB lesson took four times as long as a 0.8 MB one; parts keep the whole linear.
 */
export const CHUNK_SIZE = 32 * 1024;

/**
 * Parses `markdown` with `parse`, in parts split where nothing can carry over from one part to the
 * next: before an ATX heading (`#` at column 1) that follows a blank line, outside frontmatter,
 * fenced code, directive containers and HTML blocks that run to an end marker. Such a heading
 * closes every open block, so each part parses as it would in the whole document; the parts'
 * positions are shifted to the whole's and their children joined. A document with link reference
 * or footnote definitions (which reach across parts) is parsed whole.
 */
export function parseInChunks(markdown: string, parse: (chunk: string) => Root): Root {
  parseCount.value++;
  // micromark skips a byte order mark: positions count from the character after it.
  const text = markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown;
  const starts = text.length > 2 * CHUNK_SIZE ? chunkStarts(text) : [0];
  if (starts.length === 1) return parse(markdown);
  const root: Root = { type: 'root', children: [] };
  let line = 0;
  let counted = 0;
  for (let i = 0; i < starts.length; ) {
    const start = starts[i]!;
    for (let at = text.indexOf('\n', counted); at !== -1 && at < start; at = text.indexOf('\n', at + 1)) line++;
    counted = start;
    // A part whose last block runs into the blank lines before the next heading did not end there
    // (an unclosed fence or container the scan did not see): it is parsed again with the next part.
    let next = i + 1;
    let chunk = text.slice(start, starts[next] ?? text.length);
    let part = parse(chunk);
    while (next < starts.length && !endsBeforeTrailingBlankLines(part, chunk)) {
      next++;
      chunk = text.slice(start, starts[next] ?? text.length);
      part = parse(chunk);
    }
    if (start > 0) shift(part, line, start);
    root.children.push(...part.children);
    i = next;
  }
  const last = text.lastIndexOf('\n');
  root.position = { start: { line: 1, column: 1, offset: 0 }, end: { line: countLines(text), column: text.length - last, offset: text.length } };
  return root;
}

function endsBeforeTrailingBlankLines(part: Root, chunk: string): boolean {
  const end = part.children.at(-1)?.position?.end.offset;
  return end === undefined || end <= chunk.trimEnd().length;
}

function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

function shift(node: Node, lines: number, offset: number): void {
  if (node.position) {
    node.position.start = { ...node.position.start, line: node.position.start.line + lines, offset: (node.position.start.offset ?? 0) + offset };
    node.position.end = { ...node.position.end, line: node.position.end.line + lines, offset: (node.position.end.offset ?? 0) + offset };
  }
  const children = (node as { children?: Node[] }).children;
  if (children) for (const child of children) shift(child, lines, offset);
}

const FENCE = /^ {0,3}(`{3,}|~{3,}|:{3,})/;
const DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:/m;
const HTML_WITH_END: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** Offsets where a part may start (0 first), at least CHUNK_SIZE apart. */
export function chunkStarts(text: string): number[] {
  if (DEFINITION.test(text)) return [0];
  const starts = [0];
  let offset = 0;
  // Frontmatter: from a first `---` line to the next `---` line.
  if (/^---[ \t]*\r?\n/.test(text)) {
    const close = /\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(3));
    if (!close) return [0];
    offset = 3 + close.index + close[0].length;
  }
  let fence: { char: string; length: number } | null = null;
  let htmlEnd: RegExp | null = null;
  let blankBefore = true;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(offset, lineEnd);
    if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = null;
    } else if (fence) {
      const match = FENCE.exec(line);
      if (match && match[1]![0] === fence.char && match[1]!.length >= fence.length && /^[ \t]*$/.test(line.slice(match[0].length))) fence = null;
    } else {
      if (blankBefore && line.startsWith('#') && /^#{1,6}(?:[ \t]|$)/.test(line) && offset - starts[starts.length - 1]! >= CHUNK_SIZE) starts.push(offset);
      const match = FENCE.exec(line);
      if (match) fence = { char: match[1]![0]!, length: match[1]!.length };
      else {
        const html = HTML_WITH_END.find(([open]) => open.test(line));
        if (html && !html[1].test(line.slice(line.indexOf('<') + 2))) htmlEnd = html[1];
      }
    }
    blankBefore = /^[ \t]*\r?$/.test(line);
    offset = lineEnd + 1;
  }
  return starts;
}
