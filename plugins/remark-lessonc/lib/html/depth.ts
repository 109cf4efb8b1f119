/**
 * How deep a lesson's raw HTML nests, read from its tags alone (linear, no parser): the parsers and
 * the sanitiser after them recurse once per level, so thousands of nested `<div>`s would overflow
 * the stack. Raw HTML that opens elements past `MAX_HTML_DEPTH` (Chromium's own DOM nesting cap)
 * is dropped whole by the sanitiser and reported by `html/unsafe`.
 */
export const MAX_HTML_DEPTH = 512;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const TAG = /<(\/?)([a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

/** Indices of the pieces (raw HTML in document order) that take the nesting past the limit. */
export function tooDeepHtml(pieces: readonly string[], limit: number = MAX_HTML_DEPTH): Set<number> {
  const deep = new Set<number>();
  let depth = 0;
  pieces.forEach((piece, index) => {
    for (const match of piece.matchAll(TAG)) {
      const [, closing, name, selfClosing] = match;
      if (VOID.has(name!.toLowerCase()) || selfClosing) continue;
      depth = closing ? Math.max(depth - 1, 0) : depth + 1;
      if (depth > limit) deep.add(index);
    }
  });
  return deep;
}
