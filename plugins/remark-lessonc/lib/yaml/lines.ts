/** Line spans of a text, shared by the YAML fixes. */

export interface LineSpan {
  start: number;
  /** End of the line content (before `\n`). */
  end: number;
}

export function lineSpans(text: string): LineSpan[] {
  const spans: LineSpan[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) {
      spans.push({ start, end: text.length });
      return spans;
    }
    spans.push({ start, end: newline > start && text[newline - 1] === '\r' ? newline - 1 : newline });
    start = newline + 1;
  }
}
