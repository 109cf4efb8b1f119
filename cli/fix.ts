import { lstat, readFile, realpath } from 'node:fs/promises';
import type { FixResult } from '../plugins/remark-lessonc/index.ts';
import { resultCache } from '../plugins/remark-lessonc/lib/cache.ts';
import { DEFAULT_MAX_LESSON_SIZE, lessonSizeProblem } from '../plugins/remark-lessonc/lib/lesson-size.ts';
import { writeFileAtomic } from './files.ts';

export interface FileFix {
  file: string;
  /** Null when the file was refused (not a regular file, too large). */
  result: FixResult | null;
  changed: boolean;
  /** Unified diff of the change (empty when nothing changed). */
  diff: string;
  /** Why the file was not fixed, or not written: said to the user, and `fix` exits 1. */
  problem?: string;
  /** An `original: true` lesson: the author's notes stay as written (the site shows them corrected). */
  keptAsWritten: boolean;
}

export interface FixFileOptions {
  unsafe: boolean;
  dryRun: boolean;
  /** Lessons over this many bytes are refused (default 8 MiB). */
  maxLessonSize?: number;
}

/**
 * Fixes one lesson; writes it (atomically) only when something changed and not in dry-run. Only a
 * regular file is written: a symbolic link is refused (writing through it could change a file
 * outside the course, and replacing it would break the link), so is a lesson over the size limit.
 * An edit saved while lessonc was fixing is never overwritten: the file is left as it is.
 */
export async function fixFile(file: string, options: FixFileOptions): Promise<FileFix> {
  const refused = (problem: string): FileFix => ({ file, result: null, changed: false, diff: '', problem, keptAsWritten: false });
  const info = await lstat(file);
  if (info.isSymbolicLink()) return refused(`is a symbolic link, not fixed: lessonc fix writes only regular files (fix its target ${await realpath(file).catch(() => '?')} instead)`);
  if (!info.isFile()) return refused('is not a regular file, not fixed');
  const tooLarge = lessonSizeProblem(info.size, options.maxLessonSize ?? DEFAULT_MAX_LESSON_SIZE);
  if (tooLarge) return refused(tooLarge.message);
  const original = await readFile(file, 'utf8');
  const fixed = await fixText(original, options.unsafe);
  if (fixed === 'original') return { file, result: { output: original, applied: [], passes: 0, stable: true }, changed: false, diff: '', keptAsWritten: true };
  const result = fixed;
  const changed = result.output !== original;
  const diff = changed ? (await import('diff')).createTwoFilesPatch(`a/${file}`, `b/${file}`, original, result.output, '', '', { context: 3 }) : '';
  if (changed && !options.dryRun && !(await writeFileAtomic(file, result.output, { expected: original }))) {
    return { file, result, changed: false, diff, problem: 'changed on disk while lessonc was fixing it: left it as it is now (run `lessonc fix` again)', keptAsWritten: false };
  }
  return { file, result, changed, diff, keptAsWritten: false };
}

type FixOutcome = FixResult | 'original';

/** Fix results by lesson text and options (the same cache as `lessonc check`'s). */
const fixCache = resultCache('fix', (value): value is FixOutcome =>
  value === 'original' || (!!value && typeof value === 'object' && typeof (value as FixResult).output === 'string' && Array.isArray((value as FixResult).applied) && Number.isInteger((value as FixResult).passes) && typeof (value as FixResult).stable === 'boolean'),
);

/**
 * The fix loop for one lesson text, or `original` for a lesson kept as written. The first pass's
 * check is the analysis that reads the frontmatter (one parse per pass); a byte order mark the
 * analysis strips is put back.
 */
async function fixText(text: string, unsafe: boolean): Promise<FixOutcome> {
  const key = { kind: 'fix', unsafe };
  const cached = fixCache.get(text, key);
  if (cached) return cached;
  const [{ analyzeLesson }, { fixAnalyzedLesson, keepBom }] = await Promise.all([import('../plugins/remark-lessonc/lib/analyze.ts'), import('../plugins/remark-lessonc/lib/fix/lesson.ts')]);
  const analysis = analyzeLesson(text, undefined, undefined, { asWritten: true });
  let outcome: FixOutcome;
  if (analysis.frontmatter?.original) outcome = 'original';
  else {
    const { result } = fixAnalyzedLesson(analysis, { unsafe });
    outcome = { ...result, output: keepBom(text, result.output) };
  }
  fixCache.set(text, key, outcome);
  return outcome;
}
