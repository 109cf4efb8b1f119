import { readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, UsageError } from './args.ts';
import { formatText, knownCheck, rememberCheck, type FileReport } from './check.ts';
import type { FileFix } from './fix.ts';
import { DEFAULT_MAX_LESSON_SIZE, parseSize } from '../plugins/remark-lessonc/lib/lesson-size.ts';
import { localeFromEnvironment } from '../plugins/remark-lessonc/lib/messages.ts';
import { lessonFiles, writeFileAtomic } from './files.ts';
import type { Worker } from 'node:worker_threads';
import { MIN_FILES_PER_WORKER, runOverFiles, startWorkers, terminalProgress } from './pool.ts';

const USAGE = `Usage:
  lessonc check [paths...] [--format text|json|sarif] [--watch] [--locale ko|en] [--exit-zero] [--max-lesson-size SIZE]
      Report problems in lessons (default path: lessons/). Exit 1 on any error, 0 otherwise, 2 on bad usage.
      Messages are worded in --locale (default: Korean when LANG starts with ko, else English).
      --format sarif: SARIF 2.1.0 for code scanning. --watch: check again on every save, print what changed.
  lessonc fix [paths...] [--dry-run] [--unsafe] [--max-lesson-size SIZE]
      Apply safe fixes (unsafe ones too with --unsafe) until stable; --dry-run prints a diff instead.
      Writes only regular files (symbolic links are refused) and never over an edit saved meanwhile.
  --max-lesson-size SIZE: lessons larger than SIZE bytes (or 512KB, 16MB) are refused; default 8MB.
  lessonc import NOTES -o LESSON.md [--title TITLE] [--order N]
      Convert plain notes into lesson Markdown (a different existing LESSON.md is kept as LESSON.md.bak).
  lessonc handouts [--site dist] [--out dist/handouts]
      Print each built lesson to PDF: a student copy and an answer key, and the whole course as
      course.pdf and course-answers.pdf (needs Chromium).
  lessonc lsp --stdio
      Language server for editors: diagnostics, quick fixes, hover and completion (docs/editors.md).
  lessonc new TITLE [--dir lessons] [--locale ko|en]
      Start a lesson: frontmatter with the next order, a skeleton and a Q&A section.`;

/** Runs a CLI command and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await runCheck(rest);
      case 'fix':
        return await runFix(rest);
      case 'import':
        return await runImport(rest);
      case 'handouts':
        return await runHandouts(rest);
      case 'lsp':
        return await runLanguageServer(rest);
      case 'new':
        return await runNew(rest);
      case '--help':
      case '-h':
      case 'help':
        console.log(USAGE);
        return 0;
      default:
        throw new UsageError(command ? `Unknown command \`${command}\`, expected \`check\`, \`fix\` or \`import\`` : 'Missing command');
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`lessonc: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

async function runCheck(argv: string[]): Promise<number> {
  const { positionals, flags } = parseArgs(argv, { format: 'string', locale: 'string', 'exit-zero': 'boolean', watch: 'boolean', 'max-lesson-size': 'string' }, { f: 'format' });
  const maxLessonSize = maxLessonSizeFlag(flags);
  const format = flags.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`Unexpected format \`${String(format)}\`, expected \`text\`, \`json\` or \`sarif\``);
  const locale = flags.get('locale') ?? localeFromEnvironment(process.env);
  if (locale !== 'ko' && locale !== 'en') throw new UsageError(`Unexpected locale \`${String(locale)}\`, expected \`ko\` or \`en\``);
  if (flags.has('watch')) return runWatch(positionals.length > 0 ? positionals : ['lessons'], locale, format);
  const files = await lessonFiles(positionals.length > 0 ? positionals : ['lessons']);
  // Lessons in the cache are answered here; the others are compiled, on workers when there are many.
  const reports = new Array<FileReport>(files.length);
  const misses: number[] = [];
  const texts: string[] = [];
  const progress = format === 'text' ? terminalProgress('checking') : undefined;
  const task = { kind: 'check', locale, maxLessonSize } as const;
  let workers: Worker[] = [];
  try {
    for (let i = 0; i < files.length; i++) {
      const known = await knownCheck(files[i]!, locale, maxLessonSize);
      if ('report' in known) reports[i] = known.report;
      else {
        misses.push(i);
        texts.push(known.text);
        // Enough to compile for workers: they start loading the compiler while this pass goes on.
        if (misses.length === MIN_FILES_PER_WORKER) workers = startWorkers(task, misses.length + files.length - i - 1);
      }
    }
  } catch (error) {
    // A file gone since it was listed: started workers must not keep the CLI running.
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw error;
  }
  await runOverFiles(
    misses.map((i, j) => ({ file: files[i]!, text: texts[j]! })),
    task,
    (report, j) => {
      reports[misses[j]!] = report;
      rememberCheck(texts[j]!, locale, maxLessonSize, report);
    },
    progress && ((done) => progress(files.length - misses.length + done, files.length)),
    workers,
  );
  if (format === 'json') console.log(JSON.stringify(reports, null, 2));
  else if (format === 'sarif') console.log(JSON.stringify((await import('./sarif.ts')).toSarif(reports), null, 2));
  else console.log(formatText(reports, process.stdout.isTTY === true, locale));
  const failed = reports.some((report) => report.messages.some((m) => m.severity === 'error'));
  return failed && !flags.has('exit-zero') ? 1 : 0;
}

async function runFix(argv: string[]): Promise<number> {
  const { positionals, flags } = parseArgs(argv, { 'dry-run': 'boolean', unsafe: 'boolean', 'max-lesson-size': 'string' });
  const maxLessonSize = maxLessonSizeFlag(flags);
  const files = await lessonFiles(positionals.length > 0 ? positionals : ['lessons']);
  const dryRun = flags.has('dry-run');
  const unsafe = flags.has('unsafe');
  let failed = false;
  const progress = terminalProgress('fixing');
  const clear = () => progress && process.stderr.write('\r\x1b[K');
  const report = (outcome: FileFix) => {
    const { file } = outcome;
    clear();
    if (outcome.problem) {
      failed = true;
      console.error(`${file}: ${outcome.problem}`);
      return;
    }
    if (!outcome.result) return;
    if (outcome.keptAsWritten) {
      console.error(`${file}: kept as written (\`original: true\`: the site shows it corrected)`);
      return;
    }
    if (dryRun) process.stdout.write(outcome.diff);
    const fixes = outcome.result.applied.length;
    const note = outcome.result.stable ? '' : ' (not stable after 10 passes)';
    console.error(`${file}: ${outcome.changed ? `${dryRun ? 'would apply' : 'applied'} ${fixes} fix${fixes === 1 ? '' : 'es'} in ${outcome.result.passes} pass${outcome.result.passes === 1 ? '' : 'es'}` : 'nothing to fix'}${note}`);
  };
  await runOverFiles(files.map((file) => ({ file })), { kind: 'fix', unsafe, dryRun, maxLessonSize }, report, progress);
  clear();
  return failed ? 1 : 0;
}

function maxLessonSizeFlag(flags: Map<string, string | true>): number {
  const value = flags.get('max-lesson-size');
  if (value === undefined) return DEFAULT_MAX_LESSON_SIZE;
  const size = parseSize(String(value));
  if (size === null) throw new UsageError(`Unexpected size \`${String(value)}\`, expected bytes (\`8388608\`) or \`512KB\`, \`16MB\``);
  return size;
}

async function runHandouts(argv: string[]): Promise<number> {
  const { positionals, flags } = parseArgs(argv, { site: 'string', out: 'string' });
  if (positionals.length > 0) throw new UsageError('`handouts` takes no positional arguments');
  const site = String(flags.get('site') ?? 'dist');
  // Progress on stderr: one rewritten line on a terminal, one line per PDF otherwise.
  const tty = process.stderr.isTTY;
  // Playwright is loaded only for this command.
  const { makeHandouts } = await import('./handouts.ts');
  const handouts = await makeHandouts(site, String(flags.get('out') ?? path.join(site, 'handouts')), {
    onProgress: ({ done, total, lesson, kind, file }) => {
      const line = `[${done}/${total}] ${lesson} (${kind === 'student' ? 'student copy' : 'answer key'}): ${file}`;
      process.stderr.write(tty ? `\r\x1b[K${line}${done === total ? '\n' : ''}` : `${line}\n`);
    },
  });
  console.error(`${handouts.lessons.length} lesson${handouts.lessons.length === 1 ? '' : 's'} printed; whole course: ${handouts.all.student}, ${handouts.all.answers}`);
  return 0;
}

/** Renames a file to the first free `FILE.bak`, `FILE.bak.1`, ... and returns that name. */
async function backUp(file: string): Promise<string> {
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? `${file}.bak` : `${file}.bak.${n}`;
    if (!(await stat(candidate).catch(() => null))) {
      await rename(file, candidate);
      return candidate;
    }
  }
}

async function runImport(argv: string[]): Promise<number> {
  const { positionals, flags } = parseArgs(argv, { output: 'string', title: 'string', order: 'string' }, { o: 'output' });
  if (positionals.length !== 1) throw new UsageError('`import` takes exactly one notes file');
  const output = flags.get('output');
  if (typeof output !== 'string') throw new UsageError('`import` needs `-o LESSON.md`');
  const order = flags.get('order');
  if (order !== undefined && !/^\d+$/.test(String(order))) throw new UsageError(`Unexpected order \`${String(order)}\`, expected a whole number`);
  const notesFile = positionals[0]!;
  const notes = await readFile(notesFile, 'utf8').catch(() => {
    throw new UsageError(`Cannot read notes file: ${notesFile}`);
  });
  const title = flags.get('title');
  const { importNotes } = await import('../plugins/remark-lessonc/lib/import/index.ts');
  const markdown = importNotes(notes, { sourceName: path.basename(notesFile), ...(order ? { order: Number(order) } : {}), ...(typeof title === 'string' ? { title } : {}) });
  // An imported lesson is where authors keep editing: re-importing never loses their version.
  const previous = await readFile(output, 'utf8').catch(() => null);
  if (previous !== null && previous !== markdown) console.error(`${output} existed: kept it as ${await backUp(output)}`);
  await writeFileAtomic(output, markdown);
  console.error(`${notesFile} → ${output}`);
  return 0;
}

async function runLanguageServer(argv: string[]): Promise<number> {
  const { positionals } = parseArgs(argv, { stdio: 'boolean' });
  if (positionals.length > 0) throw new UsageError('`lsp` takes no positional arguments');
  const { startLanguageServer } = await import('./lsp/server.ts');
  const connection = startLanguageServer();
  // The client ends the session (shutdown, exit) or closes the pipe; until then the server runs.
  await new Promise<void>((done) => connection.onExit(done));
  return 0;
}

async function runNew(argv: string[]): Promise<number> {
  const { positionals, flags } = parseArgs(argv, { dir: 'string', locale: 'string' });
  if (positionals.length !== 1) throw new UsageError('`new` takes exactly one title');
  const locale = flags.get('locale') ?? localeFromEnvironment(process.env);
  if (locale !== 'ko' && locale !== 'en') throw new UsageError(`Unexpected locale \`${String(locale)}\`, expected \`ko\` or \`en\``);
  const { newLesson } = await import('./new-lesson.ts');
  console.error(`wrote ${await newLesson(positionals[0]!, String(flags.get('dir') ?? 'lessons'), locale)}`);
  return 0;
}

async function runWatch(paths: string[], locale: 'ko' | 'en', format: string): Promise<number> {
  if (format !== 'text') throw new UsageError('`--watch` prints text only');
  const { watchLessons } = await import('./watch.ts');
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
  await watchLessons(paths, { locale, color: process.stdout.isTTY === true, write: (text) => process.stdout.write(text), signal: stop.signal });
  return 0;
}
