/**
 * The problems of one lesson as the dev toolbar lists them: worded in the lesson's language, each
 * with its line. Read from the file on disk, so what an author saved is what they see.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzeLesson } from '../../../plugins/remark-lessonc/index.ts';
import { localizeLessonMessage } from '../../../plugins/remark-lessonc/lib/messages.ts';
import type { Severity } from '../../../plugins/remark-lessonc/lib/types.ts';

export interface ToolbarProblem {
  line: number;
  column: number;
  severity: Severity;
  ruleId: string;
  message: string;
}

export interface LessonProblems {
  /** The lesson's id in the content collection (its path under the lessons directory, without `.md`). */
  lesson: string;
  file: string;
  problems: ToolbarProblem[];
}

/** The lesson a page shows: the one whose id ends the page's path (`/lessons/01-pod/` → `01-pod`). */
export function lessonFileForPage(lessonsDirectory: string, pathname: string): string | undefined {
  const segments = decodeURIComponent(pathname).split('/').filter(Boolean);
  for (let take = Math.min(segments.length, 3); take >= 1; take--) {
    const file = path.join(lessonsDirectory, `${segments.slice(-take).join('/')}.md`);
    if (path.resolve(file).startsWith(path.resolve(lessonsDirectory) + path.sep) && existsSync(file)) return file;
  }
  return undefined;
}

export async function lessonProblems(lessonsDirectory: string, file: string): Promise<LessonProblems> {
  const analysis = analyzeLesson(await readFile(file, 'utf8'));
  const locale = analysis.frontmatter?.lang ?? 'ko';
  return {
    lesson: path.relative(lessonsDirectory, file).replace(/\.md$/i, '').split(path.sep).join('/'),
    file: path.relative(process.cwd(), file),
    problems: analysis.messages.map((message) => ({ line: message.start.line, column: message.start.column, severity: message.severity, ruleId: message.ruleId, message: localizeLessonMessage(locale, message) })),
  };
}
