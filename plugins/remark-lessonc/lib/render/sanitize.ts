/**
 * rehype-lessonc-sanitize: the one gate between a lesson and the page. Everything a lesson
 * contributes (prose, raw HTML blocks and inline tags, question prompts, answers, hints, choices,
 * errata and problem boxes) is parsed (raw HTML included, as a browser would) and sanitised with
 * `lessoncSanitizeSchema`.
 *
 * In Astro's unified processor the order is remark plugins → remark-rehype → Shiki → rehype plugins
 * (this one) → rehype-raw, so raw HTML is still unparsed here and Shiki has already highlighted the
 * code blocks. This plugin therefore parses the raw HTML itself, and keeps code blocks out of the
 * sanitiser's way: every `pre` present before the raw HTML is parsed came from Markdown (or from the
 * highlighter), never from an author's tag. Such a block is set aside behind a sealed placeholder,
 * then put back: highlighter output as it is (its inline colour styles are not author input),
 * anything else sanitised on its own with its `data` (code meta, read by highlighters that run
 * after this plugin) kept. Element ids that came from Markdown (footnotes, quiz questions) are
 * sealed the same way so they keep their value, while ids written in raw HTML get the
 * `user-content-` prefix. The seal is random per run, so raw HTML cannot forge it.
 */
import { randomBytes } from 'node:crypto';
import type { Element, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { sanitize } from 'hast-util-sanitize';
import type { Options as Schema } from 'rehype-sanitize';
import { SKIP, visit } from 'unist-util-visit';
import { lessoncSanitizeSchema } from './sanitize-schema.ts';
import { tooDeepHtml } from '../html/depth.ts';

const PLACEHOLDER = 'lessonc-sealed-block';

export interface SanitizeOptions {
  /** Defaults to `lessoncSanitizeSchema`. */
  schema?: Schema;
}

export default function rehypeLessoncSanitize(options: SanitizeOptions = {}) {
  const schema = options.schema ?? lessoncSanitizeSchema;
  return (tree: Root): Root => sanitizeLessonTree(tree, schema);
}

/** The sanitised copy of a rehype tree that may still hold raw HTML nodes. */
export function sanitizeLessonTree(tree: Root, schema: Schema = lessoncSanitizeSchema): Root {
  const seal = randomBytes(16).toString('hex');
  const blocks: Element[] = [];
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName === 'pre' && parent && index !== undefined) {
      blocks.push(node);
      parent.children[index] = { type: 'element', tagName: PLACEHOLDER, properties: { dataLessoncSeal: `${seal}:${blocks.length - 1}` }, children: [] };
      return SKIP;
    }
    sealClobberable(node, seal, schema.clobber ?? []);
    return undefined;
  });
  dropTooDeepHtml(tree);
  let clean: Root;
  try {
    clean = sanitize(raw(tree) as Root, withSeals(schema)) as Root;
  } catch (error) {
    // Nesting that still overflows the parser's stack: the page goes without the lesson's raw HTML.
    if (!(error instanceof RangeError)) throw error;
    dropRawHtml(tree, () => true);
    clean = sanitize(raw(tree) as Root, withSeals(schema)) as Root;
  }
  restore(clean, seal, (index) => {
    const block = blocks[index];
    if (!block) return undefined;
    return isHighlighted(block) ? block : sanitizeBlock(block, schema);
  });
  return clean;
}

/** Raw HTML that nests past the limit goes whole (`html/unsafe` reports it at the same pieces). */
function dropTooDeepHtml(tree: Root): void {
  const pieces: string[] = [];
  visit(tree, 'raw', (node) => void pieces.push(node.value));
  const deep = tooDeepHtml(pieces);
  if (deep.size === 0) return;
  let index = 0;
  dropRawHtml(tree, () => deep.has(index++));
}

function dropRawHtml(tree: Root, drop: () => boolean): void {
  visit(tree, 'raw', (node, position, parent) => {
    if (!parent || position === undefined || !drop()) return undefined;
    parent.children.splice(position, 1);
    return position;
  });
}

/**
 * Moves a Markdown-made element's ids and id references (`id`, `aria-describedby`, ...: the
 * schema's `clobber` list) into one sealed attribute, so the sanitiser does not prefix them.
 */
function sealClobberable(node: Element, seal: string, clobber: readonly string[]): void {
  const kept: Record<string, unknown> = {};
  for (const property of clobber) {
    if (node.properties[property] === undefined || node.properties[property] === null) continue;
    kept[property] = node.properties[property];
    delete node.properties[property];
  }
  if (Object.keys(kept).length > 0) node.properties.dataLessoncSealed = `${seal}:${JSON.stringify(kept)}`;
}

/** The schema plus the two sealed carriers; the seals are checked when restoring. */
function withSeals(schema: Schema): Schema {
  const attributes = schema.attributes ?? {};
  return {
    ...schema,
    tagNames: [...(schema.tagNames ?? []), PLACEHOLDER],
    attributes: { ...attributes, [PLACEHOLDER]: ['dataLessoncSeal'], '*': [...(attributes['*'] ?? []), 'dataLessoncSealed'] },
  };
}

function restore(tree: Root, seal: string, block: (index: number) => Element | undefined): void {
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName === PLACEHOLDER && parent && index !== undefined) {
      const [prefix, position] = String(node.properties.dataLessoncSeal ?? '').split(':');
      const original = prefix === seal ? block(Number(position)) : undefined;
      // A placeholder without our seal was written by an author: it goes.
      if (original) parent.children[index] = original;
      else parent.children.splice(index, 1);
      return original ? SKIP : index;
    }
    const sealed = node.properties.dataLessoncSealed;
    delete node.properties.dataLessoncSealed;
    if (typeof sealed === 'string' && sealed.startsWith(`${seal}:`)) Object.assign(node.properties, JSON.parse(sealed.slice(seal.length + 1)));
    return undefined;
  });
}

/**
 * Output of Astro's Shiki: `pre.astro-code` with inline colour styles, made from the code text only.
 * Astro sets the class as a raw `class` property (a string), not hast's `className`.
 */
function isHighlighted(block: Element): boolean {
  return [block.properties.className, block.properties.class].some((value) =>
    Array.isArray(value) ? value.includes('astro-code') : typeof value === 'string' && /(^|\s)astro-code(\s|$)/.test(value),
  );
}

/** A plain `pre > code` block, sanitised alone; the code elements keep their `data` (meta). */
function sanitizeBlock(block: Element, schema: Schema): Element | undefined {
  const clean = sanitize({ type: 'root', children: [block] }, schema) as Root;
  const result = clean.children.find((child): child is Element => child.type === 'element');
  if (!result) return undefined;
  const originals = codeElements(block);
  codeElements(result).forEach((code, i) => {
    if (originals[i]?.data) code.data = originals[i].data;
  });
  return result;
}

function codeElements(node: Element | Root): Element[] {
  const found: Element[] = [];
  visit(node, 'element', (child) => {
    if (child.tagName === 'code') found.push(child);
  });
  return found;
}

