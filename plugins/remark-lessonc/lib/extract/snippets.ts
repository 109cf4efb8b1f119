import type { Code, Heading, Paragraph, Root } from 'mdast';
import { walkTree } from '../tree-walk.ts';
import type { Snippet } from '../types.ts';
import { classifyCode } from './classify.ts';
import { classifyYaml } from '../k8s/classify.ts';
import { parseCodeMeta } from './meta.ts';
import { lineStartOffsets, markdownPoint } from './positions.ts';
import { readsAsCommand } from '../kubectl/check.ts';
import { promptAt } from './prompts.ts';

export interface ExtractedSnippet extends Snippet {
  node: Code;
}

/**
 * Collects every code block of the lesson in document order with the exact Markdown offset of
 * each of its lines, so rule positions and fixes can be mapped back to the lesson file; and what
 * notes write without a fence: command lines in paragraphs (and `# kubectl` headings), manifests
 * written as paragraphs. Each snippet knows its section (the heading it is under).
 */
export function extractSnippets(tree: Root, markdown: string): ExtractedSnippet[] {
  const markdownStarts = lineStartOffsets(markdown);
  const snippets: ExtractedSnippet[] = [];
  let section = 0;
  /** The end of a manifest written as prose: the nodes it spans are part of it. */
  let consumedUntil = -1;
  walkTree(tree, (node, _index, parent) => {
    if ((node.position?.start.offset ?? Infinity) < consumedUntil) return;
    if (node.type === 'heading') {
      section++;
      // `# kubectl get pods`: in notes written as Markdown the root prompt became a heading.
      for (const line of proseCommandLines(node as Heading, markdown, markdownStarts, true)) snippets.push({ ...line, index: snippets.length, section });
      return;
    }
    if (node.type === 'paragraph') {
      const manifest = parent?.type === 'root' ? proseManifest(node as Paragraph, markdown, markdownStarts) : null;
      if (manifest) {
        snippets.push({ ...manifest, index: snippets.length, section });
        consumedUntil = manifest.lineStarts.at(-1)! + 1;
        return;
      }
      for (const line of proseCommandLines(node as Paragraph, markdown, markdownStarts, false)) snippets.push({ ...line, index: snippets.length, section });
      return;
    }
    if (node.type !== 'code') return;
    const code = node as Code;
    const meta = parseCodeMeta(code.meta);
    const lang = code.lang ? code.lang.toLowerCase() : null;
    const lineStarts = contentLineStarts(code, markdown, markdownStarts);
    if (!lineStarts) return;
    const { kind, inferred, syntax } = classifyCode(lang, meta, code.value);
    // What `cat FILE` printed inside the block: the file, checked as the manifest it is (before the
    // block, so the commands after it in the same transcript know the file).
    if (kind === 'shell' && meta.check !== false) for (const printed of printedFiles(code.value, lineStarts)) snippets.push({ ...printed, index: snippets.length, section, line: markdownPoint(markdownStarts, printed.lineStarts[0]!).line });
    snippets.push({
      index: snippets.length,
      kind,
      ...(inferred ? { inferred } : {}),
      ...(syntax ? { syntax } : {}),
      section,
      lang,
      meta,
      value: code.value,
      line: markdownPoint(markdownStarts, lineStarts[0]!).line,
      lineStarts,
      node: code,
    });
  });
  return snippets;
}

/** `cat FILE.yaml` (after a prompt or not): what follows is the file's text. */
const CAT_FILE = /^(?:sudo[ \t]+)?cat[ \t]+((?:[\w.\/~-]+\/)?[\w.-]+\.(?:ya?ml|json))[ \t]*$/;

/**
 * The manifests a shell block prints with `cat FILE`: the lines after the command, up to the next
 * prompt or command (or the end), when they read as a manifest. Each is a snippet of its own, titled
 * with the file name, at the lines where it is written.
 */
function printedFiles(value: string, lineStarts: number[]): Array<Omit<ExtractedSnippet, 'index' | 'line'>> {
  const lines = value.split('\n');
  const found: Array<Omit<ExtractedSnippet, 'index' | 'line'>> = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const file = CAT_FILE.exec(line.slice(promptAt(line)?.length ?? 0).trim())?.[1];
    if (!file) continue;
    let end = i + 1;
    while (end < lines.length && !promptAt(lines[end]!) && !/^(?:sudo[ \t]+)?(?:kubectl|k|cat|vi|vim|echo|cd|ls)(?:[ \t]|$)/.test(lines[end]!)) end++;
    const text = lines.slice(i + 1, end).join('\n');
    const json = file.endsWith('.json');
    if (end === i + 1 || (json ? !/^\s*\{/.test(text) : classifyYaml(text, {}).kind !== 'manifest')) continue;
    const node: Code = { type: 'code', lang: null, meta: null, value: text };
    found.push({ kind: 'manifest', inferred: true, ...(json ? { syntax: 'json' as const } : {}), lang: null, meta: { title: file }, value: text, lineStarts: lineStarts.slice(i + 1, end), node });
    i = end - 1;
  }
  return found;
}

/**
 * A manifest written as prose, without a fence: a top-level paragraph with a line starting `apiVersion:`.
 * Markdown cuts it into paragraphs and lists (`- name: web`), so its text is taken from the source,
 * up to the first blank line, and it is checked as a manifest only when it reads as one.
 */
function proseManifest(node: Paragraph, markdown: string, markdownStarts: number[]): Omit<ExtractedSnippet, 'index'> | null {
  const position = node.position;
  if (!position || position.start.column !== 1) return null;
  // The first line of the paragraph that starts a manifest (`이 파드를 만든다:` may come before it).
  let first = -1;
  for (let lineIndex = position.start.line - 1; lineIndex < position.end.line && first < 0; lineIndex++) {
    if (/^apiVersion[ \t]*:/.test(markdown.slice(markdownStarts[lineIndex], markdownStarts[lineIndex]! + 40))) first = lineIndex;
  }
  if (first < 0) return null;
  const lineStarts: number[] = [];
  const lines: string[] = [];
  for (let lineIndex = first; lineIndex < markdownStarts.length; lineIndex++) {
    const from = markdownStarts[lineIndex]!;
    const line = markdown.slice(from, (markdownStarts[lineIndex + 1] ?? markdown.length + 1) - 1).replace(/\r$/, '');
    if (line.trim() === '' || /^[ \t]*(?:`{3,}|~{3,})/.test(line)) break;
    lineStarts.push(from);
    lines.push(line);
  }
  const value = lines.join('\n');
  if (classifyYaml(value, {}).kind !== 'manifest') return null;
  const code: Code = { type: 'code', lang: null, meta: null, value, position: { start: markdownPoint(markdownStarts, lineStarts[0]!), end: markdownPoint(markdownStarts, lineStarts.at(-1)! + lines.at(-1)!.length) } };
  return { kind: 'manifest', inferred: 'prose', lang: null, meta: {}, value, line: first + 1, lineStarts, node: code };
}

/**
 * Command lines written as prose: a paragraph line starting with `kubectl`, `k` or a prompt
 * (`$ kubectl get pods`), or a `# kubectl ...` root prompt Markdown read as a heading. Each is a shell
 * snippet of one line (its kind inferred from `prose`), so a mistake in it is found where it is
 * written. Sentences are left alone: the line must read as a kubectl command, in ASCII, not ending
 * like a sentence, with no inline code in it.
 */
function proseCommandLines(node: Paragraph | Heading, markdown: string, markdownStarts: number[], heading: boolean): Omit<ExtractedSnippet, 'index'>[] {
  const position = node.position;
  if (!position || position.start.offset === undefined || position.end.offset === undefined) return [];
  const found: Omit<ExtractedSnippet, 'index'>[] = [];
  for (let lineIndex = position.start.line - 1; lineIndex <= position.end.line - 1; lineIndex++) {
    const lineStart = Math.max(markdownStarts[lineIndex] ?? markdown.length, position.start.offset);
    const lineEnd = Math.min((markdownStarts[lineIndex + 1] ?? markdown.length + 1) - 1, position.end.offset);
    const source = markdown.slice(lineStart, lineEnd).replace(/\r$/, '');
    const prefix = /^(?:[ \t]*>)*[ \t]*/.exec(source)![0].length;
    const line = source.slice(prefix).replace(/[ \t]+$/, '');
    const prompt = promptAt(line);
    if (heading ? prompt?.strength !== 'root' : prompt?.strength === 'root') continue;
    const command = line.slice(prompt?.length ?? 0);
    if (!/^(?:kubectl|k)[ \t]/.test(command) || !/^[\x20-\x7e\t]+$/.test(command) || /[`.?!,:;]$/.test(command) || command.includes('`')) continue;
    if (!readsAsCommand(command)) continue;
    const start = lineStart + prefix + (prompt?.length ?? 0);
    const code: Code = { type: 'code', lang: null, meta: null, value: command, position: { start: markdownPoint(markdownStarts, start), end: markdownPoint(markdownStarts, start + command.length) } };
    found.push({ kind: 'shell', inferred: 'prose', lang: null, meta: {}, value: command, line: lineIndex + 1, lineStarts: [start], node: code });
  }
  return found;
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
