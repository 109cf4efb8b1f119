import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeLesson } from '../plugins/remark-lessonc/index.ts';
import { sharedDir } from './helpers/paths.ts';

const koDocs = path.join(sharedDir, 'corpus', 'ko-docs');

/**
 * The Korean kubernetes.io pages read as lessons: every rule family (YAML, Kubernetes, kubectl, lesson
 * state) must stay quiet on real material. Their Hugo frontmatter is not a lesson's, so
 * `lesson/frontmatter` is left out. The cheat sheet has two commands that are really broken (see
 * shared/corpus/README.md): those, and only those, must be reported.
 */
describe('ko-docs pages as lessons', () => {
  const pages = readdirSync(koDocs).filter((file) => file.endsWith('.md'));

  it('has the pages', () => expect(pages.length).toBeGreaterThanOrEqual(9));

  for (const page of pages) {
    it(`raises no false alarm on ${page}`, () => {
      const markdown = readFileSync(path.join(koDocs, page), 'utf8');
      const lines = markdown.split('\n');
      const reported = analyzeLesson(markdown)
        .messages.filter((m) => m.ruleId !== 'lesson/frontmatter')
        .map((m) => ({ ruleId: m.ruleId, severity: m.severity, line: lines[m.start.line - 1]!.trim() }));
      const expected =
        page === 'reference__kubectl__cheatsheet.md'
          ? [
              { ruleId: 'kubectl/deprecated', severity: 'error', line: expect.stringContaining('--include-uninitialized') },
              { ruleId: 'kubectl/missing-flag-value', severity: 'error', line: expect.stringMatching(/ -n$/) },
            ]
          : [];
      expect(reported).toEqual(expected);
    });
  }
});

describe('kubernetes.io example manifests in a lesson', () => {
  it('raise no error or warning from any rule', () => {
    const directory = path.join(sharedDir, 'corpus', 'k8s-examples');
    const files = readdirSync(directory).filter((file) => file.endsWith('.yaml')).sort();
    expect(files.length).toBeGreaterThanOrEqual(100);
    const blocks = files.map((file) => `\`\`\`yaml title="${file}"\n${readFileSync(path.join(directory, file), 'utf8').trimEnd()}\n\`\`\``);
    const markdown = `---\ntitle: Examples\n---\n\n${blocks.join('\n\n')}\n\n\`\`\`shell\n${files.map((file) => `kubectl apply -f ${file}`).join('\n')}\n\`\`\`\n`;
    const problems = analyzeLesson(markdown).messages.filter((m) => m.severity !== 'info');
    expect(problems.map((m) => `${m.start.line}: ${m.ruleId} ${m.message}`)).toEqual([]);
  });
});
