/** What the question types share on the page: the input contract and a labelled text field. */
import type { MessageKey } from '../../i18n.ts';
import type { Response } from '../schema.ts';

/** Looks up a UI string of the page's language (the client reads them from the compiler's markup). */
export type Translate = (key: MessageKey, data?: Record<string, string | number>) => string;

/** A question's input on the page, how to read the learner's answer out of it, and put one back. */
export interface QuestionInput {
  element: HTMLElement;
  read(): Response;
  restore(response: Response): void;
}

/** A labelled one-line input or textarea; shared by the typed-answer question types. */
export function renderTextField(id: string, label: string, placeholder: string, options: { multiline?: boolean; rows?: number; className: string }): QuestionInput {
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
  if (field instanceof HTMLTextAreaElement) field.rows = options.rows ?? 10;
  else field.type = 'text';
  wrapper.append(labelElement, field);
  return {
    element: wrapper,
    read: () => ({ text: field.value }),
    restore: (response) => {
      if ('text' in response) field.value = response.text;
    },
  };
}
