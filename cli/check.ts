import { readFileSync, statSync } from 'node:fs';
import type { VFileMessage } from 'vfile-message';
import type { Point } from '../plugins/remark-lessonc/lib/extract/positions.ts';
import { resultCache } from '../plugins/remark-lessonc/lib/cache.ts';
import { DEFAULT_MAX_LESSON_SIZE, lessonSizeProblem } from '../plugins/remark-lessonc/lib/lesson-size.ts';
import { translate, type Locale, type MessageKey } from '../plugins/remark-lessonc/lib/i18n.ts';
import { localizeFix, localizeLessonMessage, type MessageData } from '../plugins/remark-lessonc/lib/messages.ts';

export interface ReportedMessage {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: { safe: boolean; description: string; edits: ReportedEdit[] };
}

/** Replace the text from line:column up to endLine:endColumn (1-based, end exclusive) with `text`. */
export interface ReportedEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

export interface FileReport {
  file: string;
  messages: ReportedMessage[];
}

/**
 * The check pipeline (the same plugin the site uses), loaded on first use: a run answered from the
 * cache never loads the compiler.
 */
let checker: Promise<(file: string, text: string) => Promise<VFileMessage[]>> | undefined;
function loadChecker() {
  checker ??= (async () => {
    const [{ unified }, { default: remarkParse }, { default: remarkFrontmatter }, { default: remarkGfm }, { default: remarkLessonc }, { VFile }] = await Promise.all([
      import('unified'),
      import('remark-parse'),
      import('remark-frontmatter'),
      import('remark-gfm'),
      import('../plugins/remark-lessonc/lib/plugin.ts'),
      import('vfile'),
    ]);
    const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkLessonc, { render: false });
    return async (path: string, text: string) => {
      const vfile = new VFile({ path, value: text });
      await processor.run(processor.parse(vfile), vfile);
      return vfile.messages;
    };
  })();
  return checker;
}

/**
 * The report of a lesson when it needs no compile (too large, or in the cache); otherwise its text,
 * for `compileCheck`.
 */
export async function knownCheck(file: string, locale: Locale, maxLessonSize: number): Promise<{ report: FileReport } | { text: string }> {
  // Synchronous on purpose: the CLI asks for one file after another, and each promise of
  // fs/promises is a round trip through libuv's threads that left the CLI idle for about 0.4 s
  // of a 0.65 s cached check of 1000 lessons; the cache lookup below reads synchronously too.
  const tooLarge = lessonSizeProblem(statSync(file).size, maxLessonSize);
  if (tooLarge) {
    const { line, column } = tooLarge.start;
    return { report: { file, messages: [{ ruleId: tooLarge.ruleId, severity: 'error', message: localizeLessonMessage(locale, tooLarge), line, column, endLine: line, endColumn: column }] } };
  }
  const text = readFileSync(file, 'utf8');
  const cached = checkCache.get(text, checkKey(locale, maxLessonSize));
  return cached ? { report: { file, messages: cached } } : { text };
}

/** What shapes a check result besides the text: the cache key holds it. */
export interface CheckKey {
  kind: 'check';
  locale: Locale;
  maxLessonSize: number;
}

/** Check results by lesson text, shared with the site build (src/integrations/lessonc-report.ts). */
export const checkCache = resultCache('check', isReportedMessages);

/** A cached report's messages, as read back: every one of the shape below. */
export function isReportedMessages(value: unknown): value is ReportedMessage[] {
  return Array.isArray(value) && value.every(isReportedMessage);
}

/** The shape of a reported message, for checking what is read back from a cache. */
export function isReportedMessage(value: unknown): value is ReportedMessage {
  const m = value as ReportedMessage;
  return (
    !!m &&
    typeof m === 'object' &&
    typeof m.ruleId === 'string' &&
    (m.severity === 'error' || m.severity === 'warning' || m.severity === 'info') &&
    typeof m.message === 'string' &&
    [m.line, m.column, m.endLine, m.endColumn].every((n) => Number.isInteger(n) && n >= 1) &&
    (m.fix === undefined || (typeof m.fix === 'object' && typeof m.fix.safe === 'boolean' && typeof m.fix.description === 'string' && Array.isArray(m.fix.edits)))
  );
}

/**
 * Runs the compiler's check stages (the same plugin the site uses) on one lesson file. A file over
 * `maxLessonSize` bytes is not read: its report is the one `lesson/too-large` error. A lesson
 * already checked with the same compiler and options is answered from the cache.
 */
export async function checkFile(file: string, locale: Locale = 'en', maxLessonSize: number = DEFAULT_MAX_LESSON_SIZE): Promise<FileReport> {
  const known = await knownCheck(file, locale, maxLessonSize);
  if ('report' in known) return known.report;
  const report = await compileCheck(file, known.text, locale, maxLessonSize);
  rememberCheck(known.text, locale, maxLessonSize, report);
  return report;
}

/** The compile of a lesson `knownCheck` did not answer (its text already read, its size checked). */
export async function compileCheck(file: string, text: string, locale: Locale, maxLessonSize: number): Promise<FileReport> {
  const messages = (await (await loadChecker())(file, text)).map((message) => toReported(message, locale));
  return { file, messages };
}

/**
 * A compiled check kept in the cache for the next run. `check` over many files writes in its own
 * thread while its workers compile: written by the workers, a cache entry (a file create and a
 * rename) held up the compile by about 1 ms on this VM's disk, a sixth of a lesson's compile.
 */
export function rememberCheck(text: string, locale: Locale, maxLessonSize: number, report: FileReport): void {
  checkCache.set(text, checkKey(locale, maxLessonSize), report.messages);
}

function checkKey(locale: Locale, maxLessonSize: number): CheckKey {
  return { kind: 'check', locale, maxLessonSize };
}

type CataloguedMessage = VFileMessage & {
  messageId?: MessageKey;
  data?: MessageData;
  intentional?: boolean;
  fix?: { safe: boolean; description: string; descriptionId?: MessageKey; descriptionData?: MessageData; edits?: { start: Point; end: Point; text: string }[] };
};

/** A vfile message as the CLI reports it, worded in `locale` where the catalogue has it. */
export function toReported(message: CataloguedMessage, locale: Locale = 'en'): ReportedMessage {
  const place = message.place && 'start' in message.place ? message.place : { start: message.place ?? { line: 1, column: 1 }, end: message.place ?? { line: 1, column: 1 } };
  const fix = message.fix;
  return {
    ruleId: message.ruleId ?? 'lessonc',
    severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
    message: localizeLessonMessage(locale, { message: message.reason, messageId: message.messageId, data: message.data, intentional: message.intentional }),
    line: place.start.line,
    column: place.start.column,
    endLine: place.end.line,
    endColumn: place.end.column,
    ...(fix ? { fix: { safe: fix.safe, description: localizeFix(locale, fix), edits: (fix.edits ?? []).map(({ start, end, text }) => ({ line: start.line, column: start.column, endLine: end.line, endColumn: end.column, text })) } } : {}),
  };
}

/**
 * `file:line:col severity message ruleId`, one problem a line, then a summary (like vfile-reporter).
 * The severity and rule id stay as they are (tools read them); the rest is in `locale`.
 */
export function formatText(reports: FileReport[], color: boolean, locale: Locale = 'en'): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[39m` : text);
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const report of reports) {
    for (const m of report.messages) {
      counts[m.severity]++;
      const severity = m.severity === 'error' ? paint(31, 'error') : m.severity === 'warning' ? paint(33, 'warning') : paint(36, 'info');
      const fix = m.fix ? ` (${translate(locale, m.fix.safe ? 'report.fixable' : 'report.suggestion', { fix: m.fix.description })})` : '';
      lines.push(`${report.file}:${m.line}:${m.column} ${severity} ${m.message}${fix} ${paint(90, m.ruleId)}`);
    }
  }
  const many = (n: number) => (n === 1 ? 'one' : 'other');
  lines.push(
    translate(locale, `report.summary.${many(reports.length)}`, {
      files: reports.length,
      errors: translate(locale, `report.errors.${many(counts.error)}`, { count: counts.error }),
      warnings: translate(locale, `report.warnings.${many(counts.warning)}`, { count: counts.warning }),
      info: counts.info,
    }),
  );
  return lines.join('\n');
}
