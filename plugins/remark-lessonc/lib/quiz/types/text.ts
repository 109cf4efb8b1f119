import type { Response, TextQuestion, Verdict } from '../schema.ts';
import { renderTextField, type QuestionInput, type Translate } from './input.ts';
import { normalizeWhitespace } from './normalize-text.ts';

/** Grades a short text answer: case- and whitespace-insensitive match with any accepted answer. */
export function checkText(question: TextQuestion, response: Response): Verdict {
  const text = 'text' in response ? normalizeWhitespace(response.text).toLowerCase() : '';
  if (!text) return { correct: false, feedback: 'quiz.empty', details: [] };
  const accepted = [question.answer, ...question.alternatives].map((a) => normalizeWhitespace(a).toLowerCase());
  const correct = accepted.includes(text);
  return { correct, feedback: correct ? 'quiz.correct' : 'quiz.incorrect', details: [] };
}

export function renderTextInput(question: TextQuestion, t: Translate): QuestionInput {
  return renderTextField(`${question.id}-input`, t('quiz.yourAnswer'), t('quiz.answerPlaceholder'), { className: 'lc-field-text' });
}
