import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.ts';

const run = promisify(execFile);
const cli = path.join(repoRoot, 'bin', 'lessonc.mjs');

async function lessonc(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

const cleanLesson = ['---', 'title: watched', 'order: 5', '---', '', '## Commands', '', '```shell', 'kubectl get pods', '```', ''].join('\n');

describe('lessonc check --watch', () => {
  it('checks a lesson again when it is saved and prints only the new problem (and later, that it is gone)', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'lessonc-watch-'));
    const file = path.join(work, 'watched.md');
    const other = path.join(work, 'other.md');
    await writeFile(file, cleanLesson);
    await writeFile(other, cleanLesson.replace('kubectl get pods', 'kubectl get pods --al'));
    const child = spawn(process.execPath, [cli, 'check', work, '--watch', '--locale', 'en'], { cwd: work });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const until = async (pattern: RegExp, from: number) => {
      for (let waited = 0; !pattern.test(stdout.slice(from)); waited += 50) {
        if (waited > 20_000 || child.exitCode !== null) throw new Error(`no ${pattern} in:\n${stdout}\n${stderr}`);
        await new Promise((done) => setTimeout(done, 50));
      }
    };
    try {
      await until(/watching .* for changes/, 0);
      expect(stdout).toMatch(/2 files checked: 1 error/);
      const mark = stdout.length;
      await writeFile(file, cleanLesson.replace('kubectl get pods', 'kubectl get pods --namspace default'));
      await until(/\+ .*watched\.md:9:18 error .*--namspace.* kubectl\/unknown-flag/, mark);
      const change = stdout.slice(mark);
      expect(change).toMatch(/watched\.md: 1 new, 0 gone \(1 in all\)/);
      // Only what changed: the other lesson's problem is not printed again.
      expect(change).not.toMatch(/other\.md/);
      const second = stdout.length;
      await writeFile(file, cleanLesson.replace('## Commands', '\n## Commands'));
      await until(/watched\.md: 0 new, 1 gone/, second);
      expect(stdout.slice(second)).toMatch(/^- .*kubectl\/unknown-flag/m);
    } finally {
      child.kill('SIGINT');
    }
  }, 40_000);
});

describe('lessonc new', () => {
  it('writes a lesson with the next order, a skeleton and a Q&A section, that `lessonc check` accepts', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'lessonc-new-'));
    await copyFile(path.join(repoRoot, 'lessons', '01-pod.md'), path.join(work, '01-pod.md'));
    const created = await lessonc('new', 'Pod 네트워킹', '--dir', work, '--locale', 'ko');
    expect(created.code, created.stderr).toBe(0);
    expect((await readdir(work)).sort()).toEqual(['01-pod.md', '02-pod.md']);
    const markdown = await readFile(path.join(work, '02-pod.md'), 'utf8');
    expect(markdown).toMatch(/^---\ntitle: "Pod 네트워킹"\norder: 2\n/);
    expect(markdown).toMatch(/^## Question & Answer$/m);
    const checked = await lessonc('check', path.join(work, '02-pod.md'), '--format', 'json');
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.stdout)[0].messages.filter((m: { severity: string }) => m.severity === 'error')).toEqual([]);
    // The Q&A section is a real quiz: the compiler finds its question.
    const { analyzeLesson } = await import('../plugins/remark-lessonc/index.ts');
    expect(analyzeLesson(markdown).questions.sections.flatMap((section) => section.questions)).toHaveLength(1);
    expect((await lessonc('new', 'Pod 네트워킹', '--dir', work)).code).toBe(0);
    expect((await readdir(work)).sort()).toEqual(['01-pod.md', '02-pod.md', '03-pod.md']);
  });

  it('refuses a title-less call', async () => {
    expect((await lessonc('new')).code).toBe(2);
  });
});
