import type { Feedback, Response, TextQuestion, Verdict } from '../schema.ts';
import { compactText, missingKeywordGroups } from '../keywords.ts';
import { renderTextField, type QuestionInput, type Translate } from './input.ts';

/**
 * Grades a prose answer as a teacher would: the model answer itself (spacing, case and punctuation
 * aside) or every `::keywords[…]` group present is right; anything else is for the learner to judge
 * against the model answer (`self-mark`), told which key terms were not found.
 */
export function checkText(question: TextQuestion, response: Response): Verdict {
  const text = 'text' in response ? response.text.trim() : '';
  if (!text) return { status: 'unanswered', feedback: { id: 'quiz.empty' }, details: [] };
  const accepted = [question.answer, ...question.alternatives].map(compactText).filter(Boolean);
  if (accepted.includes(compactText(text))) return { status: 'right', feedback: { id: 'quiz.correct' }, details: [] };
  if (question.keywords.length > 0) {
    const missing = missingKeywordGroups(text, question.keywords);
    if (missing.length === 0) return { status: 'right', feedback: { id: 'quiz.correct' }, details: [{ id: 'quiz.text.keywordsFound' }] };
    return { status: 'self-mark', feedback: { id: 'quiz.selfMark.prompt' }, details: missing.map((group) => ({ id: 'quiz.text.missingKeyword', data: { keyword: group.join(' / ') } })) };
  }
  return { status: 'self-mark', feedback: { id: 'quiz.selfMark.prompt' }, details: [] };
}

export function renderTextInput(question: TextQuestion, t: Translate): QuestionInput {
  return renderTextField(`${question.id}-input`, t('quiz.yourAnswer'), t('quiz.answerPlaceholder'), { multiline: true, rows: 3, className: 'lc-field-text' });
}

/** A text key needs something to compare with: a model answer or keywords. */
export function textKeyProblems(question: TextQuestion): Feedback[] {
  return question.answer.trim() || question.keywords.length > 0 ? [] : [{ id: 'rule.quiz/invalid-key.text', data: { number: question.number } }];
}
