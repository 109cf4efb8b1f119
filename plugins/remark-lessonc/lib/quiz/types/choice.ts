import type { ChoiceQuestion, Response, Verdict } from '../schema.ts';
import type { QuestionInput, Translate } from './input.ts';

/** Grades a choice answer: the picked set must equal the set of correct choices. */
export function checkChoice(question: ChoiceQuestion, response: Response): Verdict {
  const picked = new Set('picked' in response ? response.picked : []);
  if (picked.size === 0) return { correct: false, feedback: 'quiz.empty', details: [] };
  const correct = question.choices.every((choice, i) => choice.correct === picked.has(i));
  return { correct, feedback: correct ? 'quiz.correct' : 'quiz.incorrect', details: [] };
}

/** Radio buttons for one correct choice, checkboxes when several are correct. */
export function renderChoiceInput(question: ChoiceQuestion, t: Translate): QuestionInput {
  const fieldset = document.createElement('fieldset');
  fieldset.className = 'lc-choices';
  const legend = document.createElement('legend');
  legend.textContent = t(question.multiple ? 'quiz.chooseMany' : 'quiz.chooseOne');
  fieldset.append(legend);
  const boxes = question.choices.map((choice, index) => {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = question.multiple ? 'checkbox' : 'radio';
    box.name = `${question.id}-choice`;
    box.value = String(index);
    label.append(box, ` ${choice.text}`);
    fieldset.append(label);
    return box;
  });
  return { element: fieldset, read: () => ({ picked: boxes.flatMap((box, index) => (box.checked ? [index] : [])) }) };
}
