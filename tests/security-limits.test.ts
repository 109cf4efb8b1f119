import { chmod, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import * as fsPromises from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// `readFile` passes through, except where a test makes it simulate an editor saving meanwhile.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, readFile: vi.fn(real.readFile) };
});
import { checkFile } from '../cli/check.ts';
import { writeFileAtomic } from '../cli/files.ts';
import { fixFile } from '../cli/fix.ts';
import { main } from '../cli/main.ts';
import remarkLessonc, { analyzeLesson } from '../plugins/remark-lessonc/index.ts';
import { ManifestQuestion } from '../plugins/remark-lessonc/lib/quiz/schema.ts';
import { checkManifest } from '../plugins/remark-lessonc/lib/quiz/types/manifest.ts';
import { YAML_LIMITS } from '../plugins/remark-lessonc/lib/yaml/limits.ts';

/** The classic "billion laughs": nine levels of nine aliases each. */
const aliasBomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n');
const nestedBlock = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' x';
const nestedFlow = (levels: number) => `a: ${'['.repeat(levels)}1${']'.repeat(levels)}`;
const lesson = (body: string, frontmatter = 'title: Limits') => `---\n${frontmatter}\n---\n\n${body}\n`;
const yamlBlock = (yaml: string) => '```yaml\n' + yaml + '\n```';

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe('bounded YAML', () => {
  // Load the schema and grammar first, so the timings below are the limits' own.
  beforeAll(() => void analyzeLesson(lesson(yamlBlock('apiVersion: v1\nkind: Pod\nmetadata:\n  name: warm'))));

  it('reports a 9×9 alias bomb in a snippet at the alias that goes over the limit, in under a second', () => {
    const markdown = lesson(yamlBlock(aliasBomb));
    const { value, ms } = timed(() => analyzeLesson(markdown));
    expect(ms).toBeLessThan(1000);
    const [problem, ...others] = value.messages.filter((m) => m.ruleId === 'yaml/alias-limit');
    expect(others).toEqual([]);
    expect(problem!.severity).toBe('error');
    // a..d expand 9 + 90 + 819 times; the first `*d` in `e` goes over 1000.
    expect(markdown.slice(problem!.start.offset, problem!.end.offset)).toBe('*d');
    expect(problem!.start.line).toBe(6 + 4);
    expect(problem!.message).toContain(`over ${YAML_LIMITS.maxAliasExpansions} alias expansions`);
    expect(value.messages.filter((m) => m.ruleId === 'lessonc/internal-error')).toEqual([]);
  });

  it('reports the alias bomb in a manifest and in the frontmatter too', () => {
    const manifest = analyzeLesson(lesson(yamlBlock(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n  ${aliasBomb.replace(/\n/g, '\n  ')}`)));
    expect(manifest.messages.filter((m) => m.ruleId === 'yaml/alias-limit')).toHaveLength(1);
    expect(manifest.messages.filter((m) => m.ruleId === 'lessonc/internal-error')).toEqual([]);
    const markdown = lesson('Body', `title: Limits\ntags: ${'x'}\nbomb:\n  ${aliasBomb.replace(/\n/g, '\n  ')}`);
    const [problem] = analyzeLesson(markdown).messages.filter((m) => m.ruleId === 'yaml/alias-limit');
    expect(markdown.slice(problem!.start.offset, problem!.end.offset)).toBe('*d');
  });

  it('reports 200 levels of nesting (block and flow) where they go past the depth limit, in under a second', () => {
    for (const yaml of [nestedBlock(200), nestedFlow(200), nestedFlow(50_000)]) {
      const markdown = lesson(yamlBlock(yaml));
      const { value, ms } = timed(() => analyzeLesson(markdown));
      expect(ms).toBeLessThan(1000);
      const problems = value.messages.filter((m) => m.ruleId === 'yaml/depth-limit');
      expect(problems).toHaveLength(1);
      expect(problems[0]!.severity).toBe('error');
      expect(value.messages.filter((m) => m.ruleId === 'lessonc/internal-error' || m.ruleId === 'yaml/resource-exhaustion')).toEqual([]);
    }
    const block = lesson(yamlBlock(nestedBlock(200)));
    const [deep] = analyzeLesson(block).messages.filter((m) => m.ruleId === 'yaml/depth-limit');
    // Line of the 65th level: the code starts on line 6.
    expect(deep!.start.line).toBe(6 + YAML_LIMITS.maxDepth);
    expect(block.slice(deep!.start.offset, deep!.start.offset + 4)).toBe(`k${YAML_LIMITS.maxDepth}:`);
  });

  it('accepts nesting up to the limit and real manifests', () => {
    const { messages } = analyzeLesson(lesson(yamlBlock(nestedBlock(YAML_LIMITS.maxDepth))));
    expect(messages.filter((m) => m.ruleId.startsWith('yaml/'))).toEqual([]);
  });

  it('refuses a YAML snippet over the size limit without parsing it', () => {
    const big = `data: |\n${'  line of text\n'.repeat(Math.ceil(YAML_LIMITS.maxChars / 14) + 10)}`;
    const { value, ms } = timed(() => analyzeLesson(lesson(yamlBlock(big))));
    expect(ms).toBeLessThan(5000);
    expect(value.messages.map((m) => m.ruleId)).toContain('yaml/size-limit');
  });

  it("grades a learner's alias bomb or deep YAML as wrong, quickly and without throwing", async () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n';
    const question = ManifestQuestion.parse({ id: 'q1', number: 1, prompt: 'p', hints: [], type: 'manifest', answer: pod, require: [{ path: 'metadata.name', value: 'web' }] });
    for (const text of [aliasBomb, nestedFlow(100_000), nestedBlock(300)]) {
      const started = performance.now();
      const verdict = await checkManifest(question, { text }, 'en');
      expect(performance.now() - started).toBeLessThan(1000);
      expect(verdict.status).toBe('wrong');
    }
    expect((await checkManifest(question, { text: pod }, 'en')).status).toBe('right');
  });
});

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'lessonc-limits-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('lesson size limit', () => {
  it('refuses a lesson over the limit up front, naming the limit and how to raise it', async () => {
    const file = path.join(work, 'big.md');
    await writeFile(file, lesson('x'.repeat(4096)));
    const started = performance.now();
    const report = await checkFile(file, 'en', 1024);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(report.messages).toHaveLength(1);
    expect(report.messages[0]).toMatchObject({ ruleId: 'lesson/too-large', severity: 'error', line: 1, column: 1 });
    expect(report.messages[0]!.message).toMatch(/over the limit of 1024 bytes.*`--max-lesson-size`.*`maxLessonSize`/);
    expect((await checkFile(file, 'en')).messages.map((m) => m.ruleId)).not.toContain('lesson/too-large');
  });

  it('takes the limit from --max-lesson-size for check and fix, and rejects a bad size', async () => {
    const file = path.join(work, 'cli-big.md');
    await writeFile(file, lesson('y'.repeat(3000)));
    const errors: string[] = [];
    const logs: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation((text: string) => void errors.push(text));
    const log = vi.spyOn(console, 'log').mockImplementation((text: string) => void logs.push(text));
    try {
      expect(await main(['check', file, '--max-lesson-size', '2KB', '--format', 'json'])).toBe(1);
      expect(JSON.parse(logs.join(''))[0].messages[0].ruleId).toBe('lesson/too-large');
      expect(await main(['fix', file, '--max-lesson-size=2KB'])).toBe(1);
      expect(errors.join('\n')).toContain('over the limit of 2048 bytes');
      expect(await main(['check', file, '--max-lesson-size', 'lots'])).toBe(2);
    } finally {
      error.mockRestore();
      log.mockRestore();
    }
  });

  it('makes the remark plugin fail before parsing when the option is lower than the lesson', () => {
    const processor = unified().use(remarkParse).use(remarkLessonc, { render: false, maxLessonSize: 100 });
    expect(() => processor.parse(lesson('z'.repeat(200)))).toThrow(/over the limit of 100 bytes/);
    expect(() => processor.parse(lesson('short'))).not.toThrow();
  });
});

describe('lessonc fix writes safely', () => {
  const broken = lesson('```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    imgae: nginx\n```');

  it('keeps the file mode, and a CRLF file with a BOM stays CRLF with its BOM', async () => {
    const file = path.join(work, 'mode.md');
    await writeFile(file, `\uFEFF${broken.replace(/\n/g, '\r\n')}`);
    await chmod(file, 0o640);
    const outcome = await fixFile(file, { unsafe: false, dryRun: false });
    expect(outcome.changed).toBe(true);
    const fixed = await readFile(file, 'utf8');
    expect(fixed.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(fixed).toContain('    image: nginx\r\n');
    expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');
    expect((await stat(file)).mode & 0o777).toBe(0o640);
  });

  it('refuses a symbolic link with a message and leaves link and target alone', async () => {
    const target = path.join(work, 'target.md');
    const link = path.join(work, 'link.md');
    await writeFile(target, broken);
    await symlink(target, link);
    const outcome = await fixFile(link, { unsafe: false, dryRun: false });
    expect(outcome.problem).toMatch(/is a symbolic link, not fixed: .*fix its target .*target\.md/);
    expect(await readFile(target, 'utf8')).toBe(broken);
    expect((await import('node:fs/promises')).lstat(link).then((info) => info.isSymbolicLink())).resolves.toBe(true);
  });

  it('does not overwrite an edit saved between reading and renaming', async () => {
    const file = path.join(work, 'edited.md');
    await writeFile(file, 'original\n');
    // The editor saved after lessonc read `original`: the fixed text must not replace the edit.
    await writeFile(file, 'edited by the author\n');
    expect(await writeFileAtomic(file, 'fixed\n', { expected: 'original\n' })).toBe(false);
    expect(await readFile(file, 'utf8')).toBe('edited by the author\n');
    expect((await import('node:fs/promises')).readdir(work).then((names) => names.filter((name) => name.endsWith('.tmp')))).resolves.toEqual([]);
    expect(await writeFileAtomic(file, 'fixed\n', { expected: 'edited by the author\n' })).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('fixed\n');
  });

  it('reports the edit made while fixing and keeps it', async () => {
    const file = path.join(work, 'race.md');
    await writeFile(file, broken);
    const edited = `${broken}\nA new paragraph.\n`;
    const readFileMock = vi.mocked(fsPromises.readFile);
    const realRead = (await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises')).readFile;
    // The editor saves right after lessonc has read the lesson, while the fix is being worked out.
    readFileMock.mockImplementationOnce((async (...args: Parameters<typeof realRead>) => {
      const content = await realRead(...args);
      await writeFile(file, edited);
      return content;
    }) as never);
    const outcome = await fixFile(file, { unsafe: false, dryRun: false });
    expect(outcome.problem).toMatch(/changed on disk while lessonc was fixing it/);
    expect(outcome.changed).toBe(false);
    expect(await realRead(file, 'utf8')).toBe(edited);
  });
});
