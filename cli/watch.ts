/**
 * `lessonc check --watch`: checks the lessons once, then again each lesson that is saved, and prints
 * only what changed: `+` a new problem, `-` one that is gone. A problem that only moved (lines added
 * above it) is the same problem and is not printed again.
 */
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { translate, type Locale } from '../plugins/remark-lessonc/lib/i18n.ts';
import { Debouncer } from './debounce.ts';
import { checkFile, formatText, type FileReport, type ReportedMessage } from './check.ts';
import { lessonFiles } from './files.ts';

export interface WatchOptions {
  locale: Locale;
  color: boolean;
  write: (text: string) => void;
  /** Stops watching. */
  signal: AbortSignal;
  /** How long a file must be quiet after a change before it is checked (ms); editors write in bursts. */
  debounceMs?: number;
}

/** What identifies a problem across saves: not its line, which moves when lines are added above it. */
function identity(message: ReportedMessage): string {
  return JSON.stringify([message.ruleId, message.message, message.column, message.endColumn, message.endLine - message.line]);
}

/** Problems of `after` not in `before`, counting repeats (two identical problems are two). */
function without(after: ReportedMessage[], before: ReportedMessage[]): ReportedMessage[] {
  const remaining = new Map<string, number>();
  for (const message of before) remaining.set(identity(message), (remaining.get(identity(message)) ?? 0) + 1);
  return after.filter((message) => {
    const count = remaining.get(identity(message)) ?? 0;
    if (count > 0) remaining.set(identity(message), count - 1);
    return count === 0;
  });
}

/** The problem lines of `formatText`, without its summary line. */
function problemLines(report: FileReport, color: boolean, locale: Locale): string[] {
  return report.messages.length === 0 ? [] : formatText([report], color, locale).split('\n').slice(0, -1);
}

export async function watchLessons(paths: string[], options: WatchOptions): Promise<void> {
  const reports = new Map<string, FileReport>();
  for (const file of await lessonFiles(paths)) reports.set(path.resolve(file), await checkFile(file, options.locale));
  options.write(`${formatText([...reports.values()], options.color, options.locale)}\n${translate(options.locale, 'report.watching', { paths: paths.join(', ') })}\n`);

  const recheck = async (file: string): Promise<void> => {
    const before = reports.get(file);
    const shown = path.relative(process.cwd(), file) || file;
    if (!(await stat(file).catch(() => null))?.isFile()) {
      if (before) options.write(`${shown}: removed\n`);
      reports.delete(file);
      return;
    }
    const report = { ...(await checkFile(file, options.locale)), file: shown };
    reports.set(file, report);
    const added = without(report.messages, before?.messages ?? []);
    const gone = without(before?.messages ?? [], report.messages);
    if (added.length === 0 && gone.length === 0) return;
    const lines = [
      `${shown}: ${added.length} new, ${gone.length} gone (${report.messages.length} in all)`,
      ...problemLines({ file: shown, messages: added }, options.color, options.locale).map((line) => `+ ${line}`),
      ...problemLines({ file: before?.file ?? shown, messages: gone }, options.color, options.locale).map((line) => `- ${line}`),
    ];
    options.write(`${lines.join('\n')}\n`);
  };
  const changed = new Debouncer(options.debounceMs ?? 100, (file) => {
    recheck(file).catch((error: Error) => options.write(`${file}: ${error.message}\n`));
  });

  const watchers: FSWatcher[] = [];
  for (const target of paths) {
    const resolved = path.resolve(target);
    const isDirectory = (await stat(resolved)).isDirectory();
    // A file is watched through its directory: editors save by writing a new file and renaming it.
    const directory = isDirectory ? resolved : path.dirname(resolved);
    watchers.push(
      watch(directory, { recursive: isDirectory, signal: options.signal }, (_event, name) => {
        if (!name) return;
        const file = path.join(directory, name.toString());
        if (isDirectory ? /\.md$/i.test(file) : file === resolved) changed.schedule(file);
      }),
    );
  }
  await new Promise<void>((done) => options.signal.addEventListener('abort', () => done(), { once: true }));
  changed.cancelAll();
  for (const watcher of watchers) watcher.close();
}
