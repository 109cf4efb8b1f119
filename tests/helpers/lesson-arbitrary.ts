/**
 * fast-check generators of hostile and sloppy lessons: Korean and English prose with Markdown and
 * control characters (tabs, NUL), fences with tab-indented YAML (typos, anchors and aliases),
 * kubectl lines with random flags and quotes, `:::question` directives, raw HTML from the XSS
 * payload list, frontmatter with typos, unclosed fences, CRLF and a BOM.
 */
import fc from 'fast-check';
import { HTML_PAYLOADS, MARKDOWN_PAYLOADS, SAFE_HTML, withGlobal } from '../fixtures/xss/payloads.ts';

const words = ['파드', '컨테이너', '노드', '확인합니다', '생성', '서비스', 'Pod', 'container', 'the', 'image', 'kubectl', 'runs', 'node', '`code`', '**bold**', '_em_', '[link](https://k8s.io)', '<kbd>K</kbd>', '&amp;', '\\*', '#', '>', '|', '1.'];
const oddCharacters = fc.constantFrom('\t', '\0', ' ', '*', '_', '`', '<', '>', '[', ']', '(', ')', '\\', '&', ':', '가', 'é', '\u200b');

/** One line of prose: words, sometimes odd characters. */
export const proseLine = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: oddCharacters, minLength: 1, maxLength: 12 }) },
);

const yamlLines = [
  'apiVersion: v1', 'apiVerison: v1', 'kind: Pod', 'kind: pod', 'metadata:', '  name: web', '  name: Web_1', '  labels:', '    app: web',
  'spec:', '  containers:', '  - name: web', '    image: nginx', '    imgae: nginx:1.27', '    prot: 80', '    ports:', '    - containerPort: 80',
  '\t\tname: tabbed', '\tcontainers:', '  - image: redis123', 'base: &base', '  a: 1', 'copy: *base', 'merged:', '  <<: *base', 'list: [a, *base]',
  'env:', '- name: X', '  value: 3', 'key value', 'command: ["sh", "-c", "echo \'hi\'"]', 'data: |', '  some text', '# comment', '---', '',
];
const randomYaml = fc.array(fc.constantFrom(...yamlLines), { minLength: 1, maxLength: 14 }).map((lines) => lines.join('\n'));

/** A Pod manifest whose lines may carry the mistakes lessons have: key typos, tab indentation, a lost colon. */
const podLines = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  labels: &labels', '    app: web', 'spec:', '  containers:', '  - name: web', '    image: nginx:1.27', '    ports:', '    - containerPort: 80', '    env:', '    - name: MODE', '      value: "prod"'];
const typos: Record<string, string> = { apiVersion: 'apiVerison', image: 'imgae', containers: 'containres', containerPort: 'containerport', labels: 'lables', name: 'nmae' };
const mistake = fc.constantFrom('none', 'none', 'none', 'typo', 'tab', 'colon');
const manifest = fc.array(mistake, { minLength: podLines.length, maxLength: podLines.length }).map((mistakes) =>
  podLines
    .map((line, i) => {
      const kind = mistakes[i];
      if (kind === 'typo') return line.replace(/[A-Za-z]+(?=:)/, (key) => typos[key] ?? key);
      if (kind === 'tab') return line.replace(/^( {2})+/, (spaces) => '\t'.repeat(spaces.length / 2));
      if (kind === 'colon') return line.replace(/: (?=\S)/, ' ');
      return line;
    })
    .join('\n'),
);
const yamlSnippet = fc.oneof({ weight: 3, arbitrary: manifest }, { weight: 2, arbitrary: randomYaml }, { weight: 1, arbitrary: fc.constantFrom('a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b, *b]', 'x: *missing', '&a a: 1') });

const verbs = ['get', 'run', 'create', 'delete', 'describe', 'apply', 'logs', 'exec', 'gett', 'expose', 'edit'];
const flags = ['-o yaml', '-o wide', '--image=nginx', '--image nginx', '--dry-run=client', '--dry-run', '-n default', '--port=80', '--replicas 3', '-f pod.yaml', '--imgae=x', '-it', '--', '--restart=Never', '-l app=web', '--selector="app=web"'];
const argument = fc.constantFrom('pods', 'pod/web', 'web', 'deploy', "'quoted arg'", '"double quoted"', "it's", '"unclosed', '$(whoami)', 'po', 'svc');
const kubectlLine = fc
  .tuple(fc.constantFrom('', '$ ', '# ', 'sudo '), fc.constantFrom('kubectl', 'k'), fc.constantFrom(...verbs), fc.array(fc.oneof(fc.constantFrom(...flags), argument), { maxLength: 5 }))
  .map(([prompt, program, verb, rest]) => `${prompt}${program} ${verb} ${rest.join(' ')}`.trimEnd());
const shellSnippet = fc.array(fc.oneof(kubectlLine, fc.constantFrom('cat pod.yaml', 'echo "done"', '', 'NAME READY STATUS')), { minLength: 1, maxLength: 6 }).map((lines) => lines.join('\n'));

const metas = ['', 'title="pod.yaml"', 'intentional', 'check=false', 'kind=Pod', 'output', 'title="<img src=x onerror=window.__meta=1>"', 'title=\'"><script>window.__meta2=1</script>\''];
const fenceOpeners = ['```', '~~~', '````'];

/** A fenced code block (maybe indented by tabs) as lines; `closed: false` leaves it open. */
const fence = fc
  .record({
    opener: fc.constantFrom(...fenceOpeners),
    lang: fc.constantFrom('yaml', 'yml', 'shell', 'bash', 'console', 'text', ''),
    meta: fc.constantFrom(...metas),
    yaml: yamlSnippet,
    shell: shellSnippet,
  })
  .map(({ opener, lang, meta, yaml, shell }) => {
    const body = lang === 'yaml' || lang === 'yml' || lang === '' ? yaml : shell;
    return `${opener}${lang}${meta ? ` ${meta}` : ''}\n${body}\n${opener}`;
  });

const payload = fc.tuple(fc.constantFrom(...HTML_PAYLOADS, ...MARKDOWN_PAYLOADS, ...SAFE_HTML), fc.nat(999)).map(([text, n]) => withGlobal(text, `__xss${n}`));

const directive = fc
  .record({ prompt: proseLine, payload, type: fc.constantFrom('choice', 'command', 'text', 'bogus') })
  .map(({ prompt, payload: html, type }) => `:::question{type=${type}}\n${prompt} ${html}\n\n- [x] ${html}\n- [ ] 아니오\n\n::hint[${html}]\n\n::answer[kubectl get pods ${html}]\n:::`);

const qaSection = fc
  .array(fc.tuple(proseLine, fc.oneof(kubectlLine, payload)), { minLength: 1, maxLength: 3 })
  .map((items) => `## Question & Answer\n\n${items.map(([question, answer], i) => `${i + 1}. ${question}?\n\n${answer}`).join('\n\n')}`);

const block = fc.oneof(
  { weight: 4, arbitrary: fc.array(proseLine, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')) },
  { weight: 3, arbitrary: fence },
  { weight: 2, arbitrary: payload },
  { weight: 1, arbitrary: directive },
  { weight: 1, arbitrary: qaSection },
  { weight: 1, arbitrary: fc.constantFrom('# 제목', '## Pods', '> quoted <img src=x onerror=window.__q=1>', '- item\n- item two', '| a | b |\n|---|---|\n| 1 | 2 |', '    indented code') },
);

const frontmatter = fc.constantFrom(
  '---\ntitle: 파드\n---',
  '---\ntitle: Pods\nlang: en\norder: 2\n---',
  '---\ntilte: typo\n---',
  '---\ntitle: &t Pods\ndescription: *t\n---',
  '---\ntitle: [unclosed\n---',
  '---\ntitle: "<script>window.__fm=1</script>"\n---',
  '',
);

export interface GeneratedLesson {
  markdown: string;
  crlf: boolean;
  bom: boolean;
}

/** A whole lesson: frontmatter, blocks, maybe an unclosed fence at the end, with its line ending and BOM. */
export const lessonArbitrary: fc.Arbitrary<GeneratedLesson> = fc
  .record({
    frontmatter,
    blocks: fc.array(block, { minLength: 1, maxLength: 7 }),
    unclosed: fc.option(fc.tuple(fc.constantFrom('```yaml', '```shell', '~~~'), yamlSnippet), { freq: 5 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ frontmatter: head, blocks, unclosed, crlf, bom }) => {
    const parts = [head, ...blocks, ...(unclosed ? [`${unclosed[0]}\n${unclosed[1]}`] : [])].filter(Boolean);
    const text = `${parts.join('\n\n')}\n`;
    return { markdown: `${bom ? '\uFEFF' : ''}${crlf ? text.replace(/\n/g, '\r\n') : text}`, crlf, bom };
  });

/** Plain notes as an instructor writes them, for `import`. */
export const notesArbitrary = fc
  .record({
    lines: fc.array(fc.oneof(proseLine, kubectlLine, fc.constantFrom(...yamlLines), payload, fc.constantFrom('Question & Answer', '1. 파드를 만드는 명령은?', '', '   ')), { minLength: 1, maxLength: 25 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ lines, crlf, bom }) => `${bom ? '\uFEFF' : ''}${lines.join(crlf ? '\r\n' : '\n')}\n`);

/** Runs per property: the brief asks for at least 500. */
export const PROPERTY_RUNS = 500;
