/**
 * Splits a shell snippet into logical command lines: a line ending in an unescaped `\` continues on
 * the next one, as in the shell. Each logical line keeps, for every character, its offset in the
 * snippet, so diagnostics found in the joined line point back into the original text.
 */

export interface LogicalLine {
  /** The joined text, without the `\`+newline pairs. */
  text: string;
  /** `offsets[i]` is the snippet offset of `text[i]`; `offsets[text.length]` is the end offset. */
  offsets: number[];
}

export function splitLogicalLines(snippet: string): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let text = '';
  let offsets: number[] = [];
  let i = 0;
  while (i <= snippet.length) {
    const ch = snippet[i];
    if (i === snippet.length || ch === '\n') {
      const trailingCr = text.endsWith('\r');
      if (trailingCr) {
        text = text.slice(0, -1);
        offsets.pop();
      }
      if (text.endsWith('\\') && !text.endsWith('\\\\') && i < snippet.length) {
        // Continuation: drop the backslash (and the newline) and keep reading.
        text = text.slice(0, -1);
        offsets.pop();
        i++;
        continue;
      }
      offsets.push(trailingCr ? i - 1 : i);
      lines.push({ text, offsets });
      text = '';
      offsets = [];
      i++;
      continue;
    }
    text += ch;
    offsets.push(i);
    i++;
  }
  return lines;
}

/** Snippet offset of a position in a logical line (end positions map to just after the last character). */
export function snippetOffset(line: LogicalLine, position: number): number {
  if (position <= 0) return line.offsets[0] ?? 0;
  if (position >= line.text.length) return line.offsets[line.text.length];
  return line.offsets[position];
}

/** Snippet range of `[start, end)` in a logical line; the end maps to just after its last character. */
export function snippetRange(line: LogicalLine, start: number, end: number): { start: number; end: number } {
  const from = snippetOffset(line, start);
  const to = end > start ? snippetOffset(line, end - 1) + 1 : from;
  return { start: from, end: to };
}

/** Two logical lines read as one, with the newline between them (a quoted string that spans lines). */
export function joinLogicalLines(first: LogicalLine, second: LogicalLine): LogicalLine {
  return { text: `${first.text}\n${second.text}`, offsets: [...first.offsets, ...second.offsets] };
}
