/**
 * Issue 12's figures side by side, in one run: N generated lessons (copies of lessons/, default
 * 1000) checked cold and from the cache (three times each, the median kept), the site built cold and
 * without lessonc's remark plugin (LESSONC_PLUGIN=off: same Markdown processor; twice each, in turn,
 * the means kept) and rebuilt after one lesson changed, check time and
 * peak memory for one lesson of 50 KB, 500 KB and 5 MB, and a cold single-lesson check through node
 * and through npx. Everything runs in a temp directory with its own caches and output.
 *
 *   npm run bench -- --lessons 100 --json bench.json [--skip-build]
 */
import { spawn } from 'node:child_process';
import { cpus, totalmem, tmpdir, loadavg } from 'node:os';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');
const cli = path.join(repoRoot, 'bin', 'lessonc.mjs');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}
const lessonCount = Number(option('lessons') ?? 1000);
const jsonFile = option('json');
const skipBuild = process.argv.includes('--skip-build');
if (!Number.isInteger(lessonCount) || lessonCount < 1) throw new Error('--lessons N: a whole number');

const work = mkdtempSync(path.join(tmpdir(), 'lessonc-bench-'));
const sources = readdirSync(path.join(repoRoot, 'lessons')).filter((name) => name.endsWith('.md')).sort();

/** Runs a command; resolves with its wall time (s) and its output. */
function timed(command: string, args: string[], env: Record<string, string> = {}): Promise<{ seconds: number; output: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ seconds: (performance.now() - start) / 1000, output }) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`))));
  });
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/** The lowest and highest of several runs, for the log: `6.77–7.54`. */
function range(values: number[], digits: number): string {
  return `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
}

/** N lessons from lessons/, each with its own order (the outline sorts by it). */
function generateLessons(directory: string, count: number): void {
  mkdirSync(directory, { recursive: true });
  for (let i = 0; i < count; i++) {
    const source = readFileSync(path.join(repoRoot, 'lessons', sources[i % sources.length]!), 'utf8');
    writeFileSync(path.join(directory, `${String(i + 1).padStart(5, '0')}-${sources[i % sources.length]}`), source.replace(/^order: .*$/m, `order: ${i + 1}`));
  }
}

/** One lesson of about `bytes` bytes: lesson 1's frontmatter, then its body again and again. */
function sizedLesson(file: string, bytes: number): void {
  const source = readFileSync(path.join(repoRoot, 'lessons', sources[0]!), 'utf8');
  const frontmatter = /^---\n[\s\S]*?\n---\n/.exec(source)?.[0] ?? '';
  const body = source.slice(frontmatter.length);
  const parts = [frontmatter];
  let size = Buffer.byteLength(frontmatter);
  const bodySize = Buffer.byteLength(body) + 2;
  while (size + bodySize <= bytes || parts.length === 1) {
    parts.push(`\n${body}\n`);
    size += bodySize;
  }
  writeFileSync(file, parts.join(''));
}

const lessonsDir = path.join(work, 'lessons');
generateLessons(lessonsDir, lessonCount);
const checkEnv = { LESSONC_CACHE: path.join(work, 'lessonc-cache') };
const figures: Record<string, unknown> = { lessons: lessonCount };
const log = (text: string) => console.log(text);

log(`lessonc speed bench: ${lessonCount} lessons in ${work}`);
log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, load ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);

try {
  // Check, cold (empty result cache) and again (every lesson from the cache).
  // Three times each, the median kept: on a shared VM one run can be a fifth slower or faster than the next.
  const coldRuns: number[] = [];
  const cachedRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    rmSync(checkEnv.LESSONC_CACHE, { recursive: true, force: true });
    coldRuns.push((await timed(process.execPath, [cli, 'check', lessonsDir, '--exit-zero'], checkEnv)).seconds);
    cachedRuns.push((await timed(process.execPath, [cli, 'check', lessonsDir, '--exit-zero'], checkEnv)).seconds);
  }
  figures.check_cold_s = median(coldRuns);
  figures.check_cached_s = median(cachedRuns);
  log(`check ${lessonCount} lessons: cold ${(figures.check_cold_s as number).toFixed(2)} s (median of 3, ${range(coldRuns, 2)}), cached ${(figures.check_cached_s as number).toFixed(2)} s (${range(cachedRuns, 2)})`);

  if (!skipBuild) {
    // The site: cold (its own empty content cache), after one lesson changed, and without lessonc.
    const site = (name: string, env: Record<string, string> = {}) => ({ LESSONC_LESSONS_DIR: lessonsDir, LESSONC_OUT_DIR: path.join(work, `dist-${name}`), LESSONC_CACHE_DIR: path.join(work, `astro-cache-${name}`), LESSONC_CACHE: path.join(work, `lessonc-cache-${name}`), ...env });
    const astro = path.join(repoRoot, 'node_modules', '.bin', 'astro');
    // Cold with and without lessonc twice, in turn, each figure the mean of its two: the VM's speed
    // drifts over minutes, and a ratio of two builds minutes apart moved by a fifth between runs.
    const cold: number[] = [];
    const plain: number[] = [];
    for (const round of ['1', '2']) {
      cold.push((await timed(astro, ['build'], site(`lessonc-${round}`))).seconds);
      plain.push((await timed(astro, ['build'], site(`plain-${round}`, { LESSONC_PLUGIN: 'off' }))).seconds);
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    figures.build_cold_s = mean(cold);
    figures.build_without_lessonc_s = mean(plain);
    // The rebuild reuses the second cold build's caches and output.
    const changed = path.join(lessonsDir, readdirSync(lessonsDir).sort()[0]!);
    appendFileSync(changed, '\nOne more sentence, so this lesson changed.\n');
    figures.build_one_changed_s = (await timed(astro, ['build'], site('lessonc-2'))).seconds;
    const each = (values: number[]) => values.map((value) => value.toFixed(1)).join(', ');
    log(`site build: cold ${(figures.build_cold_s as number).toFixed(1)} s (${each(cold)}), one lesson changed ${(figures.build_one_changed_s as number).toFixed(1)} s, without lessonc ${(figures.build_without_lessonc_s as number).toFixed(1)} s (${each(plain)})`);
  }

  // One lesson of each size, checked without the result cache; peak memory from the child itself.
  const perMb: Record<string, number> = {};
  const peak: Record<string, number> = {};
  for (const [label, bytes] of [['50KB', 50_000], ['500KB', 500_000], ['5MB', 5_000_000]] as const) {
    const file = path.join(work, `sized-${label}.md`);
    sizedLesson(file, bytes);
    const actual = readFileSync(file).length;
    // In one process: a small lesson first loads the compiler, then the sized one is timed.
    const probe = `const m = await import(${JSON.stringify(path.join(repoRoot, 'cli', 'check.ts'))}); await m.checkFile(${JSON.stringify(path.join(repoRoot, 'lessons', sources[0]!))}); const t = performance.now(); await m.checkFile(${JSON.stringify(file)}); process.stderr.write('SECONDS ' + (performance.now() - t) / 1000 + ' MAXRSS ' + process.resourceUsage().maxRSS + '\\n');`;
    const run = await timed(process.execPath, ['--input-type=module', '-e', probe], { LESSONC_NO_CACHE: '1' });
    const seconds = Number(/SECONDS ([\d.e-]+)/.exec(run.output)?.[1]);
    perMb[label] = seconds / (actual / 1e6);
    peak[label] = Number(/MAXRSS (\d+)/.exec(run.output)?.[1] ?? 0) / 1024;
    log(`check one ${label} lesson (${(actual / 1e6).toFixed(2)} MB): ${seconds.toFixed(2)} s, ${perMb[label]!.toFixed(2)} s/MB, peak ${peak[label]!.toFixed(0)} MB`);
  }
  figures.check_s_per_mb = perMb;
  figures.peak_mb = peak;

  // Cold single-lesson check: no result cache; the CLI's code cache as `npm ci` left it (bin/load-bundle.mjs).
  const single = path.join(repoRoot, 'lessons', sources[0]!);
  const nodeRuns: number[] = [];
  const npxRuns: number[] = [];
  // Eleven starts: one start is 0.15 s, and on these VMs five of them spread over 50 ms.
  for (let i = 0; i < 11; i++) nodeRuns.push((await timed(process.execPath, [cli, 'check', single, '--exit-zero'], { LESSONC_NO_CACHE: '1' })).seconds * 1000);
  for (let i = 0; i < 3; i++) npxRuns.push((await timed('npx', ['lessonc', 'check', single, '--exit-zero'], { LESSONC_NO_CACHE: '1' })).seconds * 1000);
  figures.single_check_node_ms = median(nodeRuns);
  figures.single_check_npx_ms = median(npxRuns);
  log(`single lesson check, cold: node ${(figures.single_check_node_ms as number).toFixed(0)} ms (median of 11, ${range(nodeRuns, 0)}), npx ${(figures.single_check_npx_ms as number).toFixed(0)} ms (median of 3, ${range(npxRuns, 0)})`);

  // The targets of issue 12, as ratios.
  const f = figures as Record<string, number> & { check_s_per_mb: Record<string, number> };
  const rows: [string, string, string][] = [
    ['cold single check (node)', `${f.single_check_node_ms.toFixed(0)} ms`, '≤ 150 ms'],
    ['cold single check (npx)', `${f.single_check_npx_ms.toFixed(0)} ms`, '—'],
    [`check ${lessonCount} lessons, cold`, `${f.check_cold_s.toFixed(2)} s`, `≤ ${((6 * lessonCount) / 1000).toFixed(2)} s (6 s per 1000)`],
    [`check ${lessonCount} lessons, cached`, `${f.check_cached_s.toFixed(2)} s`, `≤ ${((1 * lessonCount) / 1000).toFixed(2)} s (1 s per 1000)`],
  ];
  if (!skipBuild) {
    rows.push(['site build, cold ÷ without lessonc', `${(f.build_cold_s / f.build_without_lessonc_s).toFixed(2)}× (${f.build_cold_s.toFixed(1)} s ÷ ${f.build_without_lessonc_s.toFixed(1)} s)`, '≤ 1.3×']);
    rows.push(['rebuild after one change ÷ cold', `${(f.build_one_changed_s / f.build_cold_s).toFixed(2)}× (${f.build_one_changed_s.toFixed(1)} s)`, '≤ 0.25×']);
  }
  rows.push(['time per MB, 5 MB ÷ 50 KB', `${(f.check_s_per_mb['5MB']! / f.check_s_per_mb['50KB']!).toFixed(2)}×`, '≤ 1.5×']);
  log('\n| figure | measured | target |\n| --- | --- | --- |');
  for (const row of rows) log(`| ${row.join(' | ')} |`);
  if (jsonFile) {
    writeFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), jsonFile), `${JSON.stringify(figures, null, 2)}\n`);
    log(`\nwrote ${jsonFile}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
