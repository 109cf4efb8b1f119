import type { Locale } from '../i18n.ts';
import type { Question, Response, Verdict } from './schema.ts';
import { checkChoice } from './types/choice.ts';
import { checkCommand } from './types/command.ts';
import { checkManifest } from './types/manifest.ts';
import { checkText } from './types/text.ts';

/**
 * Dispatches to the module of the question's type. Text and choice answers are graded at once;
 * command and manifest answers load their grader (grammar, validator) on first use.
 */
export async function checkAnswer(question: Question, response: Response, locale: Locale = 'en'): Promise<Verdict> {
  switch (question.type) {
    case 'command':
      return checkCommand(question, response, locale);
    case 'text':
      return checkText(question, response);
    case 'choice':
      return checkChoice(question, response);
    case 'manifest':
      return checkManifest(question, response, locale);
  }
}
