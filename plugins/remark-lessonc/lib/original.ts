import type { LessonAnalysis, LessonMessage } from './analyze.ts';
import { fixAnalyzedLesson } from './fix/lesson.ts';

/**
 * A lesson marked `original: true` is an author's notes kept as written: the site shows every
 * snippet corrected (the render stage applies all fixes, unsafe ones too, and lists them as
 * errata), so a problem those fixes resolve is a warning. A problem still there after them is
 * what a learner would see unresolved: it stays an error.
 */
export function downgradeResolvedProblems(analysis: LessonAnalysis, reanalyze: (markdown: string) => LessonAnalysis): LessonMessage[] {
  if (!analysis.messages.some((message) => message.severity === 'error' && message.snippetIndex !== null)) return analysis.messages;
  const { result, analysis: fixed } = fixAnalyzedLesson(analysis, { unsafe: true });
  const after = fixed ?? reanalyze(result.output);
  // Fixes only edit snippet text, so a snippet keeps its index; a rule that still fires in the
  // corrected snippet has a problem no fix resolved.
  const unresolved = new Set(after.messages.filter((message) => message.severity === 'error').map(problemKey));
  return analysis.messages.map((message) =>
    message.severity === 'error' && message.snippetIndex !== null && !unresolved.has(problemKey(message)) ? { ...message, severity: 'warning' } : message,
  );
}

function problemKey(message: LessonMessage): string {
  return `${message.snippetIndex}\u0000${message.ruleId}`;
}
