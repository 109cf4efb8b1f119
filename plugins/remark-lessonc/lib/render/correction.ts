import type { PhrasingContent } from 'mdast';
import type { Correction } from '../extract/corrections.ts';
import { translate, type Locale } from '../i18n.ts';
import { element, text } from './nodes.ts';

/**
 * An erratum the learner sees, on the page and in print: a label, the original wording struck
 * through, and the correction. Plain `del`/`ins` with visible words, so it reads without styles.
 */
export function renderCorrection(correction: Correction, locale: Locale): void {
  const { node } = correction;
  const t = (key: 'correction.label' | 'correction.original' | 'correction.removed') => translate(locale, key);
  const corrected = node.children;
  const parts = [
    element('span', { className: ['lc-correction-label'] }, [text(t('correction.label'))]),
    text(` ${t('correction.original')}: `),
    element('del', { className: ['lc-correction-original'] }, [text(correction.original ?? '')]),
    text(' → '),
    corrected.length > 0
      ? element('ins', { className: ['lc-correction-text'] }, corrected as never)
      : element('span', { className: ['lc-correction-text', 'lc-correction-removed'] }, [text(t('correction.removed'))]),
    ...(correction.note ? [text(' '), element('span', { className: ['lc-correction-note'] }, [text(`(${correction.note})`)])] : []),
  ];
  // mdast-util-to-hast turns a node with `data.hName` into that element.
  (node as { data?: unknown }).data = { hName: node.type === 'textDirective' ? 'span' : 'p', hProperties: { className: ['lc-correction'], role: 'note' } };
  node.children = parts as unknown as PhrasingContent[];
}
