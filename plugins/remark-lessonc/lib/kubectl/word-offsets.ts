/**
 * Where a character of a shell word's value is written in the raw word: quotes and escaping
 * backslashes are in the raw text only, so `-o="wide"` has the value `-o=wide` and its `w` at raw
 * offset 4. Lets a message about part of a quoted word point at that part, not at the word's end.
 */
import type { ShellWord } from './tokenize.ts';

/** Line offset of value character `valueIndex` of `word` (its end when `valueIndex` is past the value). */
export function lineOffsetOfValueIndex(word: ShellWord, valueIndex: number): number {
  const raw = word.raw;
  let value = 0;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (quote === "'") {
      if (ch === "'") {
        quote = null;
        continue;
      }
    } else if (ch === "'" || ch === '"') {
      if (quote === '"' && ch === '"') {
        quote = null;
        continue;
      }
      if (quote === null) {
        quote = ch;
        continue;
      }
    } else if (ch === '\\' && i + 1 < raw.length && (quote === null || '"\\$`\n'.includes(raw[i + 1]))) {
      // The backslash is not part of the value; the character after it is.
      i++;
    }
    if (value === valueIndex) return word.start + i;
    value++;
  }
  return word.end;
}

/** Line offset just after value character `valueEnd - 1`: the end of a range of the value (a closing quote stays out). */
export function lineEndOfValueRange(word: ShellWord, valueEnd: number): number {
  return valueEnd <= 0 ? lineOffsetOfValueIndex(word, 0) : lineOffsetOfValueIndex(word, valueEnd - 1) + 1;
}
