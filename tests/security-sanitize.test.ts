import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { elements } from './helpers/built-pages.ts';
import remarkLessonc, { analyzeLesson, rehypeLessoncSanitize, sanitizeLessonTree } from '../plugins/remark-lessonc/index.ts';
import { HTML_PAYLOADS, MARKDOWN_PAYLOADS, SAFE_HTML, withGlobal } from './fixtures/xss/payloads.ts';

/** Astro's unified order for our part: remark plugins → remark-rehype (raw HTML kept) → rehype plugins. */
const pipeline = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkLessonc, { render: true }).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeLessoncSanitize);

async function render(markdown: string): Promise<Root> {
  const file = new VFile({ value: markdown });
  return (await pipeline.run(pipeline.parse(file), file)) as Root;
}


const lesson = (body: string) => `---\ntitle: Test\nlang: en\n---\n\n${body}\n`;
const unsafeOf = (markdown: string) => analyzeLesson(markdown).messages.filter((m) => m.ruleId === 'html/unsafe');

describe('rehypeLessoncSanitize', () => {
  it('drops every payload: no script, no handler, no script or data URL, no embedded document or form', async () => {
    const body = [...HTML_PAYLOADS, ...MARKDOWN_PAYLOADS].map((payload, i) => withGlobal(payload, `__xss${i}`)).join('\n\n');
    const tree = await render(lesson(body));
    const html = toHtml(tree);
    expect(html).not.toMatch(/<(script|iframe|object|embed|form|base|meta|style|template|svg|math|noscript)\b/i);
    for (const element of elements(tree, () => true)) {
      for (const [property, value] of Object.entries(element.properties)) {
        expect(property, `<${element.tagName}>`).not.toMatch(/^on/i);
        expect(property).not.toBe('style');
        if (['href', 'src', 'action', 'data', 'formAction'].includes(property)) expect(String(value)).not.toMatch(/^\s*(javascript|data|vbscript):/i);
      }
    }
    // Ids written by an author cannot clobber globals: they get GitHub's prefix.
    expect(elements(tree, (e) => typeof e.properties.id === 'string' && /^__xss/.test(e.properties.id))).toEqual([]);
  });

  it('keeps the harmless HTML authors use', async () => {
    const html = toHtml(await render(lesson(SAFE_HTML.join('\n\n'))));
    expect(html).toContain('<details><summary>More</summary>Hidden text</details>');
    expect(html).toContain('<kbd>Ctrl</kbd>+<kbd>C</kbd>');
    expect(html).toContain('line one<br>line two');
    expect(html).toContain('x<sup>2</sup> and H<sub>2</sub>O');
    expect(html).toContain('<img src="https://example.com/pod.png" alt="A pod">');
    expect(html).toContain('<img src="images/pod.png" alt="A pod">');
    expect(html).toContain('<a href="https://kubernetes.io/docs/">docs</a>');
  });

  it("keeps lessonc's own markup: figures, statuses, quiz placeholders with their ids and JSON", async () => {
    const tree = await render(
      lesson('```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    imgae: nginx\n```\n\n## Quiz\n\n1. List the pods? `kubectl get pods`\n\n:::question{type=choice}\nPick one <img src=x onerror="window.__q=1">\n\n- [x] right <kbd>R</kbd>\n- [ ] wrong\n\n::hint[<img src=x onerror="window.__h=1">think]\n:::'),
    );
    const figure = elements(tree, (e) => e.tagName === 'figure')[0]!;
    expect(figure.properties).toMatchObject({ className: ['lc-snippet'], dataStatus: 'corrected', dataKind: 'manifest', dataSnippet: '0' });
    expect(elements(tree, (e) => e.tagName === 'figcaption')).toHaveLength(1);
    const questions = elements(tree, (e) => Array.isArray(e.properties.className) && e.properties.className.includes('lc-question'));
    expect(questions.map((q) => q.properties.id)).toEqual(['q1', 'q2']);
    const choice = JSON.parse(String(questions[1]!.properties.dataQuestion));
    // The quiz JSON carries plain text only: the markup never reaches the client.
    expect(choice.prompt).toBe('Pick one');
    expect(choice.hints).toEqual(['think']);
    expect(choice.choices.map((c: { text: string }) => c.text)).toEqual(['right R', 'wrong']);
    expect(toHtml(tree)).not.toMatch(/onerror/);
    expect(elements(tree, (e) => e.tagName === 'div' && e.properties.hidden === true).length).toBeGreaterThan(0);
  });

  it("keeps a highlighter's output as it is and removes a placeholder forged in raw HTML", () => {
    // As Astro's Shiki leaves it: the class as a raw `class` string property.
    const highlighted: Element = { type: 'element', tagName: 'pre', properties: { class: 'astro-code github-light', style: 'background-color:#fff', tabIndex: 0 }, children: [{ type: 'element', tagName: 'code', properties: {}, children: [{ type: 'element', tagName: 'span', properties: { style: 'color:#D73A49' }, children: [{ type: 'text', value: 'kind' }] }] }] };
    const plain: Element = { type: 'element', tagName: 'pre', properties: {}, children: [{ type: 'element', tagName: 'code', properties: { className: ['language-yaml'] }, data: { meta: 'title="pod.yaml"' } as never, children: [{ type: 'text', value: 'a: 1' }] }] };
    const tree: Root = {
      type: 'root',
      children: [highlighted, plain, { type: 'raw', value: '<lessonc-sealed-block data-lessonc-seal="0:0"></lessonc-sealed-block><pre class="astro-code" style="x">forged</pre>' } as never],
    };
    const clean = sanitizeLessonTree(tree);
    const html = toHtml(clean);
    expect(html).toContain('<pre class="astro-code github-light" style="background-color:#fff" tabindex="0"><code><span style="color:#D73A49">kind</span></code></pre>');
    expect(html).toContain('<pre><code class="language-yaml">a: 1</code></pre><pre>forged</pre>');
    expect(html).not.toContain('lessonc-sealed-block');
    const code = elements(clean, (e) => e.tagName === 'code')[1]!;
    expect(code.data).toEqual({ meta: 'title="pod.yaml"' });
  });

  it('keeps ids that Markdown made (footnotes) and prefixes ids written in raw HTML', async () => {
    const html = toHtml(await render(lesson('Text[^1] <span id="top">x</span>\n\n[^1]: Note')));
    expect(html).toContain('id="user-content-top"');
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('id="user-content-fn-1"');
    expect(html).toContain('aria-describedby="footnote-label"');
    expect(html).toContain('id="footnote-label"');
  });
});

describe('html/unsafe', () => {
  it('reports each dropped part at its exact line and column, naming it', () => {
    const markdown = lesson(['Click <a href="javascript:x()" onclick="y()">here</a>', '', '> <div>', '> <img src=x onerror="z()">', '> </div>', '', '[a](javascript:w())', '', '<script>x()</script>'].join('\n'));
    const found = unsafeOf(markdown).map((m) => ({ line: m.start.line, column: m.start.column, text: markdown.slice(m.start.offset, m.end.offset), message: m.message, severity: m.severity }));
    expect(found).toEqual([
      { line: 6, column: 10, text: 'href="javascript:x()"', message: 'Unexpected `javascript:` URL in `href` of `<a>`: only http(s), relative and (for links) mailto URLs are kept', severity: 'error' },
      { line: 6, column: 32, text: 'onclick="y()"', message: 'Unexpected `onclick` attribute on `<a>`: event handlers are removed from lessons', severity: 'error' },
      { line: 9, column: 14, text: 'onerror="z()"', message: 'Unexpected `onerror` attribute on `<img>`: event handlers are removed from lessons', severity: 'error' },
      { line: 12, column: 5, text: 'javascript:w()', message: 'Unexpected `javascript:` URL in `href` of `<a>`: only http(s), relative and (for links) mailto URLs are kept', severity: 'error' },
      { line: 14, column: 1, text: '<script>', message: 'Unexpected `<script>` element: scripts and style sheets are removed from lessons', severity: 'error' },
    ]);
  });

  it('reports every payload on its own line and nothing for the safe HTML', () => {
    const payloads = [...HTML_PAYLOADS, ...MARKDOWN_PAYLOADS];
    const markdown = lesson(payloads.map((payload, i) => withGlobal(payload, `__xss${i}`)).join('\n\n'));
    const lines = new Set(unsafeOf(markdown).map((m) => m.start.line));
    payloads.forEach((payload, i) => expect(lines.has(6 + 2 * i), payload).toBe(true));
    expect(unsafeOf(lesson(SAFE_HTML.join('\n\n')))).toEqual([]);
  });

  it('reports and drops HTML nested past the limit instead of overflowing the stack', async () => {
    for (const html of [`${'<div>'.repeat(20_000)}x`, Array(2_000).fill('<div>').join('\n\n')]) {
      const markdown = lesson(`${html}\n\nafter`);
      const deep = unsafeOf(markdown).filter((m) => m.messageId === 'rule.html/unsafe.deep');
      expect(deep).toHaveLength(1);
      expect(deep[0]!.message).toBe('Unexpected HTML nested deeper than 512 elements: it is removed from lessons');
      const page = toHtml(await render(markdown));
      expect(page.match(/<div>/g)?.length ?? 0).toBeLessThanOrEqual(512);
      expect(page).toContain('after');
    }
  });

  it('is worded in Korean through the catalogue', () => {
    const [message] = unsafeOf(lesson('<img src=x onerror="z()">'));
    expect(message!.messageId).toBe('rule.html/unsafe.handler');
    expect(message!.data).toEqual({ attribute: 'onerror', element: '<img>' });
  });
});
