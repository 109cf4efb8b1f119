import type { Locale } from '../../i18n.ts';
import type { CommandQuestion, Response, Verdict } from '../schema.ts';
import { renderTextField, type QuestionInput, type Translate } from './input.ts';

/**
 * Grades a command answer. The same text as an accepted key (blanks aside) is right at once; anything
 * else is judged by meaning with the kubectl grammar, loaded on the first such check (`grade/command.ts`,
 * ~15 KB gzipped with the grammar): see there for the feedback.
 */
export async function checkCommand(question: CommandQuestion, response: Response, locale: Locale): Promise<Verdict> {
  const text = 'text' in response ? commandText(response.text) : '';
  if (!text) return { status: 'unanswered', feedback: { id: 'quiz.empty' }, details: [] };
  if ([question.answer, ...question.alternatives].map(commandText).includes(text)) return { status: 'right', feedback: { id: 'quiz.correct' }, details: [] };
  const { gradeCommand } = await import('../grade/command.ts');
  return gradeCommand(question, text, locale);
}

/** Whitespace-normalised, without the prompt learners often paste too (`$ kubectl ...`, `# kubectl ...`). */
export function commandText(line: string): string {
  return line.trim().replace(/^[$#]\s+/, '').replace(/\s+/g, ' ');
}

/** A one-line, monospace field; Enter submits the surrounding form. */
export function renderCommandInput(question: CommandQuestion, t: Translate): QuestionInput {
  const input = renderTextField(`${question.id}-input`, t('quiz.yourAnswer'), t('quiz.commandPlaceholder'), { className: 'lc-field-command' });
  input.element.querySelector('input')?.setAttribute('autocapitalize', 'off');
  return input;
}
