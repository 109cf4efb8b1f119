import type { ChoiceQuestion, Feedback, Response, Verdict } from '../schema.ts';
import type { QuestionInput, Translate } from './input.ts';

/**
 * Grades a choice answer: the picked set must equal the set of correct choices. After checking, the
 * author's `::why[…]` of every picked choice is shown (why it is right, or why not), and for a wrong
 * answer how many right choices were missed.
 */
export function checkChoice(question: ChoiceQuestion, response: Response): Verdict {
  const picked = new Set('picked' in response ? response.picked : []);
  if (picked.size === 0) return { status: 'unanswered', feedback: { id: 'quiz.empty' }, details: [] };
  const right = question.choices.every((choice, i) => choice.correct === picked.has(i));
  const details: Feedback[] = [];
  question.choices.forEach((choice, i) => {
    if (!picked.has(i)) return;
    if (choice.why) details.push({ id: 'quiz.choice.why', data: { choice: choice.text, why: choice.why } });
    else if (!choice.correct) details.push({ id: 'quiz.choice.notAnswer', data: { choice: choice.text } });
  });
  const missed = question.choices.filter((choice, i) => choice.correct && !picked.has(i)).length;
  if (!right && question.multiple && missed > 0) details.push({ id: 'quiz.choice.missed', data: { count: missed } });
  return { status: right ? 'right' : 'wrong', feedback: { id: right ? 'quiz.correct' : 'quiz.incorrect' }, details };
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
  return {
    element: fieldset,
    read: () => ({ picked: boxes.flatMap((box, index) => (box.checked ? [index] : [])) }),
    restore: (response) => {
      if ('picked' in response) boxes.forEach((box, index) => (box.checked = response.picked.includes(index)));
    },
  };
}

/** A choice question whose key marks no choice correct can never be answered. */
export function choiceKeyProblems(question: ChoiceQuestion): Feedback[] {
  return question.choices.some((choice) => choice.correct) ? [] : [{ id: 'rule.quiz/invalid-key.choice', data: { number: question.number } }];
}
