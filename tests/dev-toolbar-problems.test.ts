import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeLesson } from '../plugins/remark-lessonc/index.ts';
import { lessonFileForPage, lessonProblems } from '../src/integrations/lesson-problems/problems.ts';
import { repoRoot } from './helpers/paths.ts';

const lessons = path.join(repoRoot, 'lessons');

describe('dev toolbar: the problems of the page\'s lesson', () => {
  it('finds the lesson a page shows from its path, and nothing for other pages', async () => {
    expect(lessonFileForPage(lessons, '/lessons/01-pod/')).toBe(path.join(lessons, '01-pod.md'));
    expect(lessonFileForPage(lessons, '/base/lessons/01-pod/')).toBe(path.join(lessons, '01-pod.md'));
    expect(lessonFileForPage(lessons, '/')).toBeUndefined();
    expect(lessonFileForPage(lessons, '/lessons/../../package/')).toBeUndefined();
    const nested = await mkdtemp(path.join(os.tmpdir(), 'lessonc-toolbar-'));
    await mkdir(path.join(nested, 'networking'));
    await writeFile(path.join(nested, 'networking', 'services.md'), '---\ntitle: x\n---\n');
    expect(lessonFileForPage(nested, '/lessons/networking/services/')).toBe(path.join(nested, 'networking', 'services.md'));
  });

  it('lists every problem of lesson 1 with its line, worded in the lesson\'s language', async () => {
    const { readFile } = await import('node:fs/promises');
    const file = path.join(lessons, '01-pod.md');
    const listed = await lessonProblems(lessons, file);
    const analysis = analyzeLesson(await readFile(file, 'utf8'));
    expect(listed.lesson).toBe('01-pod');
    expect(listed.problems.map((p) => [p.line, p.ruleId])).toEqual(analysis.messages.map((m) => [m.start.line, m.ruleId]));
    // Lesson 1 has no `lang`, so it is Korean: a catalogued message is worded in Korean.
    expect(listed.problems.find((p) => p.ruleId === 'k8s/unknown-field')?.message).toMatch(/필드는 없습니다/);
  });
});
