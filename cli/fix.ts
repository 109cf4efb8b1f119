import { readFile } from 'node:fs/promises';
import { createTwoFilesPatch } from 'diff';
import { analyzeLesson, type FixResult } from '../plugins/remark-lessonc/index.ts';
import { fixAnalyzedLesson } from '../plugins/remark-lessonc/lib/fix/lesson.ts';
import { writeFileAtomic } from './files.ts';

export interface FileFix {
  file: string;
  result: FixResult;
  changed: boolean;
  /** Unified diff of the change (empty when nothing changed). */
  diff: string;
  /** An `original: true` lesson: the author's notes stay as written (the site shows them corrected). */
  keptAsWritten: boolean;
}

/** Fixes one lesson; writes it (atomically) only when something changed and not in dry-run. */
export async function fixFile(file: string, options: { unsafe: boolean; dryRun: boolean }): Promise<FileFix> {
  const original = await readFile(file, 'utf8');
  const analysis = analyzeLesson(original, undefined, undefined, { asWritten: true });
  if (analysis.frontmatter?.original) return { file, result: { output: original, applied: [], passes: 0, stable: true }, changed: false, diff: '', keptAsWritten: true };
  const { result } = fixAnalyzedLesson(analysis, { unsafe: options.unsafe });
  const changed = result.output !== original;
  const diff = changed ? createTwoFilesPatch(`a/${file}`, `b/${file}`, original, result.output, '', '', { context: 3 }) : '';
  if (changed && !options.dryRun) await writeFileAtomic(file, result.output);
  return { file, result, changed, diff, keptAsWritten: false };
}
