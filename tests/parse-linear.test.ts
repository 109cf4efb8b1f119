import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { analyzeLesson } from '../plugins/remark-lessonc/lib/analyze.ts';
import remarkLessonc from '../plugins/remark-lessonc/lib/plugin.ts';
import fc from 'fast-check';
import { fixLesson } from '../plugins/remark-lessonc/lib/fix/lesson.ts';
import { CHUNK_SIZE, chunkStarts, fencedCodeSection, mayHoldTable, parseCount, parseLesson, reparseLesson } from '../plugins/remark-lessonc/lib/parse.ts';
import { repoRoot } from './helpers/paths.ts';

const whole = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);

function markdownFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

const lessons = markdownFiles(path.join(repoRoot, 'lessons'));
const fixtures = markdownFiles(path.join(repoRoot, 'tests', 'fixtures')).filter((file) => !file.includes('/xss/'));

/** Texts of `pieces` joined by `separator` parse, in `parseLesson`, to the tree of a whole parse without shortcuts. */
function expectWholeParseTrees(piece: fc.Arbitrary<string>, separator: string, maxPieces: number, numRuns: number): void {
  fc.assert(
    fc.property(fc.array(piece, { minLength: 1, maxLength: maxPieces }), (pieces) => {
      const text = pieces.join(separator);
      expect(JSON.stringify(parseLesson(text))).toBe(JSON.stringify(whole.parse(text)));
    }),
    { numRuns },
  );
}

/** A long lesson: the frontmatter of `file` once, then its body again and again. */
function longLesson(file: string, size: number): string {
  const source = readFileSync(file, 'utf8');
  const frontmatter = /^---\n[\s\S]*?\n---\n/.exec(source)?.[0] ?? '';
  const body = source.slice(frontmatter.length);
  let text = frontmatter;
  while (text.length < size) text += `\n${body}\n`;
  return text;
}

describe('parsing long lessons in parts', () => {
  it('gives the very tree of a whole parse, for every lesson and fixture made long', () => {
    for (const file of [...lessons, ...fixtures]) {
      const text = longLesson(file, 4 * CHUNK_SIZE);
      expect(JSON.stringify(parseLesson(text)), file).toBe(JSON.stringify(whole.parse(text)));
    }
  });

  it('keeps a fence, a directive and an HTML comment whole when a heading-like line is inside', () => {
    const filler = `${'Some prose. '.repeat(60)}\n\n`.repeat(Math.ceil((3 * CHUNK_SIZE) / 720));
    for (const [open, close] of [['```bash', '```'], [':::note', ':::'], ['<!--', '-->'], ['  ```', '  ```']]) {
      const text = `# Title\n\n${filler}${open}\n\n# not a heading\n\n${filler}${close}\n\n# Next\n\n${filler}`;
      expect(JSON.stringify(parseLesson(text)), open).toBe(JSON.stringify(whole.parse(text)));
    }
  });

  it('splits a lesson into parts in proportion to its length: no part grows with the lesson', () => {
    const lesson = lessons[0]!;
    const sizes = [8, 16, 32].map((k) => longLesson(lesson, k * CHUNK_SIZE));
    const parts = sizes.map((text) => chunkStarts(text));
    for (const [i, starts] of parts.entries()) {
      const text = sizes[i]!;
      const lengths = starts.map((start, j) => (starts[j + 1] ?? text.length) - start);
      // Each part is at least CHUNK_SIZE (but the last) and at most a few times it (the lesson's longest section).
      expect(Math.max(...lengths)).toBeLessThan(4 * CHUNK_SIZE);
      expect(starts.length).toBeGreaterThan(text.length / (4 * CHUNK_SIZE));
    }
  });

  it('parses a lesson once per analysis', () => {
    const text = longLesson(lessons[1]!, 4 * CHUNK_SIZE);
    const before = parseCount.value;
    analyzeLesson(text, undefined, undefined, { asWritten: true });
    expect(parseCount.value - before).toBe(1);
  });
});

describe('parsing a lesson again after edits (the fix loop)', () => {
  it('gives the tree of a whole parse of every lesson and fixture after its fixes', () => {
    for (const file of [...lessons, ...fixtures]) {
      const text = readFileSync(file, 'utf8');
      const fixed = fixLesson(text, { unsafe: true }).output;
      expect(JSON.stringify(reparseLesson(fixed, { markdown: text, tree: parseLesson(text) })), file).toBe(JSON.stringify(whole.parse(fixed)));
    }
  });

  it('gives the tree of a whole parse after any edit anywhere, Markdown syntax included', () => {
    const texts = [...lessons, ...fixtures].map((file) => readFileSync(file, 'utf8'));
    const piece = fc.array(fc.constantFrom('\n', '\n\n', '\r\n', '# ', '## x\n', '```', '````', '`', '~~~', ':::', '\n```\n', '\n\n```yaml\n', '<!--', '-->', '<div>\n', '<pre>', '[a]: /b', '> ', '- ', '1. ', '  ', '    ', '\t', 'kubectl get po', 'a', '---\n', '|a|b|\n|-|-|'), { maxLength: 6 }).map((parts) => parts.join(''));
    const edit = fc.record({ lesson: fc.nat(texts.length - 1), at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(40), insert: piece });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const text = texts[edits[0]!.lesson]!;
        let edited = text;
        for (const { at, remove, insert } of edits) {
          const start = Math.floor(at * edited.length);
          edited = edited.slice(0, start) + insert + edited.slice(start + remove);
        }
        expect(JSON.stringify(reparseLesson(edited, { markdown: text, tree: parseLesson(text) }))).toBe(JSON.stringify(whole.parse(edited)));
      }),
      { numRuns: 600 },
    );
  });

  it('copies the sections a fix did not touch instead of parsing them', () => {
    const text = readFileSync(lessons[0]!, 'utf8');
    const tree = parseLesson(text);
    const reparsed = reparseLesson(`${text}\n\n## Added\n\nOne more line.\n`, { markdown: text, tree });
    // The unchanged sections come back as copies: equal, not the same objects (the fix loop's tree is its own).
    expect(reparsed.children.slice(0, tree.children.length)).toEqual(tree.children);
    expect(reparsed.children[0]).not.toBe(tree.children[0]);
  });
});

describe('autolink literals found block by block (takeAutolinkLiterals)', () => {
  // Everything GFM's transform looks for or must leave alone: URLs, www, e-mail, xmpp/mailto, character
  // references and escapes that decode to them, links and code that hold them.
  const piece = fc
    .array(
      fc.constantFrom('http://a.bc/x', 'https://k8s.io/docs)', 'www.example.com.', 'WWW.X.ORG', 'w\\ww.a.b', 'www&period;a.b', 'user@host.io', 'a&#64;b.co', 'mailto:a@b.cd', 'xmpp:a@b.cd/r', '@', 'x@y', '[link](http://a.b)', '<http://a.b>', '`http://a.b`', '**www.a.b**', '\n\n', '\n', '- ', '> ', '# ', '```\nhttp://a.b\n```\n', '|a|www.b.c|\n|-|-|\n', ' ', 'text', '파드'),
      { maxLength: 8 },
    )
    .map((parts) => parts.join(''));

  it('gives the tree of a parse with the transform over the whole tree', () => {
    expectWholeParseTrees(piece, '\n\n', 6, 600);
  });
});

describe('the parse shortcuts (withParseShortcuts) over every lesson and fixture', () => {
  it('give the trees of a whole parse, alone and through the plugin (as the site parses), remark-gfm attached before or after it', () => {
    // The plugin takes GFM's transform out of its host's parse and switches its tables by the text.
    const host = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkLessonc, { render: false });
    // remark-gfm attached after the plugin puts its extensions in the same list.
    const gfmAfter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkLessonc, { render: false }).use(remarkGfm);
    for (const file of [...lessons, ...fixtures]) {
      const text = readFileSync(file, 'utf8');
      const expected = JSON.stringify(whole.parse(text));
      expect(JSON.stringify(parseLesson(text)), file).toBe(expected);
      expect(JSON.stringify(host.parse(text)), file).toBe(expected);
      expect(JSON.stringify(gfmAfter.parse(text)), file).toBe(expected);
    }
  });
});

describe('tables looked for only where a delimiter row can be (switchTablesByText)', () => {
  // Table rows in and out of containers, near misses of a delimiter row (no pipe or colon, a stray
  // character, a lazy line), setext underlines and thematic breaks, line endings of every kind.
  const piece = fc
    .array(
      fc.constantFrom('|a|b|', '| a |', 'a | b', 'a', '|', '-', '--', ':-', '-:', ':-:', '|-|-|', '| --- |', '|:--|--:|', '---', '- ', '* ', '1. ', '> ', '>', '  ', '    ', '\t', ':', ' ', 'x', '`|`', '\\|', '\n', '\n', '\n\n', '\r\n', '\r', '```\n', '파드'),
      { maxLength: 14 },
    )
    .map((parts) => parts.join(''));

  it('gives the tree of a parse that always looks for tables', () => {
    expectWholeParseTrees(piece, '\n', 5, 3000);
  });

  it('switches tables off where no line can be a delimiter row, and on for one under any container', () => {
    expect(mayHoldTable('# Pods\n\nkubectl get pods | grep web\n---\n- item\n')).toBe(false);
    for (const table of ['| a |\n| - |', 'a | b\n-|-', 'a\n:-', '> | a |\n> | - |', '- | a |\n  | --- |', '1. x\n\n   | a |\n   |:-:|']) {
      expect(mayHoldTable(table), table).toBe(true);
      expect(JSON.stringify(parseLesson(table))).toContain('"type":"table"');
    }
  });

});

describe('a fenced code section read without micromark (fencedCodeSection)', () => {
  const line = fc.constantFrom('x', '', 'a: 1', '\tkey: v', '  - b', 'kubectl get po', '  ```', '    ```', '```x', '~~~ x', '`', ' ', '```', '~~~', '\r', 'a\0b');
  const section = fc
    .record({
      marker: fc.constantFrom('```', '````', '~~~', '~~~~', '``', ' ```'),
      info: fc.array(fc.constantFrom('', ' ', '\t', 'yaml', 'a', 'b c', '`', '~', '\\', '&amp;', 'title="x"', '{}'), { maxLength: 4 }).map((parts) => parts.join('')),
      content: fc.array(line, { maxLength: 5 }),
      // Mostly the opening marker again (a section as cut), else a near miss.
      close: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: fc.constantFrom('```', '````', '~~~', '~~~~', ' ```', '   ```  ', '    ```', '```x', '', '``') }),
      after: fc.constantFrom('', '\n', '\n', '\n', '\n\n', '\nmore\n'),
    })
    .map(({ marker, info, content, close, after }) => [`${marker}${info}`, ...content, close ?? marker.trim()].join('\n') + after);

  it('gives the tree micromark gives, wherever it reads a section at all', () => {
    let read = 0;
    fc.assert(
      fc.property(section, (chunk) => {
        const tree = fencedCodeSection(chunk);
        if (tree === null) return;
        read++;
        expect(JSON.stringify(tree)).toBe(JSON.stringify(whole.parse(chunk)));
      }),
      { numRuns: 4000 },
    );
    // Not a vacuous property: most generated sections are plain fences.
    expect(read).toBeGreaterThan(400);
  });

  it('reads the blocks a fix pass edits, and leaves anything unusual to micromark', () => {
    for (const chunk of ['```yaml\napiVersion: v1\nkind: Pod\n```\n', '~~~ sh title="x"  \nkubectl get po\n~~~~\n', '```\n```', '```\n\n\n```\n']) {
      expect(fencedCodeSection(chunk), chunk).not.toBeNull();
      expect(JSON.stringify(fencedCodeSection(chunk))).toBe(JSON.stringify(whole.parse(chunk)));
    }
    for (const chunk of ['```a\\b\nx\n```\n', '```\nx\r\n```\n', '```\nx\n```\ny\n```\n', '```\nx\n', '  ```\nx\n```\n', '```\nx\n```\n\n']) expect(fencedCodeSection(chunk), chunk).toBeNull();
  });
});
