import { describe, expect, it } from 'vitest';
import { applyEdits, selectNonOverlapping } from '../plugins/remark-lessonc/lib/fix/apply.ts';
import { snippetEditToMarkdown, snippetOffsetToMarkdown } from '../plugins/remark-lessonc/lib/extract/positions.ts';
import { extractSnippets } from '../plugins/remark-lessonc/lib/extract/snippets.ts';
import { parseLesson } from '../plugins/remark-lessonc/lib/parse.ts';

describe('applyEdits / selectNonOverlapping', () => {
  it('applies edits against the original offsets', () => {
    expect(applyEdits('prot:22', [{ start: 0, end: 4, text: 'port' }, { start: 5, end: 5, text: ' ' }])).toBe('port: 22');
  });

  it('keeps a fix whole: a fix clashing with an earlier one waits for the next pass', () => {
    const a = { id: 'a', edits: [{ start: 0, end: 4, text: 'x' }] };
    const b = { id: 'b', edits: [{ start: 10, end: 12, text: 'y' }, { start: 2, end: 3, text: 'z' }] };
    const c = { id: 'c', edits: [{ start: 4, end: 4, text: '!' }] };
    expect(selectNonOverlapping([a, b, c]).map((g) => g.id)).toEqual(['a', 'c']);
  });

  it('treats two insertions at one point as a clash', () => {
    const a = { edits: [{ start: 3, end: 3, text: ':' }] };
    const b = { edits: [{ start: 3, end: 3, text: ' ' }] };
    expect(selectNonOverlapping([a, b])).toEqual([a]);
  });
});

describe('snippet positions', () => {
  it('maps snippet offsets to Markdown offsets at top level', () => {
    const markdown = '# T\n\n```yaml\na: 1\n\tb: 2\n```\n';
    const [snippet] = extractSnippets(parseLesson(markdown), markdown);
    expect(snippet!.line).toBe(4);
    const offset = snippet!.value.indexOf('\tb');
    expect(markdown.slice(snippetOffsetToMarkdown(snippet!, offset))).toMatch(/^\tb: 2/);
  });

  it('maps through list indentation and re-indents inserted lines', () => {
    const markdown = '1. item\n\n   ```yaml\n   a: 1\n   b: 2\n   ```\n';
    const [snippet] = extractSnippets(parseLesson(markdown), markdown);
    expect(snippet!.value).toBe('a: 1\nb: 2');
    const edit = snippetEditToMarkdown(snippet!, markdown, { start: 0, end: snippet!.value.length, text: 'a: 1\nc: 3' });
    expect(applyEdits(markdown, [edit])).toBe('1. item\n\n   ```yaml\n   a: 1\n   c: 3\n   ```\n');
  });

  it('re-indents a line inserted into a one-line snippet in a list', () => {
    const markdown = '1. item\n\n   ```yaml\n   a: 1\n   ```\n';
    const [snippet] = extractSnippets(parseLesson(markdown), markdown);
    const edit = snippetEditToMarkdown(snippet!, markdown, { start: 4, end: 4, text: '\nc: 3' });
    expect(applyEdits(markdown, [edit])).toBe('1. item\n\n   ```yaml\n   a: 1\n   c: 3\n   ```\n');
  });

  it('takes the blockquote prefix from a line with content, not from a blank one', () => {
    const markdown = '> ```yaml\n> a: 1\n>\n> b: 2\n> ```\n';
    const [snippet] = extractSnippets(parseLesson(markdown), markdown);
    const edit = snippetEditToMarkdown(snippet!, markdown, { start: 4, end: 4, text: '\n  c: 3' });
    expect(applyEdits(markdown, [edit])).toBe('> ```yaml\n> a: 1\n>   c: 3\n>\n> b: 2\n> ```\n');
  });

  it('maps every line of a CRLF snippet in a list, and inserts CRLF line endings', () => {
    const markdown = '1. item\r\n\r\n   ```yaml\r\n   a: 1\r\n   bb: 2\r\n   c: 3\r\n   ```\r\n';
    const [snippet] = extractSnippets(parseLesson(markdown), markdown);
    for (const word of ['a:', 'bb', 'c:']) {
      expect(markdown.slice(snippetOffsetToMarkdown(snippet!, snippet!.value.indexOf(word))).startsWith(word), word).toBe(true);
    }
    const at = snippet!.value.indexOf('bb');
    const edit = snippetEditToMarkdown(snippet!, markdown, { start: at, end: at + 2, text: 'b: 2\nd' });
    expect(applyEdits(markdown, [edit])).toBe('1. item\r\n\r\n   ```yaml\r\n   a: 1\r\n   b: 2\r\n   d: 2\r\n   c: 3\r\n   ```\r\n');
  });
});
