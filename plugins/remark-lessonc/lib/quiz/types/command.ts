import type { CommandQuestion, Response, Verdict } from '../schema.ts';
import { normalizeWhitespace } from './normalize-text.ts';
import { renderTextField, type QuestionInput, type Translate } from './input.ts';

/**
 * Grades a command answer. For now a whitespace-normalised comparison against the answer and its
 * alternatives; semantic grading (flag order, short names) plugs in here.
 */
export function checkCommand(question: CommandQuestion, response: Response): Verdict {
  const text = 'text' in response ? normalizeWhitespace(stripPrompt(response.text)) : '';
  if (!text) return { correct: false, feedback: 'quiz.empty', details: [] };
  const accepted = [question.answer, ...question.alternatives].map(normalizeWhitespace);
  const correct = accepted.includes(text);
  return { correct, feedback: correct ? 'quiz.correct' : 'quiz.incorrect', details: [] };
}

/** Learners often paste the prompt too (`$ kubectl ...`, `# kubectl ...`). */
function stripPrompt(line: string): string {
  return line.trim().replace(/^[$#]\s+/, '');
}

/** A one-line, monospace field; Enter submits the surrounding form. */
export function renderCommandInput(question: CommandQuestion, t: Translate): QuestionInput {
  const input = renderTextField(`${question.id}-input`, t('quiz.yourAnswer'), t('quiz.commandPlaceholder'), { className: 'lc-field-command' });
  input.element.querySelector('input')?.setAttribute('autocapitalize', 'off');
  return input;
}
