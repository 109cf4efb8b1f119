import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Code, Heading, List, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { importNotes } from '../plugins/remark-lessonc/lib/import/index.ts';
import { generateNotes } from './fixtures/import/generate-notes.ts';
import { repoRoot } from './helpers/paths.ts';
import { codeNodes, LIST_MARKER, linesMissingFromMarkdown, noteLines, plainParser, withoutPrompt } from './helpers/import-lines.ts';

const seedName = '000_27c1ab4a3650825c.txt';
const seedPath = path.resolve(repoRoot, '..', 'shared', 'seeds', seedName);
const expectedSeedPath = path.join(repoRoot, 'tests', 'fixtures', 'import', `${seedName.replace(/\.txt$/, '')}.expected.md`);

/** The dialect lessons are compiled with (`lib/parse.ts`): escaping has to hold up against GFM and directives too. */
const lessonParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);

/** Stronger: the text survives parsing as a lesson — prose lines are in the rendered text, not eaten by markup. */
function linesMissingFromRenderedText(notes: string, markdown: string): string[] {
  const tree = lessonParser.parse(markdown);
  const codes = codeNodes(tree);
  const codeLines = new Set(codes.flatMap((code) => code.value.split('\n')));
  const pieces: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'paragraph' || node.type === 'heading') pieces.push(...toString(node).split('\n'));
    if (node.type === 'yaml') pieces.push(String(parseYaml(node.value).title));
  });
  return noteLines(notes).filter((line) => {
    const text = line.trim();
    if (text === '' || codeLines.has(line) || codeLines.has(text) || codeLines.has(withoutPrompt(text))) return false;
    // A bullet's or question's marker is markup: only the text after it is rendered.
    const rendered = text.replace(LIST_MARKER, '');
    return !pieces.some((piece) => piece.includes(text) || piece.includes(rendered));
  });
}

/** Markup the importer must never produce from notes (it would hide or reshape note text). */
const FORBIDDEN_NODES = new Set([
  'html', 'definition', 'footnoteDefinition', 'footnoteReference', 'table', 'delete', 'emphasis', 'strong', 'inlineCode',
  'thematicBreak', 'blockquote', 'image', 'imageReference', 'linkReference', 'textDirective', 'leafDirective', 'containerDirective',
]);

function structureProblems(markdown: string): string[] {
  const problems: string[] = [];
  const sourceLines = markdown.split('\n');
  const tree = lessonParser.parse(markdown);
  visit(tree, (node: Nodes) => {
    const line = node.position?.start.line ?? 0;
    if (FORBIDDEN_NODES.has(node.type)) problems.push(`${node.type} at line ${line}: ${sourceLines[line - 1]}`);
    if (node.type === 'code' && !['shell', 'yaml', 'text'].includes(node.lang ?? '')) problems.push(`code without a known language at line ${line}`);
    if (node.type === 'code' && node.position?.start.column !== 1) problems.push(`indented code block at line ${line}`);
    if (node.type === 'heading' && (!/^#{2,3} /.test(sourceLines[line - 1] ?? '') || node.depth < 2)) problems.push(`unexpected heading at line ${line}`);
    if (node.type === 'listItem' && typeof node.checked === 'boolean') problems.push(`task item at line ${line}`);
  });
  const frontmatter = tree.children[0];
  if (frontmatter?.type !== 'yaml') problems.push('no frontmatter');
  return problems;
}

function frontmatterOf(markdown: string): Record<string, unknown> {
  const first = plainParser.parse(markdown).children[0];
  if (first?.type !== 'yaml') throw new Error('no frontmatter');
  return parseYaml(first.value) as Record<string, unknown>;
}

/** The top-level blocks of the `## Question & Answer` section, up to the next level-2 heading. */
function qaSection(tree: Root): RootContent[] {
  const start = tree.children.findIndex((node) => node.type === 'heading' && toString(node) === 'Question & Answer');
  expect(start).toBeGreaterThan(-1);
  const end = tree.children.findIndex((node, index) => index > start && node.type === 'heading' && (node as Heading).depth <= 2);
  return tree.children.slice(start + 1, end === -1 ? undefined : end);
}

interface SeedQuestion {
  number: number;
  text: string;
  answer: RootContent[];
}

function seedQuestions(markdown: string): SeedQuestion[] {
  const questions: SeedQuestion[] = [];
  for (const node of qaSection(plainParser.parse(markdown))) {
    if (node.type === 'list' && node.ordered) {
      (node as List).children.forEach((item, index) => {
        questions.push({ number: ((node as List).start ?? 1) + index, text: toString(item.children[0]!), answer: item.children.slice(1) });
      });
    } else {
      questions.at(-1)?.answer.push(node);
    }
  }
  return questions;
}

describe('importNotes on the seed notes', () => {
  const notes = readFileSync(seedPath, 'utf8');
  const markdown = importNotes(notes, { sourceName: seedName });
  const seedLines = noteLines(notes);
  const tree = plainParser.parse(markdown);

  it('keeps every non-blank line', () => {
    expect(linesMissingFromMarkdown(notes, markdown)).toEqual([]);
    expect(linesMissingFromRenderedText(notes, markdown)).toEqual([]);
    expect(structureProblems(markdown)).toEqual([]);
  });

  it('writes the frontmatter: inferred title, order, source, Kubernetes version', () => {
    expect(frontmatterOf(markdown)).toEqual({ title: 'Pod 개념 및 사용하기', order: 1, source: seedName, kubernetes: '1.32' });
    expect(markdown.startsWith('---\ntitle: Pod 개념 및 사용하기\n')).toBe(true);
    // The template labels stay in the body.
    expect(markdown).toContain('\n학습내용\n');
    expect(markdown).toContain('\n파트\n');
  });

  it('copies the tab-indented YAML byte for byte, titled with the file it is the content of', () => {
    const yamlBlocks = codeNodes(tree).filter((code) => code.lang === 'yaml');
    const redis = seedLines.slice(77, 85).join('\n');
    const fragment = seedLines.slice(103, 107).join('\n');
    const example = seedLines.slice(143, 164).join('\n');
    expect(redis).toMatch(/^apiVersion: v1\n[^]*\t- image: redis123$/);
    expect(fragment).toBe('  livenessProbe\t\n\thttpGet:\n\t\tpatch /\n\t\tport 80');
    expect(example).toMatch(/^apiVerison: v1\n[^]*\tfailureThreshold: 2$/);
    expect(yamlBlocks.map((code) => [code.meta, code.value])).toEqual([
      ['title="redis.yaml"', redis],
      [null, fragment],
      [null, seedLines.slice(109, 112).join('\n')],
      [null, seedLines.slice(114, 119).join('\n')],
      ['title="liveness-exam.yaml"', example],
    ]);
    // Fences at column 0: the Markdown holds the lines unchanged.
    for (const line of [...redis.split('\n'), ...fragment.split('\n')]) expect(markdown.split('\n')).toContain(line);
  });

  it('turns prompt lines into shell blocks without the prompt', () => {
    const shellLines = codeNodes(tree)
      .filter((code) => code.lang === 'shell')
      .flatMap((code) => code.value.split('\n'));
    const prompted = seedLines.filter((line) => line.startsWith('# kubectl'));
    expect(prompted.length).toBeGreaterThan(20);
    for (const line of prompted) expect(shellLines).toContain(line.slice(2).trimEnd());
    expect(shellLines).toContain('cat redis.yaml');
    expect(shellLines.some((line) => line.startsWith('#'))).toBe(false);
    expect(markdown).not.toMatch(/^# /m);
  });

  it('puts the describe output with its annotations in a text output block', () => {
    const outputs = codeNodes(tree).filter((code) => code.lang === 'text');
    expect(outputs).toHaveLength(1);
    expect(outputs[0]!.meta).toBe('output');
    expect(outputs[0]!.value).toBe(seedLines.slice(128, 134).join('\n'));
    expect(outputs[0]!.value.startsWith('Liveness:       http-get')).toBe(true);
    expect(markdown).toContain('```text output\nLiveness:       http-get http://:80/');
  });

  it('keeps the definition list (prose values) out of YAML', () => {
    expect(markdown).toContain('\n- periodSeconds: health check 반복 실행 시간(초)\n');
    expect(codeNodes(tree).some((code) => code.value.includes('periodSeconds: health check'))).toBe(false);
  });

  it('writes the Q&A section as 12 numbered questions, each followed by its answer', () => {
    const questions = seedQuestions(markdown);
    expect(questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(questions[0]!.text).toBe('현재 namespace에서 동작중인 Pod는 몇 개인가?');
    const commandAnswer = (n: number): string => {
      const [first] = questions[n - 1]!.answer;
      expect(first).toMatchObject({ type: 'code', lang: 'shell' });
      return (first as Code).value;
    };
    expect(commandAnswer(1)).toBe('kubectl get pods');
    expect(commandAnswer(2)).toBe('kubectl get pods --all-namespaces');
    expect(commandAnswer(3)).toBe('kubectl run nginx-pod --image=nginx:1.14');
    expect(commandAnswer(7)).toBe('kubectl get pods -o wide');
    expect(commandAnswer(10)).toBe('kubectl delete pods nginx-pod');
    expect(commandAnswer(12)).toBe('kubectl edit pods edit');

    const q9 = questions[8]!.answer;
    expect(q9).toHaveLength(1);
    expect(q9[0]).toMatchObject({ type: 'paragraph' });
    expect(toString(q9[0]!)).toBe('전체 파드수중 현재 동작중인 파드수');

    const q11 = questions[10]!.answer.map((node) => (node.type === 'code' ? [node.lang, node.meta, node.value] : [node.type]));
    expect(q11).toEqual([
      ['shell', null, 'cat redis.yaml'],
      ['yaml', 'title="redis.yaml"', seedLines.slice(77, 85).join('\n')],
      ['shell', null, 'kubectl create -f redis.yaml\nkubectl run redis --image=redis123 -o yaml --dry-run > redis.yaml'],
    ]);
    expect(toString(questions[11]!.answer.at(-1)!)).toBe('image: redis123 image: redis 수정');
  });

  it('ends the Q&A section at the next topic and keeps the topics still to write', () => {
    const headings = tree.children.filter((node): node is Heading => node.type === 'heading').map((h) => `${'#'.repeat(h.depth)} ${toString(h)}`);
    expect(headings).toEqual([
      '## 파드 실행 명령',
      '## Pod 동작 Flow',
      '## Pod 관리하기',
      '### 동작중인 파드 정보 보기',
      '### 동작중인 파드 수정',
      '### 동작중인 파드 삭제',
      '## Question & Answer',
      '## LivenessProbe를 사용한 self-healing Pod',
      '## livenessProbe 매커니즘',
      '## liveness probe 매개 변수',
      '## 기본값',
      '## EXAMPLE',
      '## init container',
      '## infra container(pause) 이해하기',
      '## static pod 만들기',
      '## Pod에 resource 할당 하기',
      '## 환경변수를 이용해 컨테이너에 데이터 전달하기',
      '## Pod 구성 패턴의 종류',
    ]);
  });

  it('matches the reviewed Markdown (tests/fixtures/import)', () => {
    // Regenerate after an intended change: UPDATE_FIXTURES=1 npx vitest run tests/import-notes.test.ts
    if (process.env.UPDATE_FIXTURES === '1') writeFileSync(expectedSeedPath, markdown);
    expect(markdown).toBe(readFileSync(expectedSeedPath, 'utf8'));
  });

  it('gives the same Markdown for CRLF line endings and without the final newline', () => {
    expect(importNotes(notes.replace(/\n/g, '\r\n'), { sourceName: seedName })).toBe(markdown);
    expect(importNotes(notes.replace(/\n+$/, ''), { sourceName: seedName })).toBe(markdown);
  });
});

describe('importNotes on generated notes', () => {
  const seeds = Array.from({ length: 200 }, (_, index) => index + 1);

  it('keeps every line, parses, and is deterministic', () => {
    const failures: string[] = [];
    for (const seed of seeds) {
      const notes = generateNotes(seed);
      const markdown = importNotes(notes, { sourceName: `generated-${seed}.txt`, order: seed });
      const problems = [
        ...linesMissingFromMarkdown(notes, markdown).map((line) => `missing: ${JSON.stringify(line)}`),
        ...linesMissingFromRenderedText(notes, markdown).map((line) => `not rendered: ${JSON.stringify(line)}`),
        ...structureProblems(markdown),
      ];
      const frontmatter = frontmatterOf(markdown);
      if (typeof frontmatter.title !== 'string' || frontmatter.order !== seed || frontmatter.kubernetes !== '1.32') problems.push(`frontmatter ${JSON.stringify(frontmatter)}`);
      if (importNotes(notes, { sourceName: `generated-${seed}.txt`, order: seed }) !== markdown) problems.push('not deterministic');
      if (problems.length > 0) failures.push(`seed ${seed}:\n  ${problems.join('\n  ')}`);
    }
    expect(failures.slice(0, 5).join('\n')).toBe('');
  });

  it('generates notes with the hard cases in them', () => {
    const all = seeds.map(generateNotes).join('\n');
    for (const needle of ['\r\n', '# kubectl', '$ ', '\tname: web', '1. ', '*', '<b>', '```', 'Liveness:', 'Question & Answer', '시간:초']) {
      expect(all).toContain(needle);
    }
  });
});

describe('importNotes edge cases', () => {
  it('handles empty notes', () => {
    const markdown = importNotes('', { sourceName: 'notes/empty-notes.txt' });
    expect(markdown).toBe('---\ntitle: empty-notes\norder: 1\nsource: empty-notes.txt\nkubernetes: "1.32"\n---\n');
    expect(structureProblems(markdown)).toEqual([]);
  });

  it('uses the given title and order, and quotes them safely', () => {
    const markdown = importNotes('Pod\n\n본문입니다.\n', { sourceName: 'a.txt', title: 'Pod: "개념" # 1', order: 3 });
    expect(frontmatterOf(markdown)).toEqual({ title: 'Pod: "개념" # 1', order: 3, source: 'a.txt', kubernetes: '1.32' });
    expect(markdown).toContain('\n## Pod\n');
  });

  it('keeps notes that are only prose as paragraphs, one line per note line, escaping only what would become markup', () => {
    const notes = '파드는 가장 작은 단위이다.\n1. 이것은 질문이 아니다.\n# 루트 프롬프트가 아닌 주석\n*별표* 와 <태그> 그리고 `백틱`\n시간:초 snake_case _강조_\n';
    const markdown = importNotes(notes, { sourceName: 'prose.txt' });
    expect(markdown.split('---\n').at(-1)).toBe(
      // Each note line stays a line of its own: a hard break (`\`) ends every line but the last.
      '\n파드는 가장 작은 단위이다.\\\n1\\. 이것은 질문이 아니다.\\\n\\# 루트 프롬프트가 아닌 주석\\\n\\*별표\\* 와 <태그> 그리고 \\`백틱\\`\\\n시간\\:초 snake_case \\_강조\\_\n',
    );
    expect(frontmatterOf(markdown).title).toBe('prose');
    expect(linesMissingFromRenderedText(notes, markdown)).toEqual([]);
  });

  it('uses a longer fence when the notes contain triple backticks', () => {
    const notes = 'cat x.yaml\napiVersion: v1\nkind: ConfigMap\ndata:\n\tscript: |\n\t\t```\n\t\techo hi\n\t\t````\n';
    const markdown = importNotes(notes, { sourceName: 'x.txt' });
    expect(markdown).toContain('`````yaml title="x.yaml"\napiVersion: v1\n');
    expect(codeNodes(plainParser.parse(markdown)).find((code) => code.lang === 'yaml')?.value).toBe(noteLines(notes).slice(1, 8).join('\n'));
  });

  it('strips prompts of every style and keeps output after a command out of the shell block', () => {
    const notes = '$ kubectl get pods\nNAME   READY   STATUS\nweb    1/1     Running\n\n[root@master ~]# kubectl get nodes\n\nroot@controlplane ~ ➜  k get svc\n';
    const codes = codeNodes(plainParser.parse(importNotes(notes, { sourceName: 'x.txt' })));
    expect(codes.map((code) => [code.lang, code.meta, code.value])).toEqual([
      ['shell', null, 'kubectl get pods'],
      ['text', 'output', 'NAME   READY   STATUS\nweb    1/1     Running'],
      // The checker's prompts (extract/prompts.ts): `➜` made a heading before the importer shared them.
      ['shell', null, 'kubectl get nodes\nk get svc'],
    ]);
  });
});

describe('importNotes on other note shapes', () => {
  it('keeps a here-document with its command', () => {
    const notes = 'cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\nEOF\n';
    const codes = codeNodes(plainParser.parse(importNotes(notes, { sourceName: 'x.txt' })));
    expect(codes.map((code) => [code.lang, code.value])).toEqual([['shell', notes.trimEnd()]]);
  });

  it('titles YAML typed into an editor and keeps a wrapped sentence out of the headings', () => {
    const notes = 'vi web.yaml\napiVersion: v1\nkind: Pod\n\n파드의 공유 콘텍스트는 리눅스 네임스페이스, 컨트롤 그룹(cgroup) 및\n다른 격리 요소들이다.\n';
    const tree = plainParser.parse(importNotes(notes, { sourceName: 'x.txt' }));
    expect(codeNodes(tree).map((code) => [code.lang, code.meta])).toEqual([['shell', null], ['yaml', 'title="web.yaml"']]);
    expect(tree.children.some((node) => node.type === 'heading')).toBe(false);
  });

  it('copies a flow-style (KYAML) manifest as one YAML block', () => {
    const notes = '---\n{\n  apiVersion: "v1",\n  kind: "Pod",\n  metadata: {\n    name: "web",\n  },\n}\n';
    const codes = codeNodes(plainParser.parse(importNotes(notes, { sourceName: 'x.txt' })));
    expect(codes.map((code) => [code.lang, code.value])).toEqual([['yaml', notes.trimEnd()]]);
  });
});

describe('importNotes on the external corpus (shared/corpus)', () => {
  const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus');
  const files = ['ko-docs', 'k8s-examples'].flatMap((dir) => readdirSync(path.join(corpusDir, dir)).map((name) => path.join(dir, name)));

  it('keeps every line of real Korean pages and manifests, and the Markdown parses', () => {
    expect(files.length).toBeGreaterThan(100);
    const failures: string[] = [];
    for (const file of files) {
      const notes = readFileSync(path.join(corpusDir, file), 'utf8');
      const markdown = importNotes(notes, { sourceName: path.basename(file) });
      const problems = [
        ...linesMissingFromMarkdown(notes, markdown).map((line) => `missing: ${JSON.stringify(line)}`),
        ...linesMissingFromRenderedText(notes, markdown).map((line) => `not rendered: ${JSON.stringify(line)}`),
        ...structureProblems(markdown),
      ];
      if (problems.length > 0) failures.push(`${file}:\n  ${problems.slice(0, 5).join('\n  ')}`);
    }
    expect(failures.slice(0, 5).join('\n')).toBe('');
  });
});
