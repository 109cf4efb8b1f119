/**
 * Unbalanced quotes: the shell keeps reading a quoted string on the next line, and at the end of
 * the input stops with "unexpected EOF while looking for matching `''", so kubectl never runs.
 */

/** Offset of the quote left open at the end of `line` (as the shell quotes), or -1. */
export function unclosedQuoteAt(line: string): number {
  let i = 0;
  let wordStart = true;
  while (i < line.length) {
    const ch = line[i];
    if (ch === '#' && wordStart) return -1;
    if (ch === '\\') {
      i += 2;
      wordStart = false;
      continue;
    }
    if (ch === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) return i;
      i = close + 1;
      wordStart = false;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      while (j < line.length && line[j] !== '"') j += line[j] === '\\' ? 2 : 1;
      if (j >= line.length) return i;
      i = j + 1;
      wordStart = false;
      continue;
    }
    wordStart = /[\s|&;()<>]/.test(ch);
    i++;
  }
  return -1;
}
