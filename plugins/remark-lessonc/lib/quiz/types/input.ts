/** What the question types share on the page: the input contract and a labelled text field. */
import type { MessageKey } from '../../i18n.ts';
import type { Response } from '../schema.ts';

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
