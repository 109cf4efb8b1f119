import type { ChoiceQuestion, Response, Verdict } from '../schema.ts';

/** Grades a choice answer: the picked set must equal the set of correct choices. */
export function checkChoice(question: ChoiceQuestion, response: Response): Verdict {
  const picked = new Set('picked' in response ? response.picked : []);
  if (picked.size === 0) return { correct: false, feedback: 'quiz.empty', details: [] };
  const correct = question.choices.every((choice, i) => choice.correct === picked.has(i));
  return { correct, feedback: correct ? 'quiz.correct' : 'quiz.incorrect', details: [] };
}
