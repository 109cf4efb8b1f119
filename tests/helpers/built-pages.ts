import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

/** A page of a built site (`outDir/path/index.html`) as a hast tree. */
export async function builtPage(outDir: string, path: string): Promise<Root> {
  return fromHtml(await readFile(join(outDir, path, 'index.html'), 'utf8'));
}

/** Every element of a tree that passes `test`, in document order. */
export function elements(tree: Root | Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (element: Element) => {
    if (test(element)) found.push(element);
  });
  return found;
}
