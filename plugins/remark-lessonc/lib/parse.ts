import type { Root, RootContent } from 'mdast';
import type { Node } from 'unist';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Data } from 'unified';

/** The Markdown dialect of lessons: CommonMark + GFM + frontmatter + directives (`:::question`). */
// Frozen now: the plugins' extensions are in its data only once it is (takeAutolinkLiterals reads them).
const lessonParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();

type TreeTransform = (tree: Node) => void;

/** A text holds an autolink literal only with one of these (`&` for a character reference). */
const MAY_HOLD_AUTOLINK_LITERAL = /@|&|www|http/i;

/**
 * GFM finds `www.`, `http://` and e-mail literals in a pass over every text node after the parse
 * (mdast-util-gfm-autolink-literal's transform: a seventh of a lesson's parse time). This takes the
 * transform out of `processor`'s parse (remark-gfm attached before) and returns it as a step to run
 * after each parse, on only the top-level blocks whose source can hold a literal. The transform
 * searches each text node on its own, so block by block it gives the whole tree's result. Without
 * GFM's transform in the processor the step does nothing.
 */
export function takeAutolinkLiterals(processor: { data(key: 'fromMarkdownExtensions'): unknown }): (tree: Root, chunk: string) => void {
  let transform: TreeTransform | undefined;
  const take = (list: unknown[]) => {
    list.forEach((extension, index) => {
      if (Array.isArray(extension)) return take(extension);
      const candidate = extension as { enter?: Record<string, unknown>; transforms?: TreeTransform[] };
      if (transform || !candidate?.enter || !('literalAutolink' in candidate.enter) || candidate.transforms?.length !== 1) return;
      transform = candidate.transforms[0];
      list[index] = { ...candidate, transforms: [] };
    });
  };
  take((processor.data('fromMarkdownExtensions') ?? []) as unknown[]);
  const autolinkLiterals = transform;
  if (!autolinkLiterals) return () => {};
  return (tree, chunk) => {
    // Positions count from after a byte order mark.
    const text = withoutBom(chunk);
    for (const block of tree.children) {
      const start = block.position?.start.offset;
      const end = block.position?.end.offset;
      if (start === undefined || end === undefined || MAY_HOLD_AUTOLINK_LITERAL.test(text.slice(start, end))) autolinkLiterals(block);
    }
  };
}

/** A line of only what a delimiter row and its container prefix (`>`, indentation) are made of. */
// One character class to the line's end: a long line that fails costs its length, not its square.
const DELIMITER_ROW_CHARACTERS = /^[ \t>|:-]+$/gm;

/**
 * Whether `text` has a line a table's delimiter row could be; no table without one. Such a line holds
 * a dash and a pipe or colon (micromark-extension-gfm-table refuses a row without either: it is a
 * thematic break or a setext underline).
 */
export function mayHoldTable(text: string): boolean {
  for (const [line] of text.matchAll(DELIMITER_ROW_CHARACTERS)) if (line.includes('-') && /[|:]/.test(line)) return true;
  return false;
}

/**
 * GFM's table construct is tried at the start of every line and reads the line as a head row
 * before it looks for the delimiter row below (a quarter of a lesson's parse). In a text with no
 * line that could be a delimiter row it is switched off with micromark's own `disable` list, put in
 * `processor`'s extensions here and set before each parse by the returned step.
 */
export function switchTablesByText(processor: { data(): Data }): (text: string) => void {
  const data = processor.data();
  // remark-gfm, attached later, adds its extensions to this list too.
  const extensions = (data.micromarkExtensions ??= []);
  const tables = { disable: { null: [] as string[] } };
  extensions.push(tables);
  return (text) => {
    tables.disable.null = mayHoldTable(text) ? [] : ['table'];
  };
}

/**
 * A parse by `processor` with the two shortcuts above: tables switched by the text, autolink
 * literals found block by block. For the compiler's parser and, through the plugin, a host's (whose
 * parse takes the file, so the parse is given with each chunk).
 */
export function withParseShortcuts(processor: { data(): Data; data(key: 'fromMarkdownExtensions'): unknown }): (chunk: string, parse: (chunk: string) => Root) => Root {
  const autolinkLiterals = takeAutolinkLiterals(processor);
  const switchTables = switchTablesByText(processor);
  return (chunk, parse) => {
    switchTables(chunk);
    const tree = parse(chunk);
    autolinkLiterals(tree, chunk);
    return tree;
  };
}

const lessonParse = withParseShortcuts(lessonParser);

/** One text parsed as a lesson. */
function parseChunk(chunk: string): Root {
  return lessonParse(chunk, (text) => lessonParser.parse(text));
}

/** How many times a lesson text was parsed (all parts of a chunked parse count once): for tests. */
export const parseCount = { value: 0 };

export function parseLesson(markdown: string): Root {
  return parseInChunks(markdown, parseChunk);
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
  const text = withoutBom(markdown);
  const starts = text.length > 2 * CHUNK_SIZE ? chunkStarts(text) : [0];
  if (starts.length === 1) return parse(markdown);
  return parseParts(text, starts, parse);
}

/**
 * `markdown` parsed again after edits to `previous.markdown` (the fix loop reads a lesson again after
 * every pass, and its fixes touch a few snippets): the text is cut into sections where a part may
 * start (before each ATX heading after a blank line, as above, and around each fenced code block at
 * column 1 after a blank line: `chunkStarts(…, aroundFences)`), and a section whose text is in the
 * previous text too is copied from `previous.tree` with its positions shifted; only the others are
 * parsed. The previous tree may be a host's (Astro's, after its own transforms): the analysis reads
 * snippets and prompts from the source at node positions, so a copied section reads as a parsed one.
 */
export function reparseLesson(markdown: string, previous: { markdown: string; tree: Root }): Root {
  const text = withoutBom(markdown);
  const starts = chunkStarts(text, 0, true);
  const oldSections = starts.length === 1 ? null : sectionsOf(withoutBom(previous.markdown), previous.tree);
  const tree = oldSections === null ? parseLesson(markdown) : reparsed(text, starts, oldSections);
  // The fix loop's next pass has this text as its previous one and needs the same cut points.
  sectionCuts.set(tree, { text, starts });
  return tree;
}

/** The section starts of a text a tree was made from (by reparseLesson), for the pass after. */
const sectionCuts = new WeakMap<Root, { text: string; starts: number[] }>();

function reparsed(text: string, starts: number[], oldSections: Section[]): Root {
  parseCount.value++;
  const byText = new Map<string, Section[]>();
  for (const section of oldSections) {
    const same = byText.get(section.text);
    if (same) same.push(section);
    else byText.set(section.text, [section]);
  }
  return parseParts(text, starts, (chunk) => fencedCodeSection(chunk) ?? parseChunk(chunk), (chunk, start, line) => {
    const reused = byText.get(chunk)?.shift();
    return reused?.nodes.map((node) => shifted(node, line - reused.line, start - reused.start) as RootContent);
  });
}

/** An opening fence at column 1: its marker and its info string. */
const OPENING_FENCE = /^(`{3,}|~{3,})([^\n]*)$/;
/** A line that closes a fence: up to three spaces, the marker, blanks. */
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/**
 * A section that is one fenced code block at column 1 and nothing else, the way reparseLesson cuts
 * around them, read straight into its `code` node, as micromark would read it: the fix loop parses
 * again the blocks its fixes edited, and micromark's set-up for one block cost more than reading it.
 * Null where a plain reading could differ (an info string with an escape or a character reference,
 * a carriage return or NUL, a line that closes the block early, no closing line): micromark reads those.
 */
export function fencedCodeSection(chunk: string): Root | null {
  if (chunk.includes('\r') || chunk.includes('\0')) return null;
  const body = chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk;
  const lines = body.split('\n');
  if (lines.length < 2) return null;
  const open = OPENING_FENCE.exec(lines[0]!);
  if (!open) return null;
  const [, marker, info] = open as unknown as [string, string, string];
  if (/[\\&]/.test(info) || (marker[0] === '`' && info.includes('`'))) return null;
  const closes = (line: string) => {
    const close = CLOSING_FENCE.exec(line);
    return close !== null && close[1]![0] === marker[0] && close[1]!.length >= marker.length;
  };
  const content = lines.slice(1, -1);
  if (!closes(lines.at(-1)!) || content.some(closes)) return null;
  // The info string: the language up to the first blank, the rest (trailing blanks kept) its meta.
  const words = /^[ \t]*([^ \t]*)[ \t]*([\s\S]*)$/.exec(info)!;
  const last = lines.length;
  const point = (line: number, column: number, offset: number) => ({ line, column, offset });
  const code: RootContent = {
    type: 'code',
    lang: words[1] || null,
    meta: words[1] && words[2] ? words[2] : null,
    value: content.join('\n'),
    position: { start: point(1, 1, 0), end: point(last, lines.at(-1)!.length + 1, body.length) },
  };
  return { type: 'root', children: [code], position: { start: point(1, 1, 0), end: endOf(chunk) } };
}

/**
 * The parts of `text` from each start to the next, parsed (or, where `reuse` has them, copied) and
 * joined with their positions shifted to the whole's.
 */
function parseParts(text: string, starts: number[], parse: (chunk: string) => Root, reuse?: (chunk: string, start: number, line: number) => RootContent[] | undefined): Root {
  const root: Root = { type: 'root', children: [] };
  const lines = new LineCounter(text);
  for (let i = 0; i < starts.length; ) {
    const start = starts[i]!;
    const line = lines.before(start);
    let next = i + 1;
    let chunk = text.slice(start, starts[next] ?? text.length);
    const reused = reuse?.(chunk, start, line);
    if (reused) {
      root.children.push(...reused);
      i = next;
      continue;
    }
    // A part whose last block runs into the blank lines before the next heading did not end there
    // (an unclosed fence or container the scan did not see): it is parsed again with the next part.
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
  root.position = { start: { line: 1, column: 1, offset: 0 }, end: endOf(text) };
  return root;
}

interface Section {
  text: string;
  start: number;
  /** Lines before the section. */
  line: number;
  nodes: RootContent[];
}

/**
 * The previous text's sections with the top-level nodes of each; null when the tree does not break
 * where the sections do (a node across a section start), so nothing of it can be reused.
 */
function sectionsOf(text: string, tree: Root): Section[] | null {
  const known = sectionCuts.get(tree);
  const starts = known?.text === text ? known.starts : chunkStarts(text, 0, true);
  if (starts.length === 1) return null;
  const lines = new LineCounter(text);
  const sections: Section[] = starts.map((start, i) => ({ text: text.slice(start, starts[i + 1] ?? text.length), start, line: lines.before(start), nodes: [] }));
  let at = 0;
  for (const node of tree.children) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return null;
    while (at + 1 < sections.length && sections[at + 1]!.start <= start) at++;
    const section = sections[at]!;
    // No node runs into the next section (the whole parse broke where the sections do).
    if (end > section.start + section.text.length) return null;
    section.nodes.push(node);
  }
  return sections;
}

/** Counts the lines before an offset, for offsets asked in increasing order. */
class LineCounter {
  private line = 0;
  private counted = 0;
  private readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  before(offset: number): number {
    for (let at = this.text.indexOf('\n', this.counted); at !== -1 && at < offset; at = this.text.indexOf('\n', at + 1)) this.line++;
    this.counted = Math.max(this.counted, offset);
    return this.line;
  }
}

/** A copy of `node` and its descendants with every position moved by `lines` and `offset`. */
function shifted(node: Node, lines: number, offset: number): Node {
  const copy: Node & { children?: Node[] } = { ...node };
  if (node.position) {
    const { start, end } = node.position;
    copy.position = { start: { ...start, line: start.line + lines, offset: (start.offset ?? 0) + offset }, end: { ...end, line: end.line + lines, offset: (end.offset ?? 0) + offset } };
  }
  const children = (node as { children?: Node[] }).children;
  if (children) copy.children = children.map((child) => shifted(child, lines, offset));
  return copy;
}

/** The text without a leading byte order mark. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function endsBeforeTrailingBlankLines(part: Root, chunk: string): boolean {
  const end = part.children.at(-1)?.position?.end.offset;
  return end === undefined || end <= chunk.trimEnd().length;
}

/** The point after the last character of `text`, as micromark gives a root's end. */
function endOf(text: string): { line: number; column: number; offset: number } {
  return { line: countLines(text), column: text.length - text.lastIndexOf('\n'), offset: text.length };
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

/**
 * Offsets where a part may start (0 first), at least `minSize` apart. `aroundFences` also starts a
 * part at a fenced code block at column 1 after a blank line, and after its closing fence: such a
 * fence, like such a heading, closes every open block, and nothing after its closing line continues
 * it (the fix loop's re-parse, whose fixes edit code blocks, then parses only the blocks they edited).
 */
export function chunkStarts(text: string, minSize = CHUNK_SIZE, aroundFences = false): number[] {
  // A lone `\r` ends a line for micromark, not for this scan (nor for the line counts of parts).
  if (DEFINITION.test(text) || /\r(?!\n)/.test(text)) return [0];
  const starts = [0];
  let offset = 0;
  // Frontmatter: from a first `---` line to the next `---` line.
  if (/^---[ \t]*\r?\n/.test(text)) {
    const close = /\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(3));
    if (!close) return [0];
    offset = 3 + close.index + close[0].length;
  }
  let fence: { char: string; length: number; part: boolean } | null = null;
  let htmlEnd: RegExp | null = null;
  let blankBefore = true;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline === -1 ? text.length : newline;
    // A CRLF line's `\r` is not part of it (a closing fence followed by `\r` closes).
    const line = text.charCodeAt(lineEnd - 1) === 13 ? text.slice(offset, lineEnd - 1) : text.slice(offset, lineEnd);
    if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = null;
    } else if (fence) {
      const match = FENCE.exec(line);
      if (match && match[1]![0] === fence.char && match[1]!.length >= fence.length && /^[ \t]*$/.test(line.slice(match[0].length))) {
        // Not before a `---` line: at the start of a part it would read as frontmatter.
        if (fence.part && lineEnd + 1 < text.length && !text.startsWith('---', lineEnd + 1)) starts.push(lineEnd + 1);
        fence = null;
      }
    } else {
      if (blankBefore && line.startsWith('#') && /^#{1,6}(?:[ \t]|$)/.test(line) && offset - starts[starts.length - 1]! >= minSize) starts.push(offset);
      const match = FENCE.exec(line);
      // A backtick fence's info string holds no backtick (else the line is a paragraph with code in it).
      if (match && !(match[1]![0] === '`' && line.includes('`', match[0].length))) {
        const char = match[1]![0]!;
        const part = aroundFences && blankBefore && char !== ':' && match[0].length === match[1]!.length;
        if (part && offset > starts[starts.length - 1]!) starts.push(offset);
        fence = { char, length: match[1]!.length, part };
      } else {
        const html = HTML_WITH_END.find(([open]) => open.test(line));
        if (html && !html[1].test(line.slice(line.indexOf('<') + 2))) htmlEnd = html[1];
      }
    }
    blankBefore = /^[ \t]*$/.test(line);
    offset = lineEnd + 1;
  }
  return starts;
}
