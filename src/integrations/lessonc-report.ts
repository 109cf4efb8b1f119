/**
 * `astro build` reports each lesson's problems once, from the compile that renders its page: the
 * remark plugin hands every compiled file to this integration (COMPILED_FILE_HOOK), which prints
 * them at the end of the build like `lessonc check` does, with its summary. Lessons Astro did not
 * compile again (its content cache had them) are reported from lessonc's cache, which the compiles
 * of this and earlier builds filled, so a rebuild still lists the whole course's problems; a lesson
 * in neither is checked (`lessonc check`'s own cached result when it has one). The build's entries
 * are a kind of their own (`site`): Astro's pipeline runs smartypants before the compiler, so a
 * message quoting prose may differ from `lessonc check`'s, and neither may stand in for the other.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import type { VFile } from 'vfile';
import { checkFile, formatText, isReportedMessages, toReported, type FileReport, type ReportedMessage } from '../../cli/check.ts';
import { resultCache } from '../../plugins/remark-lessonc/lib/cache.ts';
import { lessonFiles } from '../../cli/files.ts';
import { COMPILED_FILE_HOOK } from '../../plugins/remark-lessonc/lib/plugin.ts';
import { DEFAULT_MAX_LESSON_SIZE } from '../../plugins/remark-lessonc/lib/lesson-size.ts';
import { localeFromEnvironment } from '../../plugins/remark-lessonc/lib/messages.ts';

export interface LessoncReportOptions {
  lessonsDirectory: string;
  /** Where the summary goes (tests); default stdout. */
  write?: (text: string) => void;
}

export default function lessoncReport(options: LessoncReportOptions): AstroIntegration {
  const lessonsDirectory = path.resolve(options.lessonsDirectory);
  const locale = localeFromEnvironment(process.env);
  const key = { kind: 'site', locale, maxLessonSize: DEFAULT_MAX_LESSON_SIZE };
  const siteCache = resultCache('site', isReportedMessages);
  // Each compiled lesson's messages, taken when it is compiled, and the Markdown it was given. Not
  // the file itself: its data holds the lesson's trees and analysis, and keeping a thousand of
  // them to the end of the build more than doubled its garbage collection.
  const compiled = new Map<string, { messages: ReportedMessage[]; body: string }>();
  let building = false;
  let compiles = 0;
  return {
    name: 'lessonc:report',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
        if (!building) return;
        (globalThis as Record<symbol, unknown>)[COMPILED_FILE_HOOK] = (file: VFile) => {
          if (!file.path || !path.resolve(file.path).startsWith(lessonsDirectory + path.sep)) return;
          compiles++;
          compiled.set(path.resolve(file.path), { messages: file.messages.map((message) => toReported(message, locale)), body: String(file) });
        };
      },
      'astro:build:done': async ({ logger }) => {
        if (!building) return;
        delete (globalThis as Record<symbol, unknown>)[COMPILED_FILE_HOOK];
        const reports: FileReport[] = [];
        let fromCompile = 0;
        for (const file of await lessonFiles([lessonsDirectory])) {
          if (path.basename(file).startsWith('_')) continue;
          const shown = path.relative(process.cwd(), file);
          const compile = compiled.get(path.resolve(file));
          // Synchronous on purpose, as in `lessonc check`'s cache pass: a thousand awaited reads, one
          // after another, left the build idle for a quarter of a second.
          const text = readFileSync(file, 'utf8');
          if (compile) {
            fromCompile++;
            const lines = bodyLineOffset(text, compile.body);
            const messages = compile.messages.map((message) => shiftLines(message, lines));
            siteCache.set(text, key, messages);
            reports.push({ file: shown, messages });
          } else {
            const messages = siteCache.get(text, key);
            reports.push(messages ? { file: shown, messages } : { ...(await checkFile(file, locale)), file: shown });
          }
        }
        const compiledLessons = compiled.size;
        compiled.clear();
        const write = options.write ?? ((text: string) => process.stdout.write(`${text}\n`));
        write(formatText(reports, process.stdout.isTTY === true, locale));
        logger.info(`${compiles} compile${compiles === 1 ? '' : 's'} of ${compiledLessons} lesson${compiledLessons === 1 ? '' : 's'} in this build, ${reports.length - fromCompile} reported from the cache`);
        compiles = 0;
      },
    },
  };
}

/**
 * Astro hands the compiler a lesson without its frontmatter, so the compile's positions count from
 * the body; the report counts from the file, as `lessonc check` does. How many lines come before
 * the body (0 when the compiled text is not the file's tail).
 */
export function bodyLineOffset(fileText: string, compiledText: string): number {
  // Astro trims the body's end: compare without trailing whitespace.
  const text = fileText.replace(/^\uFEFF/, '').trimEnd();
  const body = compiledText.trimEnd();
  if (body.length === 0 || !text.endsWith(body)) return 0;
  return text.slice(0, text.length - body.length).split('\n').length - 1;
}

function shiftLines(message: ReportedMessage, lines: number): ReportedMessage {
  if (lines === 0) return message;
  return {
    ...message,
    line: message.line + lines,
    endLine: message.endLine + lines,
    ...(message.fix ? { fix: { ...message.fix, edits: message.fix.edits.map((edit) => ({ ...edit, line: edit.line + lines, endLine: edit.endLine + lines })) } } : {}),
  };
}
