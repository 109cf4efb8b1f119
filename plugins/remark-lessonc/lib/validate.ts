import { fixSnippetText } from './fix/snippet.ts';
import { checkYamlSnippet } from './k8s/check.ts';
import { checkShellSnippet } from './kubectl/check.ts';
import { checkLessonState } from './state/lesson-state.ts';
import { checkProbeFiles } from './state/probe-file.ts';
import type { Diagnostic, RuleContext, Snippet } from './types.ts';
import { textMemo } from './memo.ts';

/** A diagnostic found by a rule that looks at the whole lesson (e.g. the lesson-state model). */
export interface LessonDiagnostic extends Diagnostic {
  snippetIndex: number;
}

/** What the lesson-wide rules share besides the snippets. */
export interface LessonRuleContext extends RuleContext {
  /**
   * A snippet's text as its author meant it: every fix of its own rules applied (unsafe ones too),
   * worked out once per lesson however many rules ask, starting from the diagnostics already found.
   */
  corrected(snippet: Snippet): string;
}

/** Rules that need every snippet of the lesson in order. */
export type LessonRule = (snippets: readonly Snippet[], context: LessonRuleContext) => LessonDiagnostic[];

const lessonRules: LessonRule[] = [checkLessonState, checkProbeFiles];

/**
 * A snippet's diagnostics by its kind, meta, context and text. The fix loop checks the whole lesson
 * again after each pass, and lesson copies repeat snippets: a snippet no fix touched is not parsed
 * and checked again. Bounded by the text it holds (16 MB).
 */
const snippetMemo = textMemo<readonly Diagnostic[]>(16 * 1024 * 1024);

/** Runs the rules that apply to one snippet's kind. `check=false` turns them all off. */
export function validateSnippet(snippet: Snippet, context: RuleContext): Diagnostic[] {
  if (snippet.meta.check === false) return [];
  const key = `${snippet.kind}\0${JSON.stringify(snippet.meta)}\0${JSON.stringify(context)}\0${snippet.value}`;
  const known = snippetMemo.get(key);
  if (known) return structuredClone(known) as Diagnostic[];
  const found = checkSnippet(snippet, context);
  snippetMemo.set(key, structuredClone(found));
  return found;
}

function checkSnippet(snippet: Snippet, context: RuleContext): Diagnostic[] {
  return guarded('while checking this snippet', () => {
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
  }, (diagnostic) => [{ ...diagnostic, end: snippet.value.length }]);
}

/**
 * A rule that throws is a bug in lessonc, not in the lesson: report it where the rule was looking and
 * go on, so one odd snippet never stops `check`, `fix` or the site build.
 */
function guarded<T extends Diagnostic>(where: string, run: () => T[], report: (diagnostic: Diagnostic) => T[]): T[] {
  try {
    return run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return report({ ruleId: 'lessonc/internal-error', severity: 'error', message: `Unexpected internal error ${where}: ${reason} (please report it)`, start: 0, end: 0 });
  }
}

/** Every snippet's own diagnostics plus the lesson-wide ones, tagged with their snippet. */
export function validateSnippets(snippets: readonly Snippet[], context: RuleContext): LessonDiagnostic[] {
  const own = new Map(snippets.map((snippet) => [snippet, validateSnippet(snippet, context)]));
  const perSnippet = snippets.flatMap((snippet) => own.get(snippet)!.map((d) => ({ ...d, snippetIndex: snippet.index })));
  const corrections = new Map<Snippet, string>();
  const lessonContext: LessonRuleContext = {
    ...context,
    corrected(snippet) {
      let text = corrections.get(snippet);
      if (text === undefined) {
        const check = (value: string) => (value === snippet.value ? own.get(snippet) : undefined) ?? validateSnippet({ ...snippet, value }, context);
        text = fixSnippetText(snippet.value, check, { unsafe: true });
        corrections.set(snippet, text);
      }
      return text;
    },
  };
  const checked = snippets.filter((snippet) => snippet.meta.check !== false);
  const lessonWide = lessonRules.flatMap((rule) =>
    guarded('in a lesson-wide rule', () => rule(checked, lessonContext), (diagnostic) => (checked[0] ? [{ ...diagnostic, snippetIndex: checked[0].index }] : [])),
  );
  return [...perSnippet, ...lessonWide];
}
