import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeLesson, fixLesson, importNotes, type LessonMessage } from '../plugins/remark-lessonc/index.ts';
import { checkShellSnippet } from '../plugins/remark-lessonc/lib/kubectl/check.ts';
import { tokenizeShellLine } from '../plugins/remark-lessonc/lib/kubectl/tokenize.ts';
import { localizeLessonMessage } from '../plugins/remark-lessonc/lib/messages.ts';
import { parseLesson } from '../plugins/remark-lessonc/lib/parse.ts';
import { renderLesson } from '../plugins/remark-lessonc/lib/render/lesson.ts';
import { repoRoot } from './helpers/paths.ts';

/**
 * The checker on notes as people write them (issue 10): blocks without a language, indented blocks,
 * `json` fences, command lines in paragraphs, prompts and transcripts, placeholders, cheat sheets.
 * Every fixture in tests/fixtures/notes/ was written for these tests.
 */
const notes = (name: string) => readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'notes', name), 'utf8');

/** `line:column ruleId` of every error and warning, the form `lessonc check` prints. */
function problems(markdown: string): string[] {
  return analyzeLesson(markdown)
    .messages.filter((m) => m.severity !== 'info' && m.ruleId !== 'lesson/frontmatter')
    .map((m) => `${m.start.line}:${m.start.column} ${m.ruleId}`);
}

function messageAt(markdown: string, line: number): LessonMessage {
  const found = analyzeLesson(markdown).messages.find((m) => m.start.line === line);
  if (!found) throw new Error(`no message on line ${line}`);
  return found;
}

const lesson = (...blocks: string[]) => `---\ntitle: T\n---\n\n${blocks.join('\n\n')}\n`;
const fence = (lang: string, ...lines: string[]) => `\`\`\`${lang}\n${lines.join('\n')}\n\`\`\``;

describe('1. snippets without a language are read by their content', () => {
  it('finds real mistakes in unlabelled fences, indented blocks, json fences and paragraphs, at their place', () => {
    expect(problems(notes('en-transcripts.md'))).toEqual([
      '13:29 kubectl/invalid-flag-value', // `-o wdie` in an unlabelled transcript
      '21:50 kubectl/unknown-flag', // `--tagret-port` after a user@host prompt, `k` alias
      '25:47 kubectl/unknown-flag', // `--no-header` in an indented block
      '28:41 kubectl/invalid-flag-value', // `--replicas=three` in a paragraph
    ]);
    expect(problems(notes('ko-notes.md'))).toEqual([
      '13:48 kubectl/run-options', // `# kubectl run ... --restart=Nevr` in an unlabelled fence
      '34:5 k8s/unknown-field', // `prots` in an unlabelled manifest
      '40:40 kubectl/unknown-flag', // `root@controlplane ~ ➜  k get ... --show-lables`
      '44:20 state/unknown-object', // `kubectl delete pod cahce` in a paragraph
      '51:69 k8s/unknown-field', // `imagePullPolcy` in a JSON manifest
    ]);
  });

  it('raises nothing on a correct note: output tables, describe output, jsonpath, JSON and YAML blocks, prose about kubectl', () => {
    expect(problems(notes('en-correct.md'))).toEqual([]);
    expect(problems(notes('ko-correct.md'))).toEqual([]);
  });

  it('finds a typo in the command itself in a block without a language, and a root prompt Markdown made a heading', () => {
    expect(problems(lesson(fence('', 'kubectl gt pods')))).toEqual(['6:9 kubectl/unknown-command']);
    expect(problems(lesson('# kubectl get pods -o wdie', '## kubectl get 명령 정리', '# kubectl 설치'))).toEqual(['5:23 kubectl/invalid-flag-value']);
  });

  it('checks a manifest written as a paragraph (cut by Markdown into paragraphs and lists), from its source', () => {
    const wrong = lesson('이 파드를 만든다:\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    prots:\n    - containerPort: 80', 'kubectl apply -f web.yaml');
    expect(problems(wrong)).toEqual(['14:5 k8s/unknown-field']);
    expect(messageAt(wrong, 14).message).toMatch(/a manifest written as a paragraph; put it in a ```yaml block/);
    expect(localizeLessonMessage('ko', messageAt(wrong, 14))).toMatch(/문단으로 적은 매니페스트입니다/);
    expect(fixLesson(wrong, { unsafe: true }).output).toContain('    ports:\n    - containerPort: 80');
    const right = lesson('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  color: blue', 'apiVersion 필드는 API 그룹과 버전을 적는다.');
    expect(problems(right)).toEqual([]);
    expect(analyzeLesson(right).snippets.map((s) => s.kind)).toEqual(['manifest']);
  });

  it('never guesses a block that is neither commands nor Kubernetes YAML into an error', () => {
    const other = lesson(fence('', 'Name:         web', 'Namespace:    default', 'Labels:       app=web'), fence('', 'server:', '\tport: 8080'), fence('', '{ "not": "kubernetes",'), '    NAME  READY\n    web   1/1');
    expect(problems(other)).toEqual([]);
    const kinds = analyzeLesson(other).snippets.map((s) => s.kind);
    expect(kinds).toEqual(['other', 'other', 'other', 'other']);
  });

  it('says the kind was inferred, in English and Korean', () => {
    const markdown = notes('en-transcripts.md');
    const inferred = messageAt(markdown, 13);
    expect(inferred.message).toMatch(/read as `shell` from the block's content/);
    expect(localizeLessonMessage('ko', inferred)).toMatch(/블록 내용을 보고 `shell`\(으\)로 읽었습니다/);
    const prose = messageAt(markdown, 28);
    expect(prose.message).toMatch(/a command line in a paragraph; put it in a ```shell block/);
    expect(localizeLessonMessage('ko', prose)).toMatch(/문단 안의 명령 줄입니다/);
    // A labelled block is not inferred: no note.
    expect(messageAt(markdown, 21).message).not.toMatch(/read as|paragraph/);
  });

  it('marks JSON manifests as JSON and fixes them where they are written', () => {
    const analysis = analyzeLesson(notes('ko-notes.md'));
    const json = analysis.snippets.find((s) => s.syntax === 'json');
    expect(json).toMatchObject({ kind: 'manifest', lang: 'json' });
    const fixed = fixLesson(notes('ko-notes.md'), { unsafe: true }).output;
    // The fixes land in the blocks without a language; the JSON block stays JSON.
    expect(fixed).toContain('    ports:\n    - containerPort: 6379');
    expect(fixed).toContain('--restart=Never');
    expect(fixed).toContain('k get pod cache --show-labels');
    const jsonBlock = /```json\n([\s\S]*?)\n```/.exec(fixed)![1]!;
    expect(() => JSON.parse(jsonBlock)).not.toThrow();
  });

  it('reads a JSON manifest without a language as a manifest, and other JSON as nothing to check', () => {
    const manifest = lesson(fence('', '{', '  "apiVersion": "v1",', '  "kind": "Pod",', '  "metadata": { "name": "j" },', '  "spec": { "containers": [ { "name": "c", "image": "nginx:1.27", "prots": [] } ] }', '}'));
    expect(analyzeLesson(manifest).snippets[0]).toMatchObject({ kind: 'manifest', inferred: true, syntax: 'json' });
    expect(problems(manifest)).toEqual(['10:67 k8s/unknown-field']); // the quoted key `"prots"`
    expect(messageAt(manifest, 10).message).toMatch(/read as `json`/);
    const settings = lesson(fence('json', '{ "editor.tabSize": 2, "kind": 3 }'), fence('', '{ "name": "x", "ports": "80" }'));
    expect(analyzeLesson(settings).snippets.map((s) => s.kind)).toEqual(['other', 'other']);
    expect(problems(settings)).toEqual([]);
  });

  it('renders an inferred snippet as a corrected snippet in the language it was read as', () => {
    const markdown = notes('en-transcripts.md');
    const analysis = analyzeLesson(markdown, parseLesson(markdown));
    const { snippets } = renderLesson(analysis, 'en');
    const transcript = snippets.find((view) => view.snippet.line === 11)!;
    expect(transcript.corrected).toContain('-o wide');
    expect(transcript.applied.length).toBeGreaterThan(0);
  });
});

describe('2. prompts and transcripts', () => {
  it('reads every prompt style as a command, keeping positions', () => {
    for (const prompt of ['$ ', '# ', 'user@host:~$ ', '[root@master ~]# ', 'controlplane $ ', 'root@controlplane ~ ➜  ']) {
      const found = checkShellSnippet(`${prompt}kubectl get pods -o wdie`);
      expect(found.map((d) => [d.ruleId, d.start]), prompt).toEqual([['kubectl/invalid-flag-value', prompt.length + 20]]);
    }
    expect(checkShellSnippet('$ k get pods -o wdie').map((d) => d.ruleId)).toEqual(['kubectl/invalid-flag-value']);
  });

  it('reads the lines after a prompt as output, and `# ...` that is not a kubectl command as a comment', () => {
    const transcript = '$ kubectl get pods\nk   1/1   Running   0   3s\nkubectl get pods -o wdie is what I typed first\n$ kubectl get svc';
    expect(checkShellSnippet(transcript)).toEqual([]);
    expect(checkShellSnippet('# kubectl is the CLI of Kubernetes\n# k8s is short for Kubernetes')).toEqual([]);
  });

  it('reads a transcript in a yaml fence as commands and output, not as broken YAML', () => {
    const markdown = lesson(fence('yaml', '$ kubectl get pod web -o yaml', 'apiVersion: v1', 'kind: Pod', 'metadata:', '\tname: web'));
    expect(analyzeLesson(markdown).snippets[0]).toMatchObject({ kind: 'shell', inferred: true });
    expect(problems(markdown)).toEqual([]);
    expect(problems(lesson(fence('yaml', '$ kubectl get pod web -o yml')))).toEqual(['6:26 kubectl/invalid-flag-value']);
  });

  it('checks the manifest `cat FILE` prints in a transcript, and knows the file afterwards', () => {
    const transcript = lesson(fence('yaml', '$ cat web.yaml', 'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: web', '    image: nginx:1.27', '    prots:', '    - containerPort: 80', '$ kubectl apply -f web.yaml', 'pod/web created', '$ kubectl logs web', '$ kubectl logs wbe'));
    expect(problems(transcript)).toEqual(['15:5 k8s/unknown-field', '20:16 state/unknown-object']);
    const right = lesson(fence('', 'cat web.yaml', 'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: web', '    image: nginx:1.27', 'kubectl apply -f web.yaml', 'kubectl logs web'));
    expect(problems(right)).toEqual([]);
  });

  it('keeps the root prompts of the seed notes working (import, and `# kubectl` in a fence)', () => {
    const seed = readFileSync(path.resolve(repoRoot, '..', 'shared', 'seeds', '000_27c1ab4a3650825c.txt'), 'utf8');
    const imported = importNotes(seed, { sourceName: 'seed.txt' });
    expect(imported).toContain('```shell\nkubectl run webserver --image=nginx:1.14\n');
    expect(problems(imported)).toContain('49:20 kubectl/unknown-flag'); // `# kubectl delete pod -all`
    expect(problems(lesson(fence('', '# kubectl delete pod -all')))).toEqual(['6:22 kubectl/unknown-flag']);
  });
});

describe('4. placeholders on the kubectl side', () => {
  it('tokenizes `<pod-name>` as a word, not a redirection; `< file` stays one', () => {
    const words = tokenizeShellLine('kubectl logs <pod-name> -c <container name> > out.txt').commands[0]!.words;
    expect(words.map((w) => [w.value, w.placeholder ?? false])).toEqual([['kubectl', false], ['logs', false], ['<pod-name>', true], ['-c', false], ['<container name>', true]]);
    expect(tokenizeShellLine('kubectl apply -f - <pod.yaml').commands[0]!.words.map((w) => w.value)).toEqual(['kubectl', 'apply', '-f', '-']);
    expect(tokenizeShellLine('kubectl logs <파드-이름>').commands[0]!.words.at(-1)).toMatchObject({ value: '<파드-이름>', placeholder: true });
  });

  it('lets placeholders satisfy every argument and flag value (the cheat sheet raises nothing)', () => {
    expect(problems(notes('en-cheatsheet.md'))).toEqual([]);
  });

  it('still finds the real mistake next to a placeholder', () => {
    expect(checkShellSnippet('kubectl logs <pod-name> --tial=5').map((d) => d.ruleId)).toEqual(['kubectl/unknown-flag']);
    expect(checkShellSnippet('kubectl get pod <name> -o wdie').map((d) => d.ruleId)).toEqual(['kubectl/invalid-flag-value']);
    expect(checkShellSnippet('kubectl scale deploy <name> --replicas=three').map((d) => d.ruleId)).toEqual(['kubectl/invalid-flag-value']);
    expect(checkShellSnippet('kubectl logs').map((d) => d.ruleId)).toEqual(['kubectl/missing-argument']);
  });
});

describe('5. lesson state only where the lesson is a sequence', () => {
  it('raises nothing in a section that acts on objects it never creates', () => {
    const markdown = lesson('## Lab', fence('shell', 'kubectl run web --image=nginx:1.27'), '## Reference', fence('shell', 'kubectl describe deployment frontend', 'kubectl delete pod other'));
    expect(problems(markdown)).toEqual([]);
  });

  it('still warns in a section of the lab sequence, and in a later section that uses what the lab made', () => {
    const sameSection = lesson(fence('shell', 'kubectl run web --image=nginx:1.27', 'kubectl describe pod wbe'));
    expect(problems(sameSection)).toEqual(['7:22 state/unknown-object']);
    const later = lesson('## Make', fence('shell', 'kubectl run web --image=nginx:1.27'), '## Look', fence('shell', 'kubectl logs web', 'kubectl describe pod wbe'));
    expect(problems(later)).toEqual(['15:22 state/unknown-object']);
    const typoOnly = lesson('## Make', fence('shell', 'kubectl run webserver --image=nginx:1.27'), '## Look', fence('shell', 'kubectl describe pod webserevr'));
    expect(problems(typoOnly)).toEqual(['14:22 state/unknown-object']);
  });

  it('does not read KEY=VALUE, KEY-, $VAR or {1..3} as object names', () => {
    const lab = lesson(fence('shell', 'kubectl run web --image=nginx:1.27', 'kubectl label pod web app=v2 tier=front', 'kubectl label pod web tier-', 'kubectl annotate pod web owner=me', 'kubectl logs $POD', 'kubectl delete pod web-{1..3}'));
    expect(problems(lab)).toEqual([]);
    const wrong = lesson(fence('shell', 'kubectl run web --image=nginx:1.27', 'kubectl label pod wbe app=v2'));
    expect(analyzeLesson(wrong).messages.filter((m) => m.ruleId === 'state/unknown-object').map((m) => m.data?.name)).toEqual(['wbe']);
  });
});

describe('10. import keeps note lines and what `cat FILE` printed', () => {
  it('keeps each note line as its own line (a hard break), in Korean and English', () => {
    const ko = importNotes(notes('ko-import.txt'), { sourceName: 'ko-import.txt' });
    expect(ko).toContain('서비스는 파드 앞에 고정된 주소를 둔다\\\n셀렉터로 파드를 고른다\\\n엔드포인트는 자동으로 갱신된다\n');
    const en = importNotes(notes('en-import.txt'), { sourceName: 'en-import.txt' });
    expect(en).not.toMatch(/keys Pods/);
  });

  it('turns the text printed by `cat FILE` into an output block; a YAML file stays a manifest', () => {
    const ko = importNotes(notes('ko-import.txt'), { sourceName: 'ko-import.txt' });
    expect(ko).toContain('```text output\nsearch default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n```');
    expect(ko).toContain('```yaml title="web.yaml"\napiVersion: v1');
    const en = importNotes(notes('en-import.txt'), { sourceName: 'en-import.txt' });
    expect(en).toContain('```text output\ncolor=blue\nsize=large\n```');
    expect(problems(ko)).toEqual([]);
  });

  it('leaves prose after a command that is not `cat` as prose', () => {
    const markdown = importNotes('$ kubectl get pods\n파드가 떠 있는지 본다\n', { sourceName: 'x.txt' });
    expect(markdown).not.toContain('text output');
  });
});

describe('2. root prompts and comments', () => {
  it('reads `# kubectl` as a command where the note writes every command that way, as a comment in a script', () => {
    expect(checkShellSnippet('# kubectl get pods -o wdie\nNAME   READY\nweb    1/1').map((d) => d.ruleId)).toEqual(['kubectl/invalid-flag-value']);
    expect(checkShellSnippet('# kubectl get pods -o wdie\nkubectl get pods -o wide')).toEqual([]);
  });
});
