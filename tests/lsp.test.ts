import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../cli/check.ts';
import { flagHelp } from '../plugins/remark-lessonc/lib/kubectl/flag-help.ts';
import { loadDescribedSchema } from '../plugins/remark-lessonc/lib/k8s/schema.ts';
import { LspClient } from './helpers/lsp-client.ts';
import { repoRoot } from './helpers/paths.ts';

const run = promisify(execFile);
const lessonPath = path.join(repoRoot, 'lessons', '01-pod.md');
const lessonUri = pathToFileURL(lessonPath).href;
let lesson: string;
let client: LspClient;

interface TextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** Applies an LSP WorkspaceEdit's edits to a text, as the editor does. */
function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 0, text), edits);
}

/** The LSP position of the `nth` occurrence of `needle` (plus `delta` characters). */
function positionOf(text: string, needle: string, delta = 0, nth = 0): { line: number; character: number } {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`no ${needle} in the text`);
  return TextDocument.create('file:///x.md', 'markdown', 0, text).positionAt(index + delta);
}

beforeAll(async () => {
  lesson = await readFile(lessonPath, 'utf8');
  client = new LspClient();
  const result = await client.initialize({ locale: 'en' });
  expect(result.capabilities.hoverProvider).toBe(true);
  const diagnostics = client.diagnostics(lessonUri, 1);
  client.notify('textDocument/didOpen', { textDocument: { uri: lessonUri, languageId: 'markdown', version: 1, text: lesson } });
  await diagnostics;
});

afterAll(async () => {
  await client?.close();
});

describe('lessonc lsp: diagnostics', () => {
  it('publishes every problem of lesson 1 at the range, rule and severity `lessonc check` reports', async () => {
    const published = client.notifications.find((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === lessonUri && n.params.version === 1)!.params.diagnostics;
    const report = await checkFile(lessonPath, 'en');
    expect(report.messages.length).toBeGreaterThan(5);
    const severity = { error: 1, warning: 2, info: 3 };
    expect(published.map((d: any) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range }))).toEqual(
      report.messages.map((m) => ({
        code: m.ruleId,
        severity: severity[m.severity],
        message: m.message,
        range: { start: { line: m.line - 1, character: m.column - 1 }, end: { line: m.endLine - 1, character: m.endColumn - 1 } },
      })),
    );
    for (const diagnostic of published) {
      expect(diagnostic.source).toBe('lessonc');
      expect(diagnostic.codeDescription.href).toMatch(new RegExp(`/docs/rules\\.md#${diagnostic.code.replace(/[^a-z0-9-]/gi, '').toLowerCase()}$`));
    }
  });

  it('checks again after an edit, once the author pauses, and reports the new problem where it was typed', async () => {
    const uri = pathToFileURL(path.join(repoRoot, 'lessons', 'edited.md')).href;
    const opened = client.diagnostics(uri, 1);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: lesson } });
    const before = await opened;
    const at = positionOf(lesson, 'kubectl get pods -o wide', 'kubectl get pods -o wide'.length);
    const changed = client.diagnostics(uri, 3);
    // Two quick keystrokes: only the last version is checked.
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: ' --nam' }] });
    client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { ...at, character: at.character + 6 }, end: { ...at, character: at.character + 6 } }, text: 'spce=x' }] });
    const after = await changed;
    expect(client.notifications.some((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.version === 2)).toBe(false);
    const added = after.filter((d: any) => !before.some((b: any) => b.code === d.code && b.message === d.message));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ code: 'kubectl/unknown-flag', range: { start: { line: at.line, character: at.character + 1 }, end: { line: at.line, character: at.character + 1 + '--namspce'.length } } });
    expect(added[0].message).toContain('--namspce');
    client.notify('textDocument/didClose', { textDocument: { uri } });
  });
});

describe('lessonc lsp: code actions', () => {
  it('"fix all safe problems in this file" gives byte for byte what `lessonc fix` writes', async () => {
    // Lesson 1 is the author's original notes, which `lessonc fix` keeps as written: no fix-all there.
    const fixAll = (uri: string) => client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    expect(await fixAll(lessonUri)).toEqual([]);
    // The same notes as an ordinary lesson.
    const work = await mkdtemp(path.join(os.tmpdir(), 'lessonc-lsp-'));
    const copy = path.join(work, '01-pod.md');
    const ordinary = lesson.replace(/^original: true\r?\n/m, '');
    expect(ordinary).not.toBe(lesson);
    await writeFile(copy, ordinary);
    const copyUri = pathToFileURL(copy).href;
    const opened = client.diagnostics(copyUri, 1);
    client.notify('textDocument/didOpen', { textDocument: { uri: copyUri, languageId: 'markdown', version: 1, text: ordinary } });
    await opened;
    const actions = await fixAll(copyUri);
    expect(actions).toHaveLength(1);
    const fixed = applyTextEdits(ordinary, actions[0].edit.changes[copyUri]);
    await run(process.execPath, [path.join(repoRoot, 'bin', 'lessonc.mjs'), 'fix', copy]);
    const written = await readFile(copy, 'utf8');
    expect(written).not.toBe(ordinary);
    expect(fixed).toBe(written);
  });

  it('offers each fix at its problem: safe ones preferred, unsafe ones labelled as such', async () => {
    const published = client.notifications.find((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === lessonUri && n.params.version === 1)!.params.diagnostics;
    const report = await checkFile(lessonPath, 'en');
    const fixable = report.messages.filter((m) => m.fix);
    expect(fixable.some((m) => m.fix!.safe)).toBe(true);
    expect(fixable.some((m) => !m.fix!.safe)).toBe(true);
    for (const message of fixable) {
      const diagnostic = published.find((d: any) => d.code === message.ruleId && d.range.start.line === message.line - 1 && d.range.start.character === message.column - 1);
      const actions = await client.request('textDocument/codeAction', { textDocument: { uri: lessonUri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
      const action = actions.find((a: any) => a.diagnostics[0].code === message.ruleId && a.title.includes(message.fix!.description));
      expect(action, `${message.ruleId} at ${message.line}:${message.column}`).toBeDefined();
      expect(action.isPreferred).toBe(message.fix!.safe);
      expect(/unsafe/.test(action.title)).toBe(!message.fix!.safe);
      expect(action.edit.changes[lessonUri].length).toBeGreaterThan(0);
    }
  });

  it('words titles and messages in Korean for a Korean editor', async () => {
    const korean = new LspClient({ LANG: 'ko_KR.UTF-8' });
    try {
      await korean.initialize();
      const diagnostics = korean.diagnostics(lessonUri, 1);
      korean.notify('textDocument/didOpen', { textDocument: { uri: lessonUri, languageId: 'markdown', version: 1, text: lesson } });
      const published = await diagnostics;
      expect(published.find((d: any) => d.code === 'k8s/unknown-field').message).toMatch(/필드는 없습니다/);
      const everywhere = { start: { line: 0, character: 0 }, end: { line: lesson.split('\n').length, character: 0 } };
      const actions = await korean.request('textDocument/codeAction', { textDocument: { uri: lessonUri }, range: everywhere, context: { diagnostics: [] } });
      expect(actions.map((a: any) => a.title)).toContainEqual(expect.stringMatching(/^고치기: /));
      // Fix-all is offered for an ordinary lesson (lesson 1 itself is kept as written).
      const ordinaryUri = lessonUri.replace(/01-pod\.md$/, '01-pod-ordinary.md');
      const ordinary = lesson.replace(/^original: true\r?\n/m, '');
      const opened = korean.diagnostics(ordinaryUri, 1);
      korean.notify('textDocument/didOpen', { textDocument: { uri: ordinaryUri, languageId: 'markdown', version: 1, text: ordinary } });
      await opened;
      const ordinaryActions = await korean.request('textDocument/codeAction', { textDocument: { uri: ordinaryUri }, range: everywhere, context: { diagnostics: [] } });
      expect(ordinaryActions.map((a: any) => a.title)).toContainEqual(expect.stringMatching(/안전한 문제 모두 고치기/));
    } finally {
      await korean.close();
    }
  });
});

describe('lessonc lsp: hover', () => {
  it('explains `periodSeconds` in lesson 1 with its type and the schema description', async () => {
    const position = positionOf(lesson, 'periodSeconds: 5', 3);
    const result = await client.request('textDocument/hover', { textDocument: { uri: lessonUri }, position });
    const description = loadDescribedSchema('1.32').type('io.k8s.api.core.v1.Probe')!.shape.p!.periodSeconds!.d!;
    expect(result.contents.value).toContain(description);
    expect(result.contents.value).toContain('`integer`');
    expect(result.range).toEqual({ start: { line: position.line, character: position.character - 3 }, end: { line: position.line, character: position.character - 3 + 'periodSeconds'.length } });
  });

  it('explains a kubectl flag with its help text from kubectl', async () => {
    const result = await client.request('textDocument/hover', { textDocument: { uri: lessonUri }, position: positionOf(lesson, '--all-namespaces', 4) });
    expect(result.contents.value).toContain('`--all-namespaces`, `-A`');
    expect(result.contents.value).toContain(flagHelp(['get'], 'all-namespaces'));
  });

  it('has nothing to say about prose', async () => {
    expect(await client.request('textDocument/hover', { textDocument: { uri: lessonUri }, position: positionOf(lesson, '- periodSeconds: health', 4) })).toBeNull();
  });
});

describe('lessonc lsp: completion', () => {
  const uri = pathToFileURL(path.join(repoRoot, 'lessons', 'typing.md')).href;
  const start = '---\ntitle: typing\n---\n\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: probe\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n';
  let version = 1;
  // The cursor lines are typed into empty lines, so the fences stay where they are.
  let text = `${start}\n\`\`\`\n\n\`\`\`shell\n\n\`\`\`\n`;

  /** Types `typed` at `at` (as the editor sends it) and asks for completions at the end of it. */
  async function typeAndComplete(at: number, typed: string): Promise<any[]> {
    const document = TextDocument.create(uri, 'markdown', version, text);
    const position = document.positionAt(at);
    text = text.slice(0, at) + typed + text.slice(at);
    client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: position, end: position }, text: typed }] });
    const end = TextDocument.create(uri, 'markdown', version, text).positionAt(at + typed.length);
    const result = await client.request('textDocument/completion', { textDocument: { uri }, position: end });
    return Array.isArray(result) ? result : result.items;
  }

  beforeAll(() => {
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  });

  it('offers a Probe\'s fields after `    livenessProbe:\\n      `', async () => {
    const items = await typeAndComplete(start.length, '    livenessProbe:\n      ');
    const labels = items.map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(['exec', 'httpGet', 'tcpSocket', 'periodSeconds']));
    expect(labels).not.toContain('image');
    expect(items.find((item) => item.label === 'httpGet').detail).toBe('HTTPGetAction');
  });

  it('offers the fields of the map the cursor is indented under, without those already written', async () => {
    const items = await typeAndComplete(text.indexOf('    livenessProbe:'), '    ima');
    expect(items.map((item) => item.label)).toEqual(['imagePullPolicy']);
    const more = await typeAndComplete(text.indexOf('    ima') + 7, 'gePullPolicy: Always\n    re');
    expect(more.map((item) => item.label)).toEqual(expect.arrayContaining(['readinessProbe', 'resources', 'restartPolicy']));
  });

  it('offers kubectl subcommands and flags in shell fences', async () => {
    const fence = text.indexOf('```shell\n') + '```shell\n'.length;
    const commands = await typeAndComplete(fence, 'kubectl ge');
    expect(commands.map((item) => item.label)).toContain('get');
    const flags = await typeAndComplete(fence + 'kubectl ge'.length, 't pods --all-n');
    expect(flags.map((item) => item.label)).toEqual(['--all-namespaces']);
    expect(flags[0].documentation).toBe(flagHelp(['get'], 'all-namespaces'));
  });
});

describe('lessonc lsp: robustness', () => {
  it('survives random edits mid-typing: every request is answered, nothing fails inside', async () => {
    const uri = pathToFileURL(path.join(repoRoot, 'lessons', 'fuzz.md')).href;
    let version = 1;
    let text = lesson;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    const pieces = ['`', '```', '```yaml\n', ':', ': ', '\t', '\n', '  ', '- ', '-', '--', '#', '"', "'", '{', '[', '|', '\\\n', 'kubectl ', 'livenessProbe', '---\n', 'é', '파드', '\r\n', '$(', '<<EOF\n'];
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.nat({ max: 12 }),
      insert: fc.array(fc.constantFrom(...pieces), { maxLength: 4 }).map((parts) => parts.join('')),
      ask: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        for (const { at, remove, insert, ask } of edits) {
          const document = TextDocument.create(uri, 'markdown', version, text);
          const start = Math.floor(at * text.length);
          const end = Math.min(text.length, start + remove);
          const range = { start: document.positionAt(start), end: document.positionAt(end) };
          text = text.slice(0, start) + insert + text.slice(end);
          client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range, text: insert }] });
          const position = TextDocument.create(uri, 'markdown', version, text).positionAt(Math.floor(ask * text.length));
          await client.request('textDocument/hover', { textDocument: { uri }, position });
          await client.request('textDocument/completion', { textDocument: { uri }, position });
          await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
        }
      }),
      { seed: 1313, numRuns: 40 },
    );
    const last = await client.diagnostics(uri, version);
    expect(Array.isArray(last)).toBe(true);
    expect(client.alive).toBe(true);
    const failures = client.notifications.filter((n) => n.method === 'window/logMessage' && /failed/.test(n.params.message));
    expect(failures.map((n) => n.params.message)).toEqual([]);
  }, 120_000);
});
