import type { LessonMessage } from '../analyze.ts';
import { isMarkedIntentional } from '../extract/meta.ts';
import type { ExtractedSnippet } from '../extract/snippets.ts';
import type { AppliedFix } from '../fix/lesson.ts';
import { translate, type Locale } from '../i18n.ts';
import { localizeFix, localizeLessonMessage } from '../messages.ts';
import { code, element, inlineCode, paragraph, text, type ElementNode } from './nodes.ts';

/** How a snippet is shown: nothing is ever shown broken without saying so. */
export type SnippetStatus = 'valid' | 'corrected' | 'intentional' | 'problems';

export interface SnippetView {
  snippet: ExtractedSnippet;
  /** The text after fixes (equal to the original when nothing was fixed). */
  corrected: string;
  applied: AppliedFix[];
  /** Problems left after fixing (errors and warnings). */
  remaining: LessonMessage[];
  /** Hover text of the corrected code: 0-based line → `field: description`. */
  fields: Map<number, string>;
  /** Problems of an intentional snippet, shown as what it teaches. */
  taught: LessonMessage[];
}

export function snippetStatus(view: SnippetView): SnippetStatus {
  if (view.remaining.length > 0) return 'problems';
  if (isMarkedIntentional(view.snippet.meta)) return 'intentional';
  return view.applied.length > 0 ? 'corrected' : 'valid';
}

/** The figure that replaces a code block: corrected code, errata, problems box, badges. */
export function renderSnippet(view: SnippetView, locale: Locale): ElementNode {
  const { snippet } = view;
  const status = snippetStatus(view);
  const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate(locale, key, values);
  const children: ElementNode['children'] = [];
  const caption: ElementNode['children'] = [];
  if (typeof snippet.meta.title === 'string') caption.push(element('span', { className: ['lc-title'] }, [text(snippet.meta.title)]));
  if (snippet.kind === 'output') caption.push(element('span', { className: ['lc-badge', 'lc-badge-output'] }, [text(t('snippet.output'))]));
  if (isMarkedIntentional(snippet.meta)) caption.push(element('span', { className: ['lc-badge', 'lc-badge-intentional'] }, [text(t('snippet.intentional'))]));
  if (view.applied.length > 0) {
    caption.push(element('span', { className: ['lc-badge', 'lc-badge-corrected'] }, [text(t('snippet.corrected'))]));
  }
  if (caption.length > 0) children.push(element('figcaption', {}, caption));
  children.push(code(view.corrected, shownLang(snippet), snippet.node.meta));
  if (view.applied.length > 0) children.push(renderErrata(view, locale, t));
  if (view.remaining.length > 0) children.push(renderProblems('lc-problems', t('snippet.problems'), view.remaining, snippet, locale, t));
  if (view.taught.length > 0) children.push(renderProblems('lc-taught', t('snippet.intentionalNote'), view.taught, snippet, locale, t));
  const fields = view.fields.size > 0 ? { dataFields: JSON.stringify(Object.fromEntries(view.fields)) } : {};
  return element('figure', { className: ['lc-snippet'], dataStatus: status, dataKind: snippet.kind, dataSnippet: snippet.index, ...fields }, children);
}

/** The language a snippet is highlighted in: its fence's, or the one its content was read as. */
export function shownLang(snippet: ExtractedSnippet): string | null {
  if (snippet.inferred !== true) return snippet.lang;
  if (snippet.kind === 'shell') return 'shell';
  if (snippet.kind === 'manifest' || snippet.kind === 'yaml-fragment') return snippet.syntax ?? 'yaml';
  return snippet.lang;
}

function renderErrata(view: SnippetView, locale: Locale, t: (key: 'snippet.correctedNote' | 'snippet.showOriginal') => string): ElementNode {
  const items = view.applied.map((fix) =>
    element('li', {}, [
      inlineCode(fix.ruleId),
      text(' '),
      ...withInlineCode(localizeFix(locale, fix)),
      ...(isShort(fix.before) && isShort(fix.after) ? [text(': '), element('del', {}, [inlineCode(visible(fix.before.trim() || fix.before))]), text(' → '), element('ins', {}, [inlineCode(visible(fix.after.trim() || fix.after))])] : []),
    ]),
  );
  return element('div', { className: ['lc-errata'] }, [
    paragraph([text(t('snippet.correctedNote'))]),
    element('ul', {}, items),
    element('details', { className: ['lc-original'] }, [element('summary', {}, [text(t('snippet.showOriginal'))]), code(view.snippet.value, view.snippet.lang)]),
  ]);
}

function renderProblems(
  className: string,
  heading: string,
  messages: LessonMessage[],
  snippet: ExtractedSnippet,
  locale: Locale,
  t: (key: 'snippet.line', values: Record<string, number>) => string,
): ElementNode {
  const items = messages.map((message) =>
    element('li', { dataSeverity: message.severity }, [
      element('span', { className: ['lc-where'] }, [text(t('snippet.line', { line: Math.max(1, message.start.line - snippet.line + 1) }))]),
      text(' '),
      ...withInlineCode(localizeLessonMessage(locale, message)),
      text(' '),
      inlineCode(message.ruleId),
    ]),
  );
  return element('div', { className: [className], role: 'note' }, [paragraph([element('strong', {}, [text(heading)])]), element('ul', {}, items)]);
}

/** Changes worth showing inline: one line of reasonable length. Whitespace-only edits show their characters. */
function isShort(value: string): boolean {
  return value.length <= 100 && !value.includes('\n');
}

function visible(value: string): string {
  return value.replace(/\t/g, '⇥').replace(/ /g, value.trim() === '' ? '·' : ' ') || '∅';
}

/** Messages and fix descriptions quote code in backticks: show those parts as inline code. */
function withInlineCode(value: string): ElementNode['children'] {
  return value.split(/(`[^`]+`)/).filter(Boolean).map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? inlineCode(part.slice(1, -1)) : text(part)));
}
