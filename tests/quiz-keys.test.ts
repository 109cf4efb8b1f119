import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.ts';

const run = promisify(execFile);

/** `lessonc check` (the real CLI) on a fixture lesson whose every question has a broken answer key. */
async function check(file: string, ...args: string[]): Promise<{ code: number; messages: { ruleId: string; line: number; message: string }[] }> {
  const cli = path.join(repoRoot, 'bin', 'lessonc.mjs');
  const result = await run(process.execPath, [cli, 'check', file, '--format', 'json', ...args], { cwd: repoRoot }).catch((error: { code: number; stdout: string }) => error);
  const reports = JSON.parse(result.stdout) as { messages: { ruleId: string; line: number; message: string }[] }[];
  return { code: 'code' in result ? Number(result.code) : 0, messages: reports.flatMap((report) => report.messages) };
}

describe('quiz/invalid-key', () => {
  it('reports each broken answer key at its line', async () => {
    const { code, messages } = await check('tests/fixtures/quiz/invalid-keys.md', '--locale', 'en');
    expect(code).toBe(1);
    const keys = messages.filter((m) => m.ruleId === 'quiz/invalid-key').map(({ line, message }) => [line, message]);
    expect(keys).toEqual([
      [13, 'Unexpected answer key `kubectl get pods --wide` in question 1: kubectl rejects it: Unexpected flag `--wide` for `kubectl get`'],
      [26, 'Unexpected Kubernetes error in the answer key of question 2: Unexpected field `imagePullPolcy` in `Container`, expected `imagePullPolicy`'],
      [30, 'Missing model answer in question 3, expected an answer or `::keywords[…]`'],
      [32, 'Missing correct choice in question 4, expected a choice marked `- [x]`'],
      [46, 'Unexpected answer key `kubectl get pods --every-namespace` in question 5: kubectl rejects it: Unexpected flag `--every-namespace` for `kubectl get`'],
      [56, 'Unexpected answer key of question 6: it does not meet its own requirement `metadata.name`'],
    ]);
  });

  it('words the problem in Korean too', async () => {
    const { messages } = await check('tests/fixtures/quiz/invalid-keys.md', '--locale', 'ko');
    expect(messages.find((m) => m.ruleId === 'quiz/invalid-key' && m.line === 32)?.message).toBe('문제 4에 정답으로 표시된 보기가 없습니다. 맞는 보기를 `- [x]`로 표시하세요');
  });

  it('finds nothing wrong with the keys of the course and of the quiz fixtures', async () => {
    for (const file of ['lessons', 'tests/fixtures/quiz/lessons']) {
      const { messages } = await check(file);
      expect(messages.filter((m) => m.ruleId === 'quiz/invalid-key'), file).toEqual([]);
    }
  });
});
