import type { Question, Response, Verdict } from './schema.ts';
import { checkChoice } from './types/choice.ts';
import { checkCommand } from './types/command.ts';
import { checkManifest } from './types/manifest.ts';
import { checkText } from './types/text.ts';

/** Dispatches to the module of the question's type. Used by the site's client and by tests. */
export function checkAnswer(question: Question, response: Response): Verdict {
  switch (question.type) {
    case 'command':
      return checkCommand(question, response);
    case 'text':
      return checkText(question, response);
    case 'choice':
      return checkChoice(question, response);
    case 'manifest':
      return checkManifest(question, response);
  }
}
