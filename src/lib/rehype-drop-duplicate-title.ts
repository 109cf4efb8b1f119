import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';

/**
 * Notes often open with their own `# title`; Starlight already shows the frontmatter title as the
 * page's heading, so a first-level heading that repeats it at the top of the lesson is dropped
 * (one `<h1>` a page, on screen and on paper).
 */
export default function rehypeDropDuplicateTitle() {
  return (tree: Root, file: { data: { astro?: { frontmatter?: Record<string, unknown> } } }) => {
    const title = file.data.astro?.frontmatter?.title;
    if (typeof title !== 'string') return;
    const index = tree.children.findIndex((node) => node.type === 'element');
    const first = tree.children[index] as Element | undefined;
    if (first?.tagName === 'h1' && normalize(toString(first)) === normalize(title)) tree.children.splice(index, 1);
  };
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
