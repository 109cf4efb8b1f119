/** Whitespace-normalised comparison form: trimmed, runs of blanks folded to one space. */
export function normalizeWhitespace(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}
