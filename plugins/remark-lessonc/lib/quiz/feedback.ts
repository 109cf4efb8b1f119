import type { Translate } from './types/input.ts';
import type { Feedback, Verdict } from './schema.ts';

/** A verdict in words: its headline and its details, in the language `t` speaks. */
export function wordVerdict(verdict: Verdict, t: Translate): { headline: string; details: string[] } {
  return { headline: wordFeedback(verdict.feedback, t), details: verdict.details.map((detail) => wordFeedback(detail, t)) };
}

export function wordFeedback(feedback: Feedback, t: Translate): string {
  return t(feedback.id, feedback.data);
}
