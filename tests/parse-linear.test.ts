import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { analyzeLesson } from '../plugins/remark-lessonc/lib/analyze.ts';
import { CHUNK_SIZE, chunkStarts, parseCount, parseLesson } from '../plugins/remark-lessonc/lib/parse.ts';
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
