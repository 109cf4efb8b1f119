import { z } from 'zod';

/**
 * The one quiz schema: the compiler produces these objects, the site's client grades them and the
 * handouts print them. Each `type` has its own module under `quiz/types/` with render and check.
 */
const questionBase = {
  /** Stable id within the lesson: `q1`, `q2`, ... */
  id: z.string(),
  /** The number the author gave the question. */
  number: z.number().int().nonnegative(),
  /** The question as plain text. */
  prompt: z.string(),
  hints: z.array(z.string()).default([]),
  /** Markdown line of the question in the lesson. */
  line: z.number().int().positive().optional(),
};

export const CommandQuestion = z.object({
  ...questionBase,
  type: z.literal('command'),
  /** The expected command line (as corrected by lessonc fix). */
  answer: z.string(),
  /** Other accepted command lines. */
  alternatives: z.array(z.string()).default([]),
});

export const TextQuestion = z.object({
  ...questionBase,
  type: z.literal('text'),
  answer: z.string(),
  alternatives: z.array(z.string()).default([]),
});

export const ChoiceQuestion = z.object({
  ...questionBase,
  type: z.literal('choice'),
  choices: z.array(z.object({ text: z.string(), correct: z.boolean() })).min(2),
  /** More than one choice is correct: the learner must pick exactly the correct set. */
  multiple: z.boolean(),
});

export const ManifestQuestion = z.object({
  ...questionBase,
  type: z.literal('manifest'),
  /** The expected YAML manifest. */
  answer: z.string(),
  kind: z.string().optional(),
});

export const Question = z.discriminatedUnion('type', [CommandQuestion, TextQuestion, ChoiceQuestion, ManifestQuestion]);

export type Question = z.infer<typeof Question>;
export type QuestionType = Question['type'];
export type CommandQuestion = z.infer<typeof CommandQuestion>;
export type TextQuestion = z.infer<typeof TextQuestion>;
export type ChoiceQuestion = z.infer<typeof ChoiceQuestion>;
export type ManifestQuestion = z.infer<typeof ManifestQuestion>;

/** The learner's answer: typed text, or the indices of the picked choices. */
export type Response = { text: string } | { picked: number[] };

export interface Verdict {
  correct: boolean;
  /** i18n key of the feedback headline, e.g. `quiz.correct`. */
  feedback: string;
  /** Specific differences, already worded ("missing `-o wide`"). */
  details: string[];
}
