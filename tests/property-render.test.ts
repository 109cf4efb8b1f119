import fc from 'fast-check';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
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
import { lessonArbitrary, PROPERTY_RUNS } from './helpers/lesson-arbitrary.ts';

/** The site's order for lessonc's part of the pipeline: remark-lessonc → remark-rehype (raw HTML kept) → the sanitiser. */
const pipeline = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkLessonc, { render: true }).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeLessoncSanitize);

const DANGEROUS_ELEMENTS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'form', 'base', 'meta', 'link', 'style', 'template', 'svg', 'math', 'noscript']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formAction', 'data', 'srcDoc', 'poster', 'cite', 'background']);

/** Everything in the page HTML (as a browser parses it) that could run a script or take over the page. */
function dangers(html: string): string[] {
  const found: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (element: Element) => {
    if (DANGEROUS_ELEMENTS.has(element.tagName)) found.push(`<${element.tagName}>`);
    for (const [property, value] of Object.entries(element.properties)) {
      if (/^on/i.test(property)) found.push(`${property} on <${element.tagName}>`);
      if (property === 'style') found.push(`style on <${element.tagName}>`);
      if (URL_ATTRIBUTES.has(property) && /^\s*(javascript|vbscript|data):/i.test(String(value))) found.push(`${property}=${String(value)}`);
      if (property === 'id' && /^__xss/.test(String(value))) found.push(`id=${String(value)} clobbers a global`);
    }
  });
  return found;
}

describe('rendering generated lessons', () => {
  it('puts no script, handler or dangerous URL from the input on the page', async () => {
    await fc.assert(
      fc.asyncProperty(lessonArbitrary, async ({ markdown }) => {
        const file = new VFile({ value: markdown });
        const tree = await pipeline.run(pipeline.parse(file), file);
        expect(dangers(toHtml(tree as never))).toEqual([]);
      }),
      { seed: 20261203, numRuns: PROPERTY_RUNS },
    );
  });
});
