import { readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { importNotes } from '../plugins/remark-lessonc/index.ts';
import { parseArgs, UsageError } from './args.ts';
import { checkFile, formatText } from './check.ts';
import { fixFile } from './fix.ts';
import { localeFromEnvironment } from '../plugins/remark-lessonc/lib/messages.ts';
import { makeHandouts } from './handouts.ts';
import { lessonFiles, writeFileAtomic } from './files.ts';
import { DEFAULT_MAX_LESSON_SIZE, parseSize } from '../plugins/remark-lessonc/lib/lesson-size.ts';

const USAGE = `Usage:
  lessonc check [paths...] [--format text|json] [--locale ko|en] [--exit-zero] [--max-lesson-size SIZE]
      Report problems in lessons (default path: lessons/). Exit 1 on any error, 0 otherwise, 2 on bad usage.
      Messages are worded in --locale (default: Korean when LANG starts with ko, else English).
  lessonc fix [paths...] [--dry-run] [--unsafe] [--max-lesson-size SIZE]
      Apply safe fixes (unsafe ones too with --unsafe) until stable; --dry-run prints a diff instead.
      Writes only regular files (symbolic links are refused) and never over an edit saved meanwhile.
  --max-lesson-size SIZE: lessons larger than SIZE bytes (or 512KB, 16MB) are refused; default 8MB.
  lessonc import NOTES -o LESSON.md [--title TITLE] [--order N]
      Convert plain notes into lesson Markdown (a different existing LESSON.md is kept as LESSON.md.bak).
  lessonc handouts [--site dist] [--out dist/handouts]
      Print each built lesson to PDF: a student copy and an answer key (needs Chromium).`;

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
  const { positionals, flags } = parseArgs(argv, { format: 'string', locale: 'string', 'exit-zero': 'boolean', 'max-lesson-size': 'string' }, { f: 'format' });
  const maxLessonSize = maxLessonSizeFlag(flags);
  const format = flags.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`Unexpected format \`${String(format)}\`, expected \`text\` or \`json\``);
  const locale = flags.get('locale') ?? localeFromEnvironment(process.env);
  if (locale !== 'ko' && locale !== 'en') throw new UsageError(`Unexpected locale \`${String(locale)}\`, expected \`ko\` or \`en\``);
  const files = await lessonFiles(positionals.length > 0 ? positionals : ['lessons']);
  const reports = [];
  for (const file of files) reports.push(await checkFile(file, locale, maxLessonSize));
  if (format === 'json') console.log(JSON.stringify(reports, null, 2));
  else console.log(formatText(reports, process.stdout.isTTY === true));
  const failed = reports.some((report) => report.messages.some((m) => m.severity === 'error'));
  return failed && !flags.has('exit-zero') ? 1 : 0;
}

async function runFix(argv: string[]): Promise<number> {
  const { positionals, flags } = parseArgs(argv, { 'dry-run': 'boolean', unsafe: 'boolean', 'max-lesson-size': 'string' });
  const maxLessonSize = maxLessonSizeFlag(flags);
  const files = await lessonFiles(positionals.length > 0 ? positionals : ['lessons']);
  const dryRun = flags.has('dry-run');
  let failed = false;
  for (const file of files) {
    const outcome = await fixFile(file, { unsafe: flags.has('unsafe'), dryRun, maxLessonSize });
    if (outcome.problem) {
      failed = true;
      console.error(`${file}: ${outcome.problem}`);
      continue;
    }
    if (!outcome.result) continue;
    if (dryRun) process.stdout.write(outcome.diff);
    const fixes = outcome.result.applied.length;
    const note = outcome.result.stable ? '' : ' (not stable after 10 passes)';
    console.error(`${file}: ${outcome.changed ? `${dryRun ? 'would apply' : 'applied'} ${fixes} fix${fixes === 1 ? '' : 'es'} in ${outcome.result.passes} pass${outcome.result.passes === 1 ? '' : 'es'}` : 'nothing to fix'}${note}`);
  }
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
  const handouts = await makeHandouts(site, String(flags.get('out') ?? path.join(site, 'handouts')));
  for (const handout of handouts) console.error(`${handout.lesson}: ${handout.student}, ${handout.answers}`);
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
  const markdown = importNotes(notes, { sourceName: path.basename(notesFile), ...(order ? { order: Number(order) } : {}), ...(typeof title === 'string' ? { title } : {}) });
  // An imported lesson is where authors keep editing: re-importing never loses their version.
  const previous = await readFile(output, 'utf8').catch(() => null);
  if (previous !== null && previous !== markdown) console.error(`${output} existed: kept it as ${await backUp(output)}`);
  await writeFileAtomic(output, markdown);
  console.error(`${notesFile} → ${output}`);
  return 0;
}
