import type { Nodes, Parent } from 'mdast';

/** Returned by a visitor: do not go into this node's children. */
export const SKIP = 'skip';

export type Visitor = (node: Nodes, index: number | undefined, parent: Parent | undefined) => typeof SKIP | void;

/**
 * Every node of `tree` in document order (preorder), with its index in its parent. The analysis
 * walks each lesson's tree several times; unist-util-visit builds a closure and a copy of the
 * ancestor list for every node, which was a sixth of the time of a `lessonc check` of the course,
 * so the stages walk with this plain loop instead. A visitor may replace the node it is given
 * (`parent.children[index] = other`, same length); the walk then goes on with the replacement's
 * siblings, not into it.
 */
export function walkTree(tree: Nodes, visitor: Visitor): void {
  if (visitor(tree, undefined, undefined) === SKIP) return;
  if ('children' in tree) walkChildren(tree, visitor);
}

function walkChildren(parent: Parent, visitor: Visitor): void {
  const children = parent.children;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (visitor(child, index, parent) === SKIP || children[index] !== child) continue;
    if ('children' in child) walkChildren(child, visitor);
  }
}

/** Every node of one type, in document order. */
export function nodesOfType<T extends Nodes>(tree: Nodes, type: T['type']): T[] {
  const found: T[] = [];
  walkTree(tree, (node) => void (node.type === type && found.push(node as T)));
  return found;
}
