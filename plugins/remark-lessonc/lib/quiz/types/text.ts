import type { MessageKey } from '../../i18n.ts';
import type { Response, TextQuestion, Verdict } from '../schema.ts';
import { normalizeWhitespace } from './normalize-text.ts';

/** Grades a short text answer: case- and whitespace-insensitive match with any accepted answer. */
export function checkText(question: TextQuestion, response: Response): Verdict {
  const text = 'text' in response ? normalizeWhitespace(response.text).toLowerCase() : '';
  if (!text) return { correct: false, feedback: 'quiz.empty', details: [] };
  const accepted = [question.answer, ...question.alternatives].map((a) => normalizeWhitespace(a).toLowerCase());
  const correct = accepted.includes(text);
  return { correct, feedback: correct ? 'quiz.correct' : 'quiz.incorrect', details: [] };
}

/** Looks up a UI string; the client passes `translate` bound to the page's language. */
export type Translate = (key: MessageKey) => string;

/** A question's input on the page, and how to read the learner's answer out of it. */
export interface QuestionInput {
  element: HTMLElement;
  read(): Response;
}

/** A labelled one-line input or textarea; shared by the typed-answer question types. */
export function renderTextField(id: string, label: string, placeholder: string, options: { multiline?: boolean; className: string }): QuestionInput {
  const wrapper = document.createElement('div');
  wrapper.className = `lc-field ${options.className}`;
  const labelElement = document.createElement('label');
  labelElement.htmlFor = id;
  labelElement.textContent = label;
  const field = options.multiline ? document.createElement('textarea') : document.createElement('input');
  field.id = id;
  field.name = id;
  field.placeholder = placeholder;
  field.autocomplete = 'off';
  field.spellcheck = false;
  if (field instanceof HTMLTextAreaElement) field.rows = 10;
  else field.type = 'text';
  wrapper.append(labelElement, field);
  return { element: wrapper, read: () => ({ text: field.value }) };
}

export function renderTextInput(question: TextQuestion, t: Translate): QuestionInput {
  return renderTextField(`${question.id}-input`, t('quiz.yourAnswer'), t('quiz.answerPlaceholder'), { className: 'lc-field-text' });
}
