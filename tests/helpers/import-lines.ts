/**
 * What "the importer keeps every non-blank line" means, shared by the import tests and the property
 * tests: each line of the notes is in the lesson, byte-identical inside a code block, as its command
 * inside a shell block when it had a prompt, or else as its text once the importer's escapes are
 * removed.
 */
import type { Code, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';

/** CommonMark + frontmatter, as the brief states the contract. */
export const plainParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

export function noteLines(notes: string): string[] {
  return notes.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
}

/** Undoes the importer's escapes: every one is a backslash before ASCII punctuation. */
export function unescapeMarkdown(line: string): string {
  return line.replace(/\\([!-\/:-@[-`{-~])/g, '$1');
}

export const LIST_MARKER = /^([-*+]|\d{1,9}[.)])[ \t]+/;

/** Wide gaps after a list marker are narrowed (5+ spaces would start indented code in the item). */
export function withNarrowGap(text: string): string {
  return text.replace(LIST_MARKER, '$1 ');
}

/** A prompt line's command, for comparison with shell block lines (`# kubectl get pods` → `kubectl get pods`). */
export function withoutPrompt(text: string): string {
  // The prompts the importer knows (extract/prompts.ts): `[root@master ~]#`, `user@host:~$`, `controlplane $`, `node01 #`, `root@host ~ ➜`.
  return text.replace(/^(?:(?:\[[^\]]*\]|[\w.-]+@[\w.-]+(?::[^\s#$]*)?|[\w.-]+:~[^\s#$]*|controlplane|node\d*|master\d*|worker\d*)?\s?[#$]|(?:[\w.-]+@)?[\w.-]+[ \t]+\S+[ \t]+➜|➜)\s*/, '').trimEnd();
}

export function codeNodes(tree: Root): Code[] {
  const codes: Code[] = [];
  visit(tree, 'code', (node) => void codes.push(node));
  return codes;
}

/**
 * The brief's rule: every non-blank line appears — byte-identical inside a code block, as its command
 * inside a shell block when it had a prompt, or else its trimmed text within an output line once the
 * importer's escapes are removed.
 */
export function linesMissingFromMarkdown(notes: string, markdown: string): string[] {
  const codes = codeNodes(plainParser.parse(markdown));
  const codeLines = new Set(codes.flatMap((code) => code.value.split('\n')));
  const shellLines = new Set(codes.filter((code) => code.lang === 'shell').flatMap((code) => code.value.split('\n')));
  // Raw lines too: the frontmatter is YAML, where a backslash is not a Markdown escape; and the title
  // as YAML reads it (a line with control characters is written as an escaped string).
  const outputLines = [...markdown.split('\n'), ...markdown.split('\n').map(unescapeMarkdown), frontmatterTitle(markdown)];
  return noteLines(notes).filter((line) => {
    const text = line.trim();
    if (text === '' || codeLines.has(line)) return false;
    if (shellLines.has(text) || shellLines.has(withoutPrompt(text))) return false;
    return !outputLines.some((output) => output.includes(text) || output.includes(withNarrowGap(text)));
  });
}


function frontmatterTitle(markdown: string): string {
  const first = plainParser.parse(markdown).children[0];
  if (first?.type !== 'yaml') return '';
  const data = parseYaml(first.value) as { title?: unknown } | null;
  return typeof data?.title === 'string' ? data.title : '';
}
