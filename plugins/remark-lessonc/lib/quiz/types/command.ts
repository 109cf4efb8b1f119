import type { CommandQuestion, Response, Verdict } from '../schema.ts';
import { normalizeWhitespace } from './normalize-text.ts';

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
