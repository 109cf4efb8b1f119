/**
 * Keyword matching for text answers, tolerant the way a teacher reading Korean prose is:
 * particles (`컨테이너를`, `컨테이너가`) and spacing (`셀프 힐링` / `셀프힐링`) do not matter, case and
 * punctuation neither. Hangul keywords match anywhere in the answer with its blanks removed (a
 * particle after a word is then just more text); Latin keywords (`ready`, `pod`) match the start of a
 * Latin word of the answer, so `pod` matches `pods` but `ready` does not match `already`.
 */

/** Particles a keyword may be written with by mistake (`컨테이너를`); longest first. */
const PARTICLES = ['에서', '에게', '으로', '부터', '까지', '이랑', '하고', '은', '는', '이', '가', '을', '를', '의', '에', '로', '와', '과', '도', '만'];

const HANGUL = /[\u3131-\u318e\uac00-\ud7a3]/;

/** Lower case, NFC, no blanks or punctuation: the form both sides are compared in. */
export function compactText(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** A keyword in its comparison form: compact, and a trailing particle dropped from a Hangul word. */
export function normalizeKeyword(keyword: string): string {
  const compact = compactText(keyword);
  if (!HANGUL.test(compact)) return compact;
  const particle = PARTICLES.find((p) => compact.endsWith(p) && compact.length - p.length >= 2);
  return particle ? compact.slice(0, -particle.length) : compact;
}

/** Whether `answer` contains `keyword` in the sense above. */
export function containsKeyword(answer: string, keyword: string): boolean {
  const wanted = normalizeKeyword(keyword);
  if (!wanted) return false;
  if (HANGUL.test(wanted)) return compactText(answer).includes(wanted);
  // Latin: the keyword starts at the start of a word, and may run over blanks (`self-healing`, `self healing`).
  const words = answer.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.some((_, index) => words.slice(index).join('').startsWith(wanted));
}

/** The groups of `::keywords[…]` none of whose synonyms appear in `answer`. */
export function missingKeywordGroups(answer: string, groups: readonly (readonly string[])[]): (readonly string[])[] {
  return groups.filter((group) => !group.some((keyword) => containsKeyword(answer, keyword)));
}

/** `::keywords[준비|ready, 컨테이너]` → `[['준비', 'ready'], ['컨테이너']]`. */
export function parseKeywordList(text: string): string[][] {
  return text
    .split(/[,，、]/)
    .map((group) => group.split('|').map((word) => word.trim()).filter(Boolean))
    .filter((group) => group.length > 0);
}
