import { boundedToJs, parseYamlDocuments } from '../../yaml/parse.ts';
import { yamlTextLimit } from '../../yaml/limits.ts';
import type { ManifestQuestion, Response, Verdict } from '../schema.ts';
import { renderTextField, type QuestionInput, type Translate } from './input.ts';

/**
 * Grades a manifest answer by meaning, not text: both sides are parsed and compared as data, so key
 * order, quoting and indentation style do not matter.
 */
export function checkManifest(question: ManifestQuestion, response: Response): Verdict {
  const text = 'text' in response ? response.text : '';
  if (!text.trim()) return { correct: false, feedback: 'quiz.empty', details: [] };
  const expected = parseDocuments(question.answer);
  const actual = parseDocuments(text);
  if (actual === null) return { correct: false, feedback: 'quiz.invalidYaml', details: [] };
  const details: string[] = [];
  compareValues(expected, actual, '', details);
  return { correct: details.length === 0, feedback: details.length === 0 ? 'quiz.correct' : 'quiz.incorrect', details };
}

/** The documents as data; null for invalid YAML or YAML over lessonc's limits (size, depth, aliases). */
function parseDocuments(text: string): unknown[] | null {
  if (yamlTextLimit(text)) return null;
  const documents = parseYamlDocuments(text);
  if (documents.some((d) => d.errors.length > 0)) return null;
  const values = documents.map(boundedToJs);
  if (values.some((value) => value === undefined)) return null;
  return values.filter((d) => d !== null);
}

function compareValues(expected: unknown, actual: unknown, path: string, details: string[]): void {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) details.push(`\`${path || '.'}\`: expected ${expected.length} items, got ${actual.length}`);
    expected.forEach((item, i) => compareValues(item, actual[i], `${path}[${i}]`, details));
    return;
  }
  if (isRecord(expected) && isRecord(actual)) {
    for (const key of Object.keys(expected)) {
      const child = path ? `${path}.${key}` : key;
      if (!(key in actual)) details.push(`missing \`${child}\``);
      else compareValues(expected[key], actual[key], child, details);
    }
    for (const key of Object.keys(actual)) if (!(key in expected)) details.push(`unexpected \`${path ? `${path}.${key}` : key}\``);
    return;
  }
  if (String(expected) !== String(actual)) details.push(`\`${path}\`: expected \`${String(expected)}\`, got \`${String(actual)}\``);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A monospace textarea. Tab keeps moving focus (no keyboard trap), so indent with spaces. */
export function renderManifestInput(question: ManifestQuestion, t: Translate): QuestionInput {
  return renderTextField(`${question.id}-input`, t('quiz.yourAnswer'), t('quiz.manifestPlaceholder'), { multiline: true, className: 'lc-field-manifest' });
}
