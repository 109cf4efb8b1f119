/**
 * `<pod-name>` in prose is a placeholder to a reader, but CommonMark reads it as an inline HTML tag
 * that the sanitiser would drop, so the page would lose it and `html/unsafe` would call it an error.
 * A lone opening tag without attributes, whose name is no HTML element (`<pod-name>`,
 * `<deploy name>`, `<이름>`; never an HTML element name such as `<kbd>` or `<script>`), is turned into
 * the text it was written as.
 */
import type { Html, Root, Text } from 'mdast';
import { SKIP, walkTree } from '../tree-walk.ts';
import { isPlaceholder } from '../placeholder.ts';

/**
 * Every HTML element name, current and obsolete, and the foreign roots: written as a tag, it is HTML
 * (this holds every tag the sanitiser allows, so none of them is ever read as a placeholder).
 */
const HTML_ELEMENTS = new Set(
  (
    'a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink blockquote body br button ' +
    'canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em embed fencedframe ' +
    'fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe image img ' +
    'input ins isindex kbd keygen label legend li link listing main map mark marquee math menu menuitem meta meter nav nobr ' +
    'noembed noframes noscript object ol optgroup option output p param picture plaintext portal pre progress q rb rp rt rtc ' +
    'ruby s samp script search section select slot small source span strike strong style sub summary sup svg table tbody td ' +
    'template textarea tfoot th thead time title tr track tt u ul var video wbr xmp'
  ).split(' '),
);
const LONE_OPENING_TAG = /^<([^\s<>/=!?"']+)(?:\s[^<>/=!?"']*)?>$/u;

/** Whether an inline HTML value is a placeholder the sanitiser would otherwise drop. */
export function isPlaceholderTag(value: string): boolean {
  const match = LONE_OPENING_TAG.exec(value);
  if (match === null) return false;
  const name = match[1]!.toLowerCase();
  return !HTML_ELEMENTS.has(name) && isPlaceholder(value);
}

/** Replaces every placeholder tag in the tree with a text node of the same source and position. */
export function placeholderTagsToText(tree: Root): void {
  walkTree(tree, (node, index, parent) => {
    if (node.type !== 'html' || !parent || index === undefined || !isPlaceholderTag(node.value)) return;
    const text: Text = { type: 'text', value: node.value, ...(node.position ? { position: node.position } : {}) };
    parent.children[index] = text;
    return SKIP;
  });
}
