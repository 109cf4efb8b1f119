/**
 * `lessonc import`: turns plain instructor notes (text copied from slides and terminals) into lesson
 * Markdown. The notes have no markup of their own — `#` starts a root prompt, YAML is tab-indented
 * and often broken, `kubectl describe` output sits next to prose — so the importer recognizes lines
 * (see `lines.ts`), groups them into blocks, and writes each block in the form the compiler reads.
 *
 * Guarantees (tested on the seed notes and on generated ones):
 * - nothing is lost: YAML and output lines are copied byte for byte, commands lose only their prompt,
 *   and every other line keeps its text (with Markdown escapes where markup would start);
 * - fenced blocks sit at column 0, never inside a list item, so their content is not re-indented;
 * - prose is escaped minimally, then parsed back in the lesson dialect; a block that does not read
 *   back as its own text is escaped fully instead (see `renderBlock`);
 * - the output is a pure function of the input and options.
 */
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { stringify as stringifyYaml } from 'yaml';
import { parseLesson } from '../parse.ts';
import { codeFence, escapeAllPunctuation, escapeHeadingText, escapeProseLine } from './escape.ts';
import {
  bulletLine,
  isDefinitionLine,
  isGenericLabel,
  isTopicLine,
  lineCommand,
  looksLikeWrappedProse,
  nextNonBlank,
  outputBlockEnd,
  QA_HEADING,
  questionLine,
  splitNoteLines,
  yamlBlockEnd,
  type NoteLine,
} from './lines.ts';

export interface ImportNotesOptions {
  /** The notes file name, recorded as `source` in the frontmatter (directories are dropped). */
  sourceName: string;
  /** Position of the lesson in the course (frontmatter `order`), default 1. */
  order?: number;
  /** Lesson title; inferred from the first topic line of the notes when absent. */
  title?: string;
}

/** The Kubernetes version imported lessons are checked against. */
const KUBERNETES_VERSION = '1.32';

interface HeadingBlock {
  kind: 'heading';
  text: string;
  /** Opens a Q&A section (always level 2, so the next level-2 topic closes it). */
  qa: boolean;
  level: 2 | 3;
}

interface ParagraphBlock {
  kind: 'paragraph';
  lines: string[];
}

interface ListLine {
  /** Spaces before the text (continuation lines and nested items sit under their item's text). */
  indent: number;
  /** `- ` / `* ` / `1. ` for an item's first line, '' for a continuation line. */
  marker: string;
  text: string;
}

interface ListBlock {
  kind: 'list';
  marker: string;
  lines: ListLine[];
}

interface CodeBlock {
  kind: 'code';
  lang: 'shell' | 'yaml' | 'text';
  meta: string;
  lines: string[];
}

interface QuestionBlock {
  kind: 'question';
  marker: string;
  gap: string;
  text: string;
}

type Block = HeadingBlock | ParagraphBlock | ListBlock | CodeBlock | QuestionBlock;

export function importNotes(text: string, options: ImportNotesOptions): string {
  const lines = splitNoteLines(text);
  const blocks = parseBlocks(lines);
  const title = chooseTitle(blocks, options);
  assignHeadingLevels(blocks);
  const frontmatter = stringifyYaml(
    { title, order: options.order ?? 1, source: fileName(options.sourceName), kubernetes: KUBERNETES_VERSION },
    { lineWidth: 0 },
  );
  const body = blocks.map(renderBlock).join('\n\n');
  return `---\n${frontmatter}---\n${body === '' ? '' : `\n${body}\n`}`;
}

// ---------------------------------------------------------------------------------------------
// Lines → blocks

function parseBlocks(lines: NoteLine[]): Block[] {
  const blocks: Block[] = [];
  let inQa = false;
  let afterBlank = true;
  let afterCommand = false;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.blank) {
      afterBlank = true;
      afterCommand = false;
      i++;
      continue;
    }
    const startsAfterBlank = afterBlank;
    afterBlank = false;

    const yamlEnd = yamlBlockEnd(lines, i);
    if (yamlEnd !== -1) {
      const title = yamlFileName(blocks);
      blocks.push({ kind: 'code', lang: 'yaml', meta: title ? `title="${title}"` : '', lines: lines.slice(i, yamlEnd).map((l) => l.raw) });
      afterCommand = false;
      i = yamlEnd;
      continue;
    }

    const command = lineCommand(line);
    if (command !== null) {
      // Commands separated only by blank lines share one block.
      const last = blocks.at(-1);
      const shell = last?.kind === 'code' && last.lang === 'shell' ? last : { kind: 'code' as const, lang: 'shell' as const, meta: '', lines: [] };
      if (shell !== last) blocks.push(shell);
      shell.lines.push(command);
      // `cat <<EOF | kubectl apply -f -`: the here-document up to `EOF` is part of the command.
      const hereDocEnd = hereDocumentEnd(lines, i, command);
      shell.lines.push(...lines.slice(i + 1, hereDocEnd).map((l) => l.raw));
      afterCommand = true;
      i = hereDocEnd;
      continue;
    }

    const question = inQa ? questionLine(line) : null;
    if (question) {
      blocks.push({ kind: 'question', ...question });
      afterCommand = false;
      i++;
      continue;
    }

    // What `cat FILE` printed (a file that is not YAML): the file's lines, up to a blank line or the next prompt.
    const printedEnd = afterCommand ? catOutputEnd(blocks, lines, i) : -1;
    if (printedEnd !== -1) {
      blocks.push({ kind: 'code', lang: 'text', meta: 'output', lines: lines.slice(i, printedEnd).map((l) => l.raw) });
      afterCommand = false;
      i = printedEnd;
      continue;
    }

    const outputEnd = outputBlockEnd(lines, i, afterCommand);
    afterCommand = false;
    if (outputEnd !== -1) {
      blocks.push({ kind: 'code', lang: 'text', meta: 'output', lines: lines.slice(i, outputEnd).map((l) => l.raw) });
      i = outputEnd;
      continue;
    }

    if (bulletLine(line)) {
      i = parseBulletItem(lines, i, blocks, inQa);
      continue;
    }

    const wrapped = i + 1 < lines.length && !startsOtherBlock(lines, i + 1, inQa) && looksLikeWrappedProse(line);
    if (startsAfterBlank && isTopicLine(line) && !wrapped) {
      if (QA_HEADING.test(line.text)) {
        blocks.push({ kind: 'heading', text: line.text, qa: true, level: 2 });
        inQa = true;
        i++;
        continue;
      }
      // Inside Q&A a short line is an answer when the next question follows it; otherwise a new topic.
      const next = nextNonBlank(lines, i + 1);
      if (!inQa || next === -1 || !questionLine(lines[next]!)) {
        blocks.push({ kind: 'heading', text: line.text, qa: false, level: 2 });
        inQa = false;
        i++;
        continue;
      }
    }

    if (isDefinitionLine(line)) {
      // `\tperiodSeconds: health check 반복 실행 시간(초)`: one list item per term.
      const list = openList(blocks, '-');
      while (i < lines.length && isDefinitionLine(lines[i]!) && yamlBlockEnd(lines, i) === -1) {
        list.lines.push({ indent: 0, marker: '- ', text: lines[i]!.text });
        i++;
      }
      continue;
    }

    const paragraph: string[] = [line.text];
    i++;
    while (i < lines.length && !startsOtherBlock(lines, i, inQa)) {
      paragraph.push(lines[i]!.text);
      i++;
    }
    blocks.push({ kind: 'paragraph', lines: paragraph });
  }
  return blocks;
}

/** `cat FILE`, or `kubectl exec POD -- cat FILE` (no here-document, no pipe): the lines right under it are the file, printed. */
const CAT_COMMAND = /(?:^|\s--\s+)(?:sudo\s+)?cat\s+(?:-\S+\s+)*[^\s<>|;&]+$/;

/** If the last block ends with `cat FILE` and line `i` is not a command, the index after what it printed; otherwise -1. */
function catOutputEnd(blocks: Block[], lines: NoteLine[], i: number): number {
  const last = blocks.at(-1);
  if (last?.kind !== 'code' || last.lang !== 'shell' || !CAT_COMMAND.test(last.lines.at(-1) ?? '')) return -1;
  let end = i;
  while (end < lines.length && !lines[end]!.blank && lineCommand(lines[end]!) === null) end++;
  return end;
}

/** The index after a here-document opened by `command` on line `i` (or `i + 1` when there is none). */
function hereDocumentEnd(lines: NoteLine[], i: number, command: string): number {
  const delimiter = /<<-?\s*(['"]?)([A-Za-z_]\w*)\1/.exec(command)?.[2];
  if (delimiter === undefined) return i + 1;
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.text === delimiter) return j + 1;
  return i + 1;
}

/** Whether line `i` (right after a prose line) starts a block of its own instead of continuing it. */
function startsOtherBlock(lines: NoteLine[], i: number, inQa: boolean): boolean {
  const line = lines[i]!;
  return (
    line.blank ||
    yamlBlockEnd(lines, i) !== -1 ||
    lineCommand(line) !== null ||
    (inQa && questionLine(line) !== null) ||
    outputBlockEnd(lines, i, false) !== -1 ||
    bulletLine(line) !== null ||
    isDefinitionLine(line)
  );
}

/**
 * Reads a bullet and its continuation lines (indented under it) into the current list. Nested
 * bullets stay nested; YAML, commands and output end the item and are written after the list.
 */
function parseBulletItem(lines: NoteLine[], start: number, blocks: Block[], inQa: boolean): number {
  const first = lines[start]!;
  const bullet = bulletLine(first)!;
  const list = openList(blocks, bullet.marker);
  const marker = `${bullet.marker}${bullet.gap}`;
  list.lines.push({ indent: 0, marker, text: bullet.text });
  let nestedMarkerWidth = 0;
  let i = start + 1;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!continuesBulletItem(lines, i, first, inQa)) break;
    const nested = bulletLine(line);
    if (nested) {
      const nestedMarker = `${nested.marker}${nested.gap}`;
      list.lines.push({ indent: marker.length, marker: nestedMarker, text: nested.text });
      nestedMarkerWidth = nestedMarker.length;
    } else {
      list.lines.push({ indent: marker.length + (nestedMarkerWidth > 0 && line.indent > first.indent + marker.length ? nestedMarkerWidth : 0), marker: '', text: line.text });
    }
    i++;
  }
  return i;
}

/** Indented lines continue a bullet, unless they are YAML, a command or output (written after the list). */
function continuesBulletItem(lines: NoteLine[], i: number, bullet: NoteLine, inQa: boolean): boolean {
  const line = lines[i]!;
  return (
    !line.blank &&
    line.indent > bullet.indent &&
    yamlBlockEnd(lines, i) === -1 &&
    lineCommand(line) === null &&
    !(inQa && questionLine(line) !== null) &&
    outputBlockEnd(lines, i, false) === -1
  );
}

/** The list the next item belongs to: the last block if it is a list with the same marker. */
function openList(blocks: Block[], marker: string): ListBlock {
  const last = blocks.at(-1);
  if (last?.kind === 'list' && last.marker === marker) return last;
  const list: ListBlock = { kind: 'list', marker, lines: [] };
  blocks.push(list);
  return list;
}

const FILE_NAME = /[\w.\/~-]*[\w-]\.ya?ml\b/g;
const EDITOR_COMMAND = /^(?:sudo\s+)?(?:cat|vi|vim|nano|view|less|more|emacs|gedit|code)\s+(?:-\S+\s+)*([\w.\/~-]+\.ya?ml)$/;

/**
 * The file a YAML block is the content of: `cat redis.yaml` (or `vi redis.yaml`) right before it, or a
 * file named in the prose just before (`아래의 liveness-exam.yaml 파일에`), looking back past bullets
 * and questions but not past a heading or another code block.
 */
function yamlFileName(blocks: Block[]): string | null {
  const last = blocks.at(-1);
  if (last?.kind === 'code') {
    return last.lang === 'shell' ? (EDITOR_COMMAND.exec(last.lines.at(-1)!)?.[1] ?? null) : null;
  }
  for (let i = blocks.length - 1; i >= Math.max(0, blocks.length - 3); i--) {
    const block = blocks[i]!;
    if (block.kind === 'heading' || block.kind === 'code') return null;
    const text = block.kind === 'question' ? block.text : block.kind === 'paragraph' ? block.lines.join('\n') : block.lines.map((l) => l.text).join('\n');
    const names = text.match(FILE_NAME);
    if (names) return names.at(-1)!;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Title and heading levels

/**
 * The title is `options.title` or the first topic line that is not a template label. Labels before
 * it (`학습내용`, `파트`) stay as plain paragraphs; an inferred title line is not repeated as a heading
 * (the page shows the frontmatter title).
 */
function chooseTitle(blocks: Block[], options: ImportNotesOptions): string {
  const titleIndex = blocks.findIndex((b) => b.kind === 'heading' && !b.qa && !isGenericLabel(b.text));
  const labelsEnd = titleIndex === -1 ? blocks.length : titleIndex;
  for (let i = 0; i < labelsEnd; i++) {
    const block = blocks[i]!;
    if (block.kind === 'heading' && !block.qa) blocks[i] = { kind: 'paragraph', lines: [block.text] };
  }
  if (options.title !== undefined && options.title.trim() !== '') return options.title;
  if (titleIndex === -1) return fileStem(options.sourceName);
  const title = (blocks[titleIndex] as HeadingBlock).text;
  blocks.splice(titleIndex, 1);
  return title;
}

/**
 * Topics are `##`. A topic with no content of its own followed by topics that have content
 * (`Pod 관리하기` → `동작중인 파드 정보 보기`, `... 수정`, `... 삭제`) is their parent: they become
 * `###` until the next empty topic or Q&A section.
 */
function assignHeadingLevels(blocks: Block[]): void {
  const isEmptyHeading = (index: number): boolean => {
    const next = blocks[index + 1];
    return blocks[index]?.kind === 'heading' && (next === undefined || next.kind === 'heading');
  };
  let parentOpen = false;
  blocks.forEach((block, index) => {
    if (block.kind !== 'heading') return;
    if (block.qa) {
      block.level = 2;
      parentOpen = false;
    } else if (isEmptyHeading(index)) {
      block.level = 2;
      const next = blocks[index + 1];
      parentOpen = next?.kind === 'heading' && !next.qa && !isEmptyHeading(index + 1);
    } else {
      block.level = parentOpen ? 3 : 2;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Blocks → Markdown

function renderBlock(block: Block): string {
  if (block.kind === 'code') {
    const content = block.lines.join('\n');
    const fence = codeFence(content);
    const info = block.meta === '' ? block.lang : `${block.lang} ${block.meta}`;
    return `${fence}${info}\n${content}\n${fence}`;
  }
  // Minimal escaping is a set of rules about a parser; the parser itself has the last word. If the
  // block does not read back as its text, every punctuation character is escaped instead.
  const markdown = renderProse(block, escapeProseLine);
  return readsBackAs(markdown, block) ? markdown : renderProse(block, escapeAllPunctuation);
}

function renderProse(block: Exclude<Block, CodeBlock>, escape: (text: string) => string): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escape === escapeProseLine ? escapeHeadingText(block.text) : escape(block.text)}`;
    case 'paragraph':
      return block.lines.map((line, i) => `${escape(line)}${lineEnd(block.lines, i)}`).join('');
    case 'list':
      return block.lines
        .map((line, i) => `${' '.repeat(line.indent)}${line.marker}${escape(line.text)}${block.lines[i + 1]?.marker === '' ? lineEnd(block.lines.map((l) => l.text), i) : i + 1 < block.lines.length ? '\n' : ''}`)
        .join('');
    case 'question':
      return `${block.marker}${block.gap}${escape(block.text)}`;
  }
}

/**
 * What ends line `i` of a prose block: nothing after the last; a hard break (`\`) where the note
 * starts a new line, so two note lines never run on as one; a plain newline where the line was
 * wrapped in the middle of a sentence (`파드에는` / `컨테이너가 ...`).
 */
function lineEnd(lines: readonly string[], i: number): string {
  if (i + 1 >= lines.length) return '';
  return looksLikeWrappedProse({ raw: lines[i]!, text: lines[i]!.trim(), indent: 0, blank: false }) ? '\n' : '\\\n';
}

/** The text of a node with hard breaks read as the line ends they stand for. */
function textWithBreaks(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if ('children' in node) return node.children.map((child) => textWithBreaks(child as Nodes)).join('');
  return toString(node);
}

/** Nodes prose may parse into; anything else (HTML, emphasis, directives, ...) means markup slipped through. */
const PROSE_NODES = new Set(['root', 'paragraph', 'heading', 'list', 'listItem', 'text', 'link', 'break']);

/** Whether `markdown`, parsed alone in the lesson dialect, is the block with its text unchanged. */
function readsBackAs(markdown: string, block: Exclude<Block, CodeBlock>): boolean {
  const tree = parseLesson(markdown);
  let onlyProse = true;
  visit(tree, (node) => {
    if (!PROSE_NODES.has(node.type)) onlyProse = false;
  });
  const [node, ...rest] = tree.children;
  if (!onlyProse || !node || rest.length > 0) return false;
  switch (block.kind) {
    case 'heading':
      return node.type === 'heading' && node.depth === block.level && toString(node) === block.text;
    case 'paragraph':
      return node.type === 'paragraph' && textWithBreaks(node) === block.lines.join('\n');
    case 'list': {
      // Items follow each other with no separator in the text; continuation lines are soft breaks.
      const text = block.lines.map((line) => (line.marker === '' ? `\n${line.text}` : line.text)).join('');
      return node.type === 'list' && !node.ordered && textWithBreaks(node) === text;
    }
    case 'question':
      return node.type === 'list' && node.ordered === true && node.start === Number.parseInt(block.marker, 10) && toString(node) === block.text;
  }
}

function fileName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}

function fileStem(path: string): string {
  const name = fileName(path);
  const stem = name.replace(/\.[^.]+$/, '');
  return stem === '' ? (name === '' ? 'Untitled' : name) : stem;
}
