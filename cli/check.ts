import { readFile, stat } from 'node:fs/promises';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Point } from '../plugins/remark-lessonc/lib/extract/positions.ts';
import remarkLessonc from '../plugins/remark-lessonc/index.ts';
import { DEFAULT_MAX_LESSON_SIZE, lessonSizeProblem } from '../plugins/remark-lessonc/lib/lesson-size.ts';
import type { Locale, MessageKey } from '../plugins/remark-lessonc/lib/i18n.ts';
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

const checker = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkLessonc, { render: false });

/**
 * Runs the compiler's check stages (the same plugin the site uses) on one lesson file. A file over
 * `maxLessonSize` bytes is not read: its report is the one `lesson/too-large` error.
 */
export async function checkFile(file: string, locale: Locale = 'en', maxLessonSize: number = DEFAULT_MAX_LESSON_SIZE): Promise<FileReport> {
  const tooLarge = lessonSizeProblem((await stat(file)).size, maxLessonSize);
  if (tooLarge) {
    const { line, column } = tooLarge.start;
    return { file, messages: [{ ruleId: tooLarge.ruleId, severity: 'error', message: localizeLessonMessage(locale, tooLarge), line, column, endLine: line, endColumn: column }] };
  }
  const vfile = new VFile({ path: file, value: await readFile(file, 'utf8') });
  await checker.run(checker.parse(vfile), vfile);
  return { file, messages: vfile.messages.map((message) => toReported(message, locale)) };
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

/** `file:line:col severity message ruleId`, one problem a line, then a summary (like vfile-reporter). */
export function formatText(reports: FileReport[], color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[39m` : text);
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const report of reports) {
    for (const m of report.messages) {
      counts[m.severity]++;
      const severity = m.severity === 'error' ? paint(31, 'error') : m.severity === 'warning' ? paint(33, 'warning') : paint(36, 'info');
      const fix = m.fix ? (m.fix.safe ? ` (fixable: ${m.fix.description})` : ` (suggestion, --unsafe: ${m.fix.description})`) : '';
      lines.push(`${report.file}:${m.line}:${m.column} ${severity} ${m.message}${fix} ${paint(90, m.ruleId)}`);
    }
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(`${plural(reports.length, 'file')} checked: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`);
  return lines.join('\n');
}
