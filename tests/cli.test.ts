import { execFile } from 'node:child_process';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, seedNotes } from './helpers/paths.ts';

const run = promisify(execFile);
const cli = path.join(repoRoot, 'bin', 'lessonc.mjs');

/** Runs the real CLI (as `npx lessonc` would) and returns its exit code and output. */
async function lessonc(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd: repoRoot, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

let work: string;
let lesson: string;
let markdown: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'lessonc-cli-'));
  lesson = path.join(work, 'pod.md');
  const result = await lessonc('import', seedNotes, '-o', lesson);
  expect(result.code, result.stderr).toBe(0);
  markdown = await readFile(lesson, 'utf8');
});

describe('lessonc import', () => {
  it('keeps every non-blank line of the seed', async () => {
    const notes = await readFile(seedNotes, 'utf8');
    const outputLines = markdown.split('\n');
    for (const line of notes.split(/\r?\n/).filter((l) => l.trim() !== '')) {
      // Prompts (`# kubectl`, `$ kubectl`) are dropped: the command itself must be there.
      const text = line.trim().replace(/^[#$]\s+(?=\S)/, '');
      expect(outputLines.some((out) => out === line || out.replace(/\\(?=[\\`*_{}[\]()#+\-.!<>|~:])/g, '').includes(text)), line).toBe(true);
    }
  });

  it('re-imports over an edited lesson without losing it', async () => {
    const edited = path.join(work, 'edited.md');
    await writeFile(edited, `${markdown}\nMy own notes.\n`);
    const again = await lessonc('import', seedNotes, '-o', edited);
    expect(again.code).toBe(0);
    expect(await readFile(edited, 'utf8')).toBe(markdown);
    expect(await readFile(`${edited}.bak`, 'utf8')).toBe(`${markdown}\nMy own notes.\n`);
    await lessonc('import', seedNotes, '-o', edited);
    await expect(stat(`${edited}.bak.1`)).rejects.toThrow();
  });

  it('fails with usage errors (exit 2) on bad arguments', async () => {
    expect((await lessonc('import', seedNotes)).code).toBe(2);
    expect((await lessonc('import', path.join(work, 'missing.txt'), '-o', path.join(work, 'x.md'))).code).toBe(2);
  });
});

interface JsonReport {
  file: string;
  messages: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; fix?: { safe: boolean; description: string; edits: { line: number; column: number; endLine: number; endColumn: number; text: string }[] } }[];
}

describe('lessonc check', () => {
  it('reports the tab-indented YAML of the seed at the Markdown lines, in the documented JSON shape', async () => {
    const result = await lessonc('check', lesson, '--format', 'json');
    expect(result.code).toBe(1);
    const reports = JSON.parse(result.stdout) as JsonReport[];
    expect(reports).toHaveLength(1);
    expect(Object.keys(reports[0]!).sort()).toEqual(['file', 'messages']);
    for (const message of reports[0]!.messages) {
      const keys = ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', ...(message.fix ? ['fix'] : [])];
      expect(Object.keys(message).sort()).toEqual(keys.sort());
      expect(['error', 'warning', 'info']).toContain(message.severity);
      if (!message.fix) continue;
      // `edits` was added later (for SARIF); the earlier fields keep their shape.
      expect(Object.keys(message.fix).sort()).toEqual(['description', 'edits', 'safe']);
      for (const edit of message.fix.edits) expect(Object.keys(edit).sort()).toEqual(['column', 'endColumn', 'endLine', 'line', 'text']);
    }
    // The seed has fixable problems, so the `fix` shape above is really exercised.
    expect(reports[0]!.messages.some((message) => message.fix !== undefined)).toBe(true);
    // Every YAML block of the lesson that has a tab-indented line is reported at its first such line.
    const lines = markdown.split('\n');
    const expectedLines: number[] = [];
    let inYaml = false;
    let reported = false;
    lines.forEach((line, i) => {
      if (/^```yaml/.test(line)) [inYaml, reported] = [true, false];
      else if (/^```/.test(line)) inYaml = false;
      else if (inYaml && !reported && /^ *\t/.test(line)) {
        expectedLines.push(i + 1);
        reported = true;
      }
    });
    expect(expectedLines.length).toBeGreaterThanOrEqual(4);
    const tabLines = reports[0]!.messages.filter((m) => m.ruleId === 'yaml/tab-indent').map((m) => m.line);
    for (const line of expectedLines) expect(tabLines, `tab-indent at line ${line}: ${lines[line - 1]}`).toContain(line);
  });

  it('prints file:line:col severity message rule in text format', async () => {
    const result = await lessonc('check', lesson);
    expect(result.stdout).toMatch(new RegExp(`^${lesson.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ error .+ yaml/tab-indent$`, 'm'));
  });

  it('exits 0 on a clean lesson and 2 on bad usage', async () => {
    const clean = path.join(work, 'clean.md');
    await writeFile(clean, '---\ntitle: Clean\n---\n\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n```\n\n```shell\nkubectl get pods -o wide\n```\n');
    const result = await lessonc('check', clean, '--format', 'json');
    expect(JSON.parse(result.stdout)[0].messages).toEqual([]);
    expect(result.code).toBe(0);
    expect((await lessonc('check', clean, '--format', 'xml')).code).toBe(2);
    expect((await lessonc('check', clean, '--bogus')).code).toBe(2);
    expect((await lessonc('check', path.join(work, 'nope.md'))).code).toBe(2);
    expect((await lessonc('frobnicate')).code).toBe(2);
    expect((await lessonc('fix', clean, '--bogus')).code).toBe(2);
  });
});

describe('lessonc fix', () => {
  it('prints a diff in dry-run mode and writes nothing', async () => {
    const copy = path.join(work, 'dry.md');
    await writeFile(copy, markdown);
    const result = await lessonc('fix', copy, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^--- a\//m);
    expect(result.stdout).toMatch(/^\+\+\+ b\//m);
    expect(await readFile(copy, 'utf8')).toBe(markdown);
  });

  it('fixes, keeps every prose line, and is idempotent (a second run does not rewrite the file)', async () => {
    const copy = path.join(work, 'fix.md');
    await writeFile(copy, markdown);
    expect((await lessonc('fix', copy, '--unsafe')).code).toBe(0);
    const fixed = await readFile(copy, 'utf8');
    expect(fixed).not.toBe(markdown);
    const fixedLines = new Set(fixed.split('\n'));
    let inFence = false;
    for (const line of markdown.split('\n')) {
      if (/^(`{3,}|~{3,})/.test(line)) inFence = !inFence;
      else if (!inFence) expect(fixedLines.has(line), `prose line lost: ${line}`).toBe(true);
    }
    const before = await stat(copy);
    const second = await lessonc('fix', copy, '--unsafe');
    expect(second.stderr).toMatch(/nothing to fix/);
    expect(await readFile(copy, 'utf8')).toBe(fixed);
    expect((await stat(copy)).mtimeMs).toBe(before.mtimeMs);
  });
});
