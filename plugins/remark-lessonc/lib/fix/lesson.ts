import { analyzeLesson, type LessonAnalysis, type LessonMessage } from '../analyze.ts';
import type { Edit } from '../types.ts';
import { applyEdits, selectNonOverlapping } from './apply.ts';
import { reparseLesson, withoutBom } from '../parse.ts';
import type { MessageKey } from '../i18n.ts';
import type { MessageData } from '../messages.ts';

export interface FixOptions {
  /** Also apply unsafe fixes (moving fields, changing image names). */
  unsafe?: boolean;
  /** At most this many check → fix passes (default 10). */
  maxPasses?: number;
}

/** A fix that was applied, for errata: which rule, what it said, and the text it replaced. */
export interface AppliedFix {
  ruleId: string;
  message: string;
  description: string;
  /** Catalogue ids and parameters of `message` and `description`, to word them in the lesson's language. */
  messageId?: MessageKey;
  data?: MessageData;
  descriptionId?: MessageKey;
  descriptionData?: MessageData;
  safe: boolean;
  snippetIndex: number | null;
  /** The line the fix changed, before and after; for a fix over several lines, the text it spans. */
  before: string;
  after: string;
  pass: number;
}

export interface FixResult {
  output: string;
  applied: AppliedFix[];
  passes: number;
  /** False when fixes were still pending after `maxPasses`. */
  stable: boolean;
}

/**
 * The fix stage: check, apply every non-overlapping fix the options allow, check again, until
 * nothing is left to apply. Edits only touch snippet text, so prose is never rewritten.
 */
export function fixLesson(markdown: string, options: FixOptions = {}): FixResult {
  const result = fixAnalyzedLesson(analyzeLesson(markdown), options).result;
  return { ...result, output: keepBom(markdown, result.output) };
}

/** The analysis works on the text after a byte order mark; the file keeps its mark. */
export function keepBom(markdown: string, output: string): string {
  return markdown.slice(0, markdown.length - withoutBom(markdown).length) + output;
}

/**
 * The fix loop starting from an analysis the caller already has (the render stage's), so its first
 * pass is not checked twice. Also returns the analysis of the output when the loop ended stable:
 * the check that found nothing left to apply is the output's check.
 */
export function fixAnalyzedLesson(analysis: LessonAnalysis, options: FixOptions = {}): { result: FixResult; analysis?: LessonAnalysis } {
  // An original lesson's check (which problems the fixes resolve) and its render (the corrected
  // page) run the same loop on the same analysis: it runs once.
  const key = `${options.unsafe === true}:${options.maxPasses ?? 10}`;
  let byOptions = fixMemo.get(analysis);
  if (!byOptions) fixMemo.set(analysis, (byOptions = new Map()));
  const known = byOptions.get(key);
  if (known) return known;
  const outcome = runFixLoop(analysis, options);
  byOptions.set(key, outcome);
  return outcome;
}

const fixMemo = new WeakMap<LessonAnalysis, Map<string, { result: FixResult; analysis?: LessonAnalysis }>>();

function runFixLoop(analysis: LessonAnalysis, options: FixOptions): { result: FixResult; analysis?: LessonAnalysis } {
  const maxPasses = options.maxPasses ?? 10;
  const applied: AppliedFix[] = [];
  let current = analysis;
  let text = analysis.markdown;
  for (let pass = 1; pass <= maxPasses; pass++) {
    if (current.markdown !== text) current = analyzeLesson(text, reparseLesson(text, current), undefined, { asWritten: true });
    const candidates = current.messages.filter(
      (message): message is LessonMessage & { fix: NonNullable<LessonMessage['fix']> } =>
        message.fix !== undefined && (message.fix.safe || options.unsafe === true) && message.fix.edits.length > 0,
    );
    const picked = selectNonOverlapping(candidates.map((message) => ({ message, edits: message.fix.edits })));
    const changing = picked.filter(({ edits }) => edits.some((edit) => text.slice(edit.start, edit.end) !== edit.text));
    if (changing.length === 0) return { result: { output: text, applied, passes: pass - 1, stable: true }, analysis: current };
    for (const { message, edits } of changing) {
      applied.push({
        ruleId: message.ruleId,
        message: message.message,
        description: message.fix.description,
        ...(message.messageId ? { messageId: message.messageId, data: message.data } : {}),
        ...(message.fix.descriptionId ? { descriptionId: message.fix.descriptionId, descriptionData: message.fix.descriptionData } : {}),
        safe: message.fix.safe,
        snippetIndex: message.snippetIndex,
        ...beforeAfter(text, edits),
        pass,
      });
    }
    text = applyEdits(text, changing.flatMap(({ edits }) => edits));
  }
  return { result: { output: text, applied, passes: maxPasses, stable: false } };
}

/** What a reader of the errata needs: the whole line before and after, when the fix stays on one line. */
function beforeAfter(text: string, edits: Edit[]): { before: string; after: string } {
  const start = Math.min(...edits.map((edit) => edit.start));
  const end = Math.max(...edits.map((edit) => edit.end));
  if (text.slice(start, end).includes('\n') || edits.some((edit) => edit.text.includes('\n'))) {
    const shifted = edits.map((edit) => ({ ...edit, start: edit.start - start, end: edit.end - start }));
    return { before: text.slice(start, end), after: applyEdits(text.slice(start, end), shifted) };
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const line = text.slice(lineStart, newline === -1 ? text.length : newline);
  return { before: line, after: applyEdits(line, edits.map((edit) => ({ ...edit, start: edit.start - lineStart, end: edit.end - lineStart }))) };
}
