import { describe, expect, it } from 'vitest';
import { findKubectlInvocations, tokenizeShellLine } from '../plugins/remark-lessonc/lib/kubectl/tokenize.ts';
import { splitLogicalLines, snippetRange } from '../plugins/remark-lessonc/lib/kubectl/logical-lines.ts';

describe('tokenizeShellLine', () => {
  it('handles quotes and escapes, keeping offsets', () => {
    const line = `kubectl get pods -o jsonpath='{.items[*].name}' --selector="app=x y" a\\ b`;
    const [command] = tokenizeShellLine(line).commands;
    expect(command.words.map((w) => w.value)).toEqual(['kubectl', 'get', 'pods', '-o', 'jsonpath={.items[*].name}', '--selector=app=x y', 'a b']);
    for (const word of command.words) expect(line.slice(word.start, word.end)).toBe(word.raw);
  });

  it('splits on operators and drops redirections', () => {
    const tokenized = tokenizeShellLine('kubectl get pods > out.txt 2>&1 && kubectl get svc | grep x; echo done >> log');
    expect(tokenized.commands.map((c) => c.words.map((w) => w.value))).toEqual([
      ['kubectl', 'get', 'pods'],
      ['kubectl', 'get', 'svc'],
      ['grep', 'x'],
      ['echo', 'done'],
    ]);
  });

  it('treats substitutions as opaque words and records heredocs and comments', () => {
    const tokenized = tokenizeShellLine('kubectl get secret $(kubectl get sa -o name) ${name} <<EOF # note');
    expect(tokenized.commands[0].words.map((w) => [w.value, w.dynamic])).toEqual([
      ['kubectl', false], ['get', false], ['secret', false], ['$(kubectl get sa -o name)', true], ['${name}', true],
    ]);
    expect(tokenized.heredocTerminators).toEqual(['EOF']);
    expect(tokenized.substitutions.map((s) => s.text)).toEqual(['kubectl get sa -o name']);
  });
});

describe('findKubectlInvocations', () => {
  it('looks through env prefixes, sudo, watch, xargs and the k alias', () => {
    const lines = ['KUBECONFIG=/x kubectl get po', 'sudo -u root kubectl get po', 'watch -n 2 kubectl get po', 'xargs -n1 kubectl delete pod', 'k get po', 'time kubectl version'];
    for (const line of lines) expect(findKubectlInvocations(line), line).toHaveLength(1);
    expect(findKubectlInvocations('echo kubectl get pods')).toHaveLength(0);
    expect(findKubectlInvocations('Liveness:       http-get http://:80/ delay=0s #success=1')).toHaveLength(0);
  });

  it('finds a kubectl inside $(...) with offsets in the outer line', () => {
    const line = 'echo $(kubectl get pods -o name)';
    const found = findKubectlInvocations(line);
    expect(found).toHaveLength(1);
    expect(line.slice(found[0].program.start, found[0].end)).toBe('kubectl get pods -o name');
  });
});

describe('splitLogicalLines', () => {
  it('joins continuation lines and maps offsets back', () => {
    const snippet = 'kubectl get \\\n  pods\nls';
    const lines = splitLogicalLines(snippet);
    expect(lines.map((l) => l.text)).toEqual(['kubectl get   pods', 'ls']);
    const at = lines[0].text.indexOf('pods');
    const range = snippetRange(lines[0], at, at + 4);
    expect(snippet.slice(range.start, range.end)).toBe('pods');
  });
});
