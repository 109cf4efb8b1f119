/**
 * Rule `html/unsafe`: every part of a lesson's HTML that the site's sanitiser would drop, at its
 * exact place: an element (`<script>`, `<iframe>`, `<form>`), an attribute (`onerror`, `style`) or
 * a URL (`javascript:` in a link, an image or an `href`). The verdict is the sanitiser's own: each
 * element is run through `sanitize` with `lessoncSanitizeSchema` and what comes out is compared
 * with what went in, so `check` and the page can never disagree.
 */
import { createRequire } from 'node:module';
import type { Element, Root as HastRoot } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import type { Html, Root } from 'mdast';
import type { Options as Schema } from 'rehype-sanitize';
import { nodesOfType, walkTree } from '../tree-walk.ts';
import type { MessageKey } from '../i18n.ts';
import { lineIndexAt } from '../extract/positions.ts';
import { say, type MessageData } from '../messages.ts';
import { lessoncSanitizeSchema } from '../render/sanitize-schema.ts';
import { MAX_HTML_DEPTH, tooDeepHtml } from './depth.ts';

/** One thing the sanitiser drops, as offsets into the lesson. */
export interface UnsafeHtml {
  start: number;
  end: number;
  message: string;
  messageId: MessageKey;
  data: MessageData;
}

/**
 * The HTML parser (parse5, ~400 KB of code) is loaded the first time a lesson has raw HTML: most
 * lessons have none, and loading it cost each start of the CLI and of each worker ~15 ms (the
 * compile cache makes it cheaper, not free). Synchronous, as analysis is: `require` of an ES module.
 */
let htmlParser: typeof import('hast-util-from-html') | undefined;
function fromHtml(...args: Parameters<typeof import('hast-util-from-html').fromHtml>): HastRoot {
  htmlParser ??= createRequire(import.meta.url)('hast-util-from-html') as typeof import('hast-util-from-html');
  return htmlParser.fromHtml(...args);
}

const EMBEDDED = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe']);
const FORM = new Set(['form', 'input', 'button', 'textarea', 'select', 'option', 'fieldset', 'datalist', 'output']);
const PAGE = new Set(['base', 'meta', 'link', 'head', 'html', 'body', 'title']);
const SCRIPT = new Set(['script', 'noscript', 'template']);

/** Every unsafe part of the lesson's raw HTML and of its link, image and definition URLs. */
export function findUnsafeHtml(tree: Root, markdown: string, lineStarts: number[], schema: Schema = lessoncSanitizeSchema): UnsafeHtml[] {
  const found: UnsafeHtml[] = [];
  // Lessons repeat the same tags (`<kbd>`, `</kbd>`, `<br>`): each distinct one is judged once.
  const verdicts = new Map<string, Verdict[]>();
  const droppedUrls = new Map<string, boolean>();
  const htmlNodes = nodesOfType<Html>(tree, 'html');
  const deep = tooDeepHtml(htmlNodes.map((node) => node.value));
  const tooDeep = new Set(htmlNodes.filter((_, i) => deep.has(i)));
  // Said once, where the nesting first goes too deep; every piece past the limit is dropped.
  const firstTooDeep = htmlNodes.find((node) => tooDeep.has(node));
  walkTree(tree, (node) => {
    if (node.type === 'html' && tooDeep.has(node)) {
      if (node !== firstTooDeep) return;
      const start = node.position?.start.offset ?? 0;
      found.push({ start, end: node.position?.end.offset ?? start, ...say('rule.html/unsafe.deep', { limit: MAX_HTML_DEPTH }) });
    } else if (node.type === 'html') {
      found.push(...unsafeInHtmlNode(node, markdown, lineStarts, schema, verdicts));
    } else if ((node.type === 'link' || node.type === 'definition' || node.type === 'image') && node.position?.start.offset !== undefined) {
      const image = node.type === 'image';
      const element: Element = { type: 'element', tagName: image ? 'img' : 'a', properties: image ? { src: node.url } : { href: node.url }, children: [] };
      const property = image ? 'src' : 'href';
      const key = `${property} ${node.url}`;
      if (!droppedUrls.has(key)) droppedUrls.set(key, droppedProperties(element, [], schema).includes(property));
      if (droppedUrls.get(key)) {
        const start = node.position.start.offset;
        const source = markdown.slice(start, node.position.end.offset);
        const at = source.indexOf(node.url);
        const from = at === -1 ? start : start + at;
        found.push({ start: from, end: at === -1 ? (node.position.end.offset ?? start) : from + node.url.length, ...urlMessage(element.tagName, property, node.url) });
      }
    }
  });
  return found;
}

/** Something unsafe in one piece of raw HTML, with offsets into that piece. */
type Verdict = UnsafeHtml;

function unsafeInHtmlNode(node: Html, markdown: string, lineStarts: number[], schema: Schema, verdicts: Map<string, Verdict[]>): UnsafeHtml[] {
  const offset = node.position?.start.offset;
  if (offset === undefined) return [];
  let verdict = verdicts.get(node.value);
  if (!verdict) {
    verdict = judgeHtml(node.value, schema);
    verdicts.set(node.value, verdict);
  }
  if (verdict.length === 0) return [];
  const toMarkdown = valueToMarkdown(node.value, offset, markdown, lineStarts);
  return verdict.map((part) => ({ ...part, start: toMarkdown(part.start), end: toMarkdown(part.end) }));
}

function judgeHtml(value: string, schema: Schema): Verdict[] {
  // A closing tag alone (`</kbd>`) makes no element: nothing to judge.
  if (/^<\/[a-zA-Z][\w:-]*\s*>$/.test(value)) return [];
  const fragment = fromHtml(value, { fragment: true, verbose: true });
  const found: Verdict[] = [];
  const walk = (parent: HastRoot | Element, ancestors: string[]) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const start = child.position?.start.offset ?? 0;
      const tagEnd = (child.data as { position?: { opening?: { end?: { offset?: number } } } } | undefined)?.position?.opening?.end?.offset ?? child.position?.end.offset ?? start;
      if (!isKept(child, ancestors, schema)) {
        found.push({ start, end: tagEnd, ...elementMessage(child.tagName) });
        // A stripped element (`<script>`) goes with its content; another's content stays and is judged.
        if (schema.strip?.includes(child.tagName)) continue;
      } else {
        for (const property of droppedProperties(child, ancestors, schema)) {
          const place = attributePlace(child, property);
          const name = place ? attributeName(value.slice(place.start, place.end)) : property;
          const at = place ?? { start, end: tagEnd };
          found.push({ start: at.start, end: at.end, ...attributeMessage(child.tagName, name, child.properties[property]) });
        }
      }
      // Only the ancestors the schema asks about (a `<td>` needs a `<table>`) change a verdict: keeping
      // just those, once each, keeps the judging of deeply nested HTML linear.
      walk(child, contextAncestors.has(child.tagName) && !ancestors.includes(child.tagName) ? [...ancestors, child.tagName] : ancestors);
    }
  };
  const contextAncestors = new Set(Object.values(schema.ancestors ?? {}).flat());
  walk(fragment, []);
  // Document-level tags are not elements of a fragment: the parser drops them (merging a `<body>`'s
  // attributes, `onload` included, into the page's), so they are found in the text.
  for (const match of value.matchAll(/<(html|head|body|frameset)(?=[\s/>])[^>]*>?/gi)) {
    found.push({ start: match.index, end: match.index + match[0].length, ...elementMessage(match[1]!.toLowerCase()) });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Whether the sanitiser keeps `element` (with no children) under `ancestors`. */
function isKept(element: Element, ancestors: string[], schema: Schema): boolean {
  return keptDepth(ancestors, { ...element, children: [] }, schema) === keptDepth(ancestors, null, schema) + 1;
}

/** Properties of `element` the sanitiser removes or changes (an id's `user-content-` prefix is not a change). */
function droppedProperties(element: Element, ancestors: string[], schema: Schema): string[] {
  const clean = sanitizedCopy(ancestors, { ...element, children: [] }, schema);
  if (!clean) return [];
  return Object.keys(element.properties).filter((property) => {
    const before = element.properties[property];
    const after = clean.properties[property];
    if (after === undefined) return true;
    if (Array.isArray(before)) return !Array.isArray(after) || after.length !== before.length;
    return String(after) !== String(before) && String(after) !== `${schema.clobberPrefix ?? ''}${String(before)}`;
  });
}

const MARKER = '\u0000lessonc-marker';

/** Nests `element` (or only a marker) in bare ancestors and sanitises: how many elements survive above the marker. */
function keptDepth(ancestors: string[], element: Element | null, schema: Schema): number {
  const tree = nest(ancestors, element);
  const clean = sanitize(tree, schema) as HastRoot;
  let depth = -1;
  const find = (node: HastRoot | Element, level: number) => {
    for (const child of node.children) {
      if (child.type === 'text' && child.value === MARKER) depth = level;
      if (child.type === 'element') find(child, level + 1);
    }
  };
  find(clean, 0);
  return depth;
}

/** The sanitised `element` itself when kept, found as the innermost element around the marker. */
function sanitizedCopy(ancestors: string[], element: Element, schema: Schema): Element | null {
  if (!isKept(element, ancestors, schema)) return null;
  const clean = sanitize(nest(ancestors, element), schema) as HastRoot;
  let found: Element | null = null;
  const find = (node: HastRoot | Element) => {
    for (const child of node.children) {
      if (child.type === 'text' && child.value === MARKER && node.type === 'element') found = node;
      if (child.type === 'element') find(child);
    }
  };
  find(clean);
  return found;
}

function nest(ancestors: string[], element: Element | null): HastRoot {
  let inner: Element['children'] = [{ type: 'text', value: MARKER }];
  if (element) inner = [{ ...element, children: inner }];
  for (const tagName of [...ancestors].reverse()) inner = [{ type: 'element', tagName, properties: {}, children: inner }];
  return { type: 'root', children: inner };
}

function attributePlace(element: Element, property: string): { start: number; end: number } | undefined {
  const positions = (element.data as { position?: { properties?: Record<string, { start: { offset?: number }; end: { offset?: number } } | undefined> } } | undefined)?.position?.properties;
  const place = positions?.[property];
  if (place?.start.offset === undefined || place.end.offset === undefined) return undefined;
  return { start: place.start.offset, end: place.end.offset };
}

/** The attribute's name as the author wrote it (`onError` for `onError="..."`). */
function attributeName(source: string): string {
  return /^[^\s=]+/.exec(source)?.[0] ?? source;
}

function elementMessage(tagName: string): Omit<UnsafeHtml, 'start' | 'end'> {
  const variant = SCRIPT.has(tagName) || tagName === 'style' ? 'script' : EMBEDDED.has(tagName) ? 'embedded' : FORM.has(tagName) ? 'form' : PAGE.has(tagName) ? 'page' : 'element';
  return say(`rule.html/unsafe.${variant}` as MessageKey, { element: `<${tagName}>` }) as Omit<UnsafeHtml, 'start' | 'end'>;
}

function attributeMessage(tagName: string, name: string, value: unknown): Omit<UnsafeHtml, 'start' | 'end'> {
  const lower = name.toLowerCase();
  if (lower.startsWith('on')) return say('rule.html/unsafe.handler', { attribute: name, element: `<${tagName}>` }) as Omit<UnsafeHtml, 'start' | 'end'>;
  if (lower === 'style') return say('rule.html/unsafe.style', { attribute: name, element: `<${tagName}>` }) as Omit<UnsafeHtml, 'start' | 'end'>;
  if (['href', 'src', 'cite', 'longdesc'].includes(lower) && typeof value === 'string') return urlMessage(tagName, name, value);
  return say('rule.html/unsafe.attribute', { attribute: name, element: `<${tagName}>` }) as Omit<UnsafeHtml, 'start' | 'end'>;
}

function urlMessage(tagName: string, attribute: string, url: string): Omit<UnsafeHtml, 'start' | 'end'> {
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? url.trim().slice(0, 20);
  return say('rule.html/unsafe.url', { scheme: `${scheme}:`, attribute, element: `<${tagName}>` }) as Omit<UnsafeHtml, 'start' | 'end'>;
}

/**
 * Maps an offset in an HTML node's value to the lesson. Inside a list item or blockquote, every
 * line after the first lost its container prefix: it is whatever precedes the value line on its
 * source line.
 */
function valueToMarkdown(value: string, start: number, markdown: string, lineStarts: number[]): (offset: number) => number {
  const valueLines = value.split('\n');
  const firstLine = lineIndexAt(lineStarts, start);
  const starts: number[] = [];
  let valueOffset = 0;
  const valueStarts: number[] = [];
  valueLines.forEach((valueLine, i) => {
    valueStarts.push(valueOffset);
    valueOffset += valueLine.length + 1;
    if (i === 0) {
      starts.push(start);
      return;
    }
    const lineStart = lineStarts[firstLine + i] ?? markdown.length;
    const lineEnd = (lineStarts[firstLine + i + 1] ?? markdown.length + 1) - 1;
    const sourceLine = markdown.slice(lineStart, lineEnd).replace(/\r$/, '');
    const content = valueLine.replace(/\r$/, '');
    starts.push(lineStart + (sourceLine.endsWith(content) ? sourceLine.length - content.length : 0));
  });
  return (offset) => {
    const index = lineIndexAt(valueStarts, offset);
    return Math.min(starts[index]! + (offset - valueStarts[index]!), markdown.length);
  };
}
