/**
 * Splits a shell snippet into logical command lines: a line ending in an unescaped `\` continues on
 * the next one, as in the shell. Each logical line keeps, for every character, its offset in the
 * snippet, so diagnostics found in the joined line point back into the original text.
 */

import { promptAt, promptSummary, type Prompt } from '../extract/prompts.ts';

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

/** A logical line of a shell snippet as a terminal showed it: a command (prompt stripped) or output. */
export interface CommandLine extends LogicalLine {
  /** What was printed by the command before it (a transcript), never checked as a command. */
  output: boolean;
  /** The prompt that started the line, if any (`$ `, `# `, `user@host:~$ `). */
  prompt?: Prompt;
}

/**
 * The logical lines of a shell snippet with prompts stripped (positions kept). In a transcript — a
 * snippet with a prompt only a terminal prints (`$ `, `user@host:~$ `) — the lines after a prompt up
 * to the next one are output. `# kubectl ...` is the root prompt of a note that writes every command
 * that way; in a script with bare commands it stays a comment.
 */
export function splitCommandLines(snippet: string): CommandLine[] {
  const { transcript, rootPrompts } = promptSummary(snippet);
  return splitLogicalLines(snippet).map((line) => {
    const prompt = promptAt(line.text);
    if (!prompt || (prompt.strength === 'root' && !rootPrompts)) return { ...line, output: transcript };
    return { text: line.text.slice(prompt.length), offsets: line.offsets.slice(prompt.length), output: false, prompt };
  });
}
