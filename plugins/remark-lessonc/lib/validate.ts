import { checkYamlSnippet } from './k8s/check.ts';
import { checkShellSnippet } from './kubectl/check.ts';
import { checkLessonState } from './state/lesson-state.ts';
import { checkProbeFiles } from './state/probe-file.ts';
import type { Diagnostic, RuleContext, Snippet } from './types.ts';

/** A diagnostic found by a rule that looks at the whole lesson (e.g. the lesson-state model). */
export interface LessonDiagnostic extends Diagnostic {
  snippetIndex: number;
}

/** Rules that need every snippet of the lesson in order. */
export type LessonRule = (snippets: readonly Snippet[], context: RuleContext) => LessonDiagnostic[];

const lessonRules: LessonRule[] = [checkLessonState, checkProbeFiles];

/** Runs the rules that apply to one snippet's kind. `check=false` turns them all off. */
export function validateSnippet(snippet: Snippet, context: RuleContext): Diagnostic[] {
  if (snippet.meta.check === false) return [];
  switch (snippet.kind) {
    case 'manifest':
    case 'yaml-fragment':
    case 'yaml':
      return checkYamlSnippet(snippet.value, snippet.meta, context);
    case 'shell':
      return checkShellSnippet(snippet.value);
    default:
      return [];
  }
}

/** Every snippet's own diagnostics plus the lesson-wide ones, tagged with their snippet. */
export function validateSnippets(snippets: readonly Snippet[], context: RuleContext): LessonDiagnostic[] {
  const perSnippet = snippets.flatMap((snippet) => validateSnippet(snippet, context).map((d) => ({ ...d, snippetIndex: snippet.index })));
  const checked = snippets.filter((snippet) => snippet.meta.check !== false);
  const lessonWide = lessonRules.flatMap((rule) => rule(checked, context));
  return [...perSnippet, ...lessonWide];
}
