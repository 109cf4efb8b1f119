import type { Properties } from 'hast';
import type { Code, Parent, RootContent } from 'mdast';

/**
 * mdast nodes that become HTML elements through `data.hName` (mdast-util-to-hast applies it to
 * unknown nodes), so the site's own pipeline (Shiki for the `code` children) keeps working.
 */
export interface ElementNode extends Parent {
  type: 'lessoncElement';
  children: RootContent[];
  data: { hName: string; hProperties?: Properties };
}

declare module 'mdast' {
  interface RootContentMap {
    lessoncElement: ElementNode;
  }
  interface BlockContentMap {
    lessoncElement: ElementNode;
  }
}

export function element(tagName: string, properties: Record<string, unknown>, children: RootContent[]): ElementNode {
  return { type: 'lessoncElement', data: { hName: tagName, hProperties: properties as Properties }, children };
}

export function text(value: string): RootContent {
  return { type: 'text', value };
}

export function inlineCode(value: string): RootContent {
  return { type: 'inlineCode', value };
}

export function paragraph(children: RootContent[]): RootContent {
  return { type: 'paragraph', children: children as never };
}

export function code(value: string, lang: string | null | undefined, meta?: string | null): Code {
  return { type: 'code', lang: lang ?? null, meta: meta ?? null, value };
}
