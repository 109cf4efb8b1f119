/**
 * The message catalogue: every rule message, fix description and errata line has an id and
 * parameters (like ESLint's `messageId` + `data`); its Korean and English wording live in the flat
 * i18n JSON (`i18n/ko.json`, `i18n/en.json`) next to the site's UI strings, so the CLI, the site and
 * the editor word a problem the same way in the reader's language.
 *
 * Rules build their text with `say(id, data)`: the result carries the English rendering as
 * `message` (what tests and `--locale en` print) and the id and data, so a later stage can word it
 * again in Korean with `localize`. Ids are namespaced by rule: `rule.k8s/unknown-field.unexpected`,
 * `fix.k8s/unknown-field.rename`. Parameter values are code (field names, flags) and are not translated.
 */
import { isMessageKey, translate, type Locale, type MessageKey } from './i18n.ts';

export type MessageData = Record<string, string | number>;

/** A text that can be worded again in another language. */
export interface CatalogueText {
  message: string;
  messageId?: MessageKey;
  data?: MessageData;
}

/** A rule message: English text plus its id and parameters. */
export function say(id: MessageKey, data: MessageData = {}): { message: string; messageId: MessageKey; data: MessageData } {
  return { message: translate('en', id, data), messageId: id, data };
}

/** A fix description: English text plus its id and parameters. */
export function sayFix(id: MessageKey, data: MessageData = {}): { description: string; descriptionId: MessageKey; descriptionData: MessageData } {
  return { description: translate('en', id, data), descriptionId: id, descriptionData: data };
}

/** Words a catalogued text in `locale`; a text without an id (not yet catalogued) stays as written. */
export function localize(locale: Locale, text: CatalogueText): string {
  if (!text.messageId || !isMessageKey(text.messageId)) return text.message;
  return translate(locale, text.messageId, text.data);
}

/** Words a fix description in `locale`. */
export function localizeFix(locale: Locale, fix: { description: string; descriptionId?: MessageKey; descriptionData?: MessageData }): string {
  return localize(locale, { message: fix.description, messageId: fix.descriptionId, data: fix.descriptionData });
}

/** The locale the CLI uses when `--locale` is not given: `LANG`/`LC_ALL` starting with `ko` means Korean. */
export function localeFromEnvironment(env: Record<string, string | undefined>): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return value.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/**
 * Words a lesson message in `locale`, with the "marked intentional" note where the author meant it
 * and the note that the snippet's kind was read from its content (`inferredNote`).
 */
export function localizeLessonMessage(locale: Locale, problem: CatalogueText & { intentional?: boolean }): string {
  if (!problem.messageId) return problem.message;
  const text = withInferredNote(locale, localize(locale, problem), problem.data);
  return problem.intentional ? translate(locale, 'lesson.markedIntentional', { message: text }) : text;
}

/**
 * The message data that says a problem was found in a snippet whose kind was inferred: a block
 * without a language read as `inferredAs`, or a command line in a paragraph (`inferredFrom: prose`).
 */
export function inferredNote(inferred: boolean | 'prose' | undefined, inferredAs: string): MessageData {
  if (!inferred) return {};
  return inferred === 'prose' ? { inferredFrom: 'prose', inferredAs } : { inferredAs };
}

/** A message with the note its data asks for (see `inferredNote`). */
export function withInferredNote(locale: Locale, message: string, data: MessageData | undefined): string {
  if (data?.inferredFrom === 'prose') return translate(locale, data.inferredAs === 'shell' ? 'lesson.proseCommand' : 'lesson.proseManifest', { message });
  if (typeof data?.inferredAs === 'string') return translate(locale, 'lesson.inferredKind', { message, inferredAs: data.inferredAs });
  return message;
}

/** `a`, `b` or `c` as a parameter value: names are code, so they are quoted, not translated. */
export function codeList(names: readonly string[], separator: string): string {
  return names.map((name) => `\`${name}\``).join(separator);
}
