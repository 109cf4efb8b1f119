import * as z from 'zod';
import type { MessageKey } from '../i18n.ts';

/**
 * The one quiz schema: the compiler builds these objects (and validates them here, at build time
 * only), the site's client grades them and the handouts print them. The browser never runs zod: it
 * reads the compiler's JSON with the types below (`import type`). Each `type` has its own module
 * under `quiz/types/` with its input renderer and its check.
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
  /** Other accepted command lines (`::alternative[…]`). */
  alternatives: z.array(z.string()).default([]),
});

export const TextQuestion = z.object({
  ...questionBase,
  type: z.literal('text'),
  /** The model answer the learner compares theirs with (may be empty when keywords are given). */
  answer: z.string(),
  alternatives: z.array(z.string()).default([]),
  /**
   * `::keywords[준비|ready, 컨테이너]`: every group must appear in the answer (any of its `|`
   * synonyms), Korean particles and spacing ignored; then the answer is accepted without self-marking.
   */
  keywords: z.array(z.array(z.string().min(1)).min(1)).default([]),
});

export const Choice = z.object({
  text: z.string(),
  correct: z.boolean(),
  /** `::why[…]` / `:why[…]` after the choice: shown after checking when the choice was picked or missed. */
  why: z.string().optional(),
});

export const ChoiceQuestion = z.object({
  ...questionBase,
  type: z.literal('choice'),
  // Fewer than two choices, or none correct, is reported by `quiz/invalid-key` rather than refused here.
  choices: z.array(Choice),
  /** More than one choice is correct: the learner must pick exactly the correct set. */
  multiple: z.boolean(),
});

/** One graded field of a manifest answer: `spec.containers[0].image` = `redis123`; no value: must be present. */
export const Requirement = z.object({ path: z.string().min(1), value: z.string().optional() });

export const ManifestQuestion = z.object({
  ...questionBase,
  type: z.literal('manifest'),
  /** The expected YAML manifest (the model answer). */
  answer: z.string(),
  kind: z.string().optional(),
  /** Kubernetes version the answer is validated against. */
  kubernetes: z.string().default('1.32'),
  /**
   * What the answer is graded on: `::require[…]`, or by default the key's `kind`, `metadata.name`
   * and every leaf value under `spec`. Extra valid fields in the answer do not make it wrong.
   */
  require: z.array(Requirement).default([]),
});

export const Question = z.discriminatedUnion('type', [CommandQuestion, TextQuestion, ChoiceQuestion, ManifestQuestion]);

export type Question = z.infer<typeof Question>;
export type QuestionType = Question['type'];
export type CommandQuestion = z.infer<typeof CommandQuestion>;
export type TextQuestion = z.infer<typeof TextQuestion>;
export type ChoiceQuestion = z.infer<typeof ChoiceQuestion>;
export type ManifestQuestion = z.infer<typeof ManifestQuestion>;
export type Requirement = z.infer<typeof Requirement>;

/** The learner's answer: typed text, or the indices of the picked choices. */
export type Response = { text: string } | { picked: number[] };

/** One worded line of feedback: a `quiz.*` catalogue key and its parameters (code, names: not translated). */
export interface Feedback {
  id: MessageKey;
  data?: Record<string, string | number>;
}

/**
 * - `right` / `wrong`: graded;
 * - `self-mark`: a text answer the grader cannot judge: the learner compares it with the model answer
 *   and marks it themselves;
 * - `unanswered`: nothing to grade (empty field, nothing picked).
 */
export type VerdictStatus = 'right' | 'wrong' | 'self-mark' | 'unanswered';

export interface Verdict {
  status: VerdictStatus;
  /** The headline (`quiz.correct`, `quiz.incorrect`, ...). */
  feedback: Feedback;
  /** What the teacher would add: differences, problems at their line, why a choice is (not) right. */
  details: Feedback[];
}
