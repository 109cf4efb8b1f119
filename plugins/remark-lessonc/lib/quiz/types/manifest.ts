import type { Locale } from '../../i18n.ts';
import type { ManifestQuestion, Response, Verdict } from '../schema.ts';
import { renderTextField, type QuestionInput, type Translate } from './input.ts';

/**
 * Grades a manifest answer with the build's Kubernetes validator and the question's requirements;
 * both are loaded on the first check (`grade/manifest.ts`: the YAML parser, the rules and the schema).
 */
export async function checkManifest(question: ManifestQuestion, response: Response, locale: Locale): Promise<Verdict> {
  const text = 'text' in response ? response.text : '';
  if (!text.trim()) return { status: 'unanswered', feedback: { id: 'quiz.empty' }, details: [] };
  const { gradeManifest } = await import('../grade/manifest-browser.ts');
  return gradeManifest(question, text, locale);
}

/** A monospace textarea. Tab keeps moving focus (no keyboard trap), so indent with spaces. */
export function renderManifestInput(question: ManifestQuestion, t: Translate): QuestionInput {
  return renderTextField(`${question.id}-input`, t('quiz.yourAnswer'), t('quiz.manifestPlaceholder'), { multiline: true, className: 'lc-field-manifest' });
}
