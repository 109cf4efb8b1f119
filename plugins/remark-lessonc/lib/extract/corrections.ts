import type { Root } from 'mdast';
import type { LeafDirective, TextDirective } from 'mdast-util-directive';
import { walkTree } from '../tree-walk.ts';

/**
 * An erratum in the lesson's prose: `:correction[corrected text]{original="what the notes said"}`
 * inside a paragraph, or `::correction[...]{original="..."}` as a block of its own. An empty label
 * means the original text was removed. `note` may say why.
 */
export interface Correction {
  node: TextDirective | LeafDirective;
  original: string | undefined;
  note: string | undefined;
}

export const CORRECTION_DIRECTIVE = 'correction';

export function findCorrections(tree: Root): Correction[] {
  const found: Correction[] = [];
  walkTree(tree, (node) => {
    if ((node.type === 'textDirective' || node.type === 'leafDirective') && node.name === CORRECTION_DIRECTIVE) {
      found.push({ node, original: node.attributes?.original ?? undefined, note: node.attributes?.note ?? undefined });
    }
  });
  return found;
}
