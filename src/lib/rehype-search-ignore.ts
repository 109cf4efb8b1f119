import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Keeps out of the search index what a learner does not search for and must not be shown in an
 * excerpt: answers and hints (they would give the answer away), the original (uncorrected)
 * snippets and the errata's boilerplate, badges and captions.
 */
const IGNORED_CLASSES = ['lc-answer', 'lc-hint', 'lc-original', 'lc-errata', 'lc-badge', 'lc-taught', 'lc-problems', 'lc-choices-static'];

export default function rehypeSearchIgnore() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const classes = node.properties.className;
      const isIgnored = Array.isArray(classes) && classes.some((name) => IGNORED_CLASSES.includes(String(name)));
      if (isIgnored || node.tagName === 'figcaption') node.properties.dataPagefindIgnore = '';
    });
  };
}
