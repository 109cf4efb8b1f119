import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { toHtml } from 'hast-util-to-html';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkLessonc, { rehypeLessoncSanitize } from '../plugins/remark-lessonc/index.ts';
import { fixtureLessons, repoRoot } from './fixtures/site/harness.ts';

/**
 * The sanitiser is widened for lessonc's own markup only: on lessons whose authors wrote no unsafe
 * HTML, the page is the same with and without it. A new element, class or `data-*` attribute in the
 * render stage that the schema does not allow fails here, not silently on the site.
 */
const base = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkLessonc, { render: true }).use(remarkRehype, { allowDangerousHtml: true });
const unsanitised = base().use(() => (tree: Root) => raw(tree) as Root);
const sanitised = base().use(rehypeLessoncSanitize);

/** The page's HTML with each element's attributes in name order (the sanitiser may reorder them). */
async function html(processor: typeof unsanitised, markdown: string): Promise<string> {
  const file = new VFile({ value: markdown });
  const tree = (await processor.run(processor.parse(file), file)) as Root;
  visit(tree, 'element', (element: Element) => {
    element.properties = Object.fromEntries(Object.entries(element.properties).sort(([a], [b]) => a.localeCompare(b)));
  });
  return toHtml(tree);
}

const lessonDirectories = [fixtureLessons, path.join(repoRoot, 'lessons')];

describe("lessonc's markup through the sanitiser", () => {
  it('comes out unchanged for the fixture and course lessons', async () => {
    let checked = 0;
    for (const directory of lessonDirectories) {
      for (const name of (await readdir(directory)).filter((file) => file.endsWith('.md'))) {
        const markdown = await readFile(path.join(directory, name), 'utf8');
        expect(await html(sanitised, markdown), name).toBe(await html(unsanitised, markdown));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2);
  });
});
