/**
 * Placeholders: the parts of a note the author left for the reader to fill in. They stand for "any
 * value", so they satisfy every type, enum, name rule and kubectl argument and are never an error.
 * One definition serves the YAML rules, the kubectl tokenizer and the lesson-state model.
 *
 * Recognised (names in any script: `<파드-이름>`): `<pod-name>`, `{claimName}`, `{{ .Values.x }}`, `${NAME}`, `$NAME`, `...`, `…`; `containsPlaceholder` finds
 * them inside a value with literal text around them (`nginx:<tag>`, `my-${ENV}-app`).
 */

/** `<pod-name>`: the one placeholder form that a shell would otherwise read as a redirection. */
const ANGLE_PLACEHOLDER = String.raw`<[\p{L}_][\p{L}\p{N}_ .:/-]*>`;

/** One placeholder anywhere in a text (global: reset `lastIndex` or use `matchAll`). */
const PLACEHOLDER_PART = new RegExp(String.raw`${ANGLE_PLACEHOLDER}|\{\{[^{}]*\}\}|\{[\p{L}_][\p{L}\p{N}_.-]*\}|\$\{[A-Za-z_]\w*\}|\$[A-Za-z_]\w*|\.\.\.|…`, 'gu');

const ANGLE_PLACEHOLDER_AT = new RegExp(ANGLE_PLACEHOLDER, 'uy');

/**
 * A character every form above has: a text without one holds no placeholder, and most words and
 * values (`kubectl`, `get`, `-o`, `nginx`) are answered by this test alone.
 */
const PLACEHOLDER_CHARACTER = /[<{$.…]/;

/** The length of a `<name>` placeholder starting at `at` in `text`, 0 when none starts there. */
export function anglePlaceholderLengthAt(text: string, at: number): number {
  ANGLE_PLACEHOLDER_AT.lastIndex = at;
  return ANGLE_PLACEHOLDER_AT.exec(text)?.[0].length ?? 0;
}

/** A value that is only a placeholder (surrounding whitespace and quotes ignored). */
export function isPlaceholder(text: string): boolean {
  if (!PLACEHOLDER_CHARACTER.test(text)) return false;
  const value = unquote(text.trim());
  if (value === '') return false;
  return value.replace(PLACEHOLDER_PART, '') === '';
}

/** A value that holds a placeholder somewhere (`nginx:<tag>`): its literal text cannot be judged. */
export function containsPlaceholder(text: string): boolean {
  if (!PLACEHOLDER_CHARACTER.test(text)) return false;
  PLACEHOLDER_PART.lastIndex = 0;
  return PLACEHOLDER_PART.test(text);
}

/** Where each placeholder stands in a text, as [start, end) offsets. */
export function placeholderRanges(text: string): Array<[number, number]> {
  if (!PLACEHOLDER_CHARACTER.test(text)) return [];
  return [...text.matchAll(PLACEHOLDER_PART)].map((match) => [match.index, match.index + match[0].length]);
}

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) return value.slice(1, -1);
  return value;
}
