import { describe, expect, it } from 'vitest';
import { bundledKubectlGrammar as grammar } from '../plugins/remark-lessonc/lib/kubectl/bundled-grammar.ts';
import { parseKubectlArgs, csvRecordError } from '../plugins/remark-lessonc/lib/kubectl/parse.ts';
import { findKubectlInvocations } from '../plugins/remark-lessonc/lib/kubectl/tokenize.ts';

function parse(line: string) {
  const [invocation] = findKubectlInvocations(line);
  return parseKubectlArgs(grammar, invocation.args);
}
const flags = (line: string) => parse(line).flags.map((f) => [f.name, f.value ?? null]);
const problems = (line: string) => parse(line).problems.map((p) => p.kind);

describe('parseKubectlArgs (pflag semantics, verified against kubectl 1.32)', () => {
  it('resolves command paths and aliases', () => {
    expect(parse('kubectl create deployment web --image=nginx').commandPath).toEqual(['create', 'deployment']);
    expect(parse('kubectl create deploy web --image=nginx').commandPath).toEqual(['create', 'deployment']);
    expect(parse('kubectl -n ns get pods').commandPath).toEqual(['get']);
    expect(parse('kubectl top po').commandPath).toEqual(['top', 'pod']);
  });

  it('reads -all as the long flag meant, noting that pflag (-a -l -l: -a is unknown) rejects it', () => {
    const parsed = parse('kubectl delete pod -all');
    expect(parsed.problems).toMatchObject([{ kind: 'single-dash-flag', name: 'all', rejected: true }]);
    expect(parsed.flags.map((f) => f.name)).toEqual(['all']);
  });

  it('notes where pflag silently reads a single-dash long flag as shorthands', () => {
    const parsed = parse('kubectl get pods -sort-by=.metadata.name');
    expect(parsed.problems).toMatchObject([{ kind: 'single-dash-flag', name: 'sort-by', rejected: false, shorthands: '-s ort-by=.metadata.name' }]);
    expect(flags('kubectl get pods -sort-by=.metadata.name')).toEqual([['sort-by', '.metadata.name']]);
    // A real shorthand cluster is not a long flag: `-it` stays `-i -t`.
    expect(flags('kubectl exec -it web -- sh')).toEqual([['stdin', null], ['tty', null]]);
  });

  it('gives a value-taking shorthand the rest of the cluster', () => {
    expect(flags('kubectl get pods -owide')).toEqual([['output', 'wide']]);
    expect(flags('kubectl get pods -o=wide')).toEqual([['output', 'wide']]);
    expect(flags('kubectl get pods -Aowide')).toEqual([['all-namespaces', null], ['output', 'wide']]);
    expect(flags('kubectl exec p -it -- sh')).toEqual([['stdin', null], ['tty', null]]);
  });

  it('takes the next word as the value of a non-bool flag, whatever it is', () => {
    expect(flags('kubectl get pods -n --all')).toEqual([['namespace', '--all']]);
    expect(flags('kubectl get pods --namespace x')).toEqual([['namespace', 'x']]);
  });

  it('does not give bool or NoOptDefVal flags a separate value', () => {
    const parsed = parse('kubectl run x --image=i --dry-run client');
    expect(parsed.flags.find((f) => f.name === 'dry-run')?.value).toBeUndefined();
    expect(parsed.positionals.map((w) => w.value)).toEqual(['x', 'client']);
    expect(parse('kubectl get pods -A false').positionals.map((w) => w.value)).toEqual(['pods', 'false']);
    expect(problems('kubectl get pods --all-namespaces=false')).toEqual([]);
    expect(problems('kubectl get pods --all-namespaces=maybe')).toEqual(['invalid-flag-value']);
  });

  it('does not accept flag prefixes', () => {
    expect(problems('kubectl get pods --all-namespace')).toEqual(['unknown-flag']);
  });

  it('stops flags at --', () => {
    const parsed = parse('kubectl exec p -c c -- ls -la');
    expect(parsed.dashArgs.map((w) => w.value)).toEqual(['ls', '-la']);
    expect(parsed.flags.map((f) => f.name)).toEqual(['container']);
  });

  it('reports a missing value at the end', () => {
    expect(problems('kubectl run nginx --image=nginx -n')).toEqual(['missing-flag-value']);
  });

  it('checks typed values like Go does', () => {
    expect(problems('kubectl delete pods --grace-period=0x10')).toEqual([]);
    expect(problems('kubectl delete pods --grace-period=1.5')).toEqual(['invalid-flag-value']);
    expect(problems('kubectl delete pods --timeout=1m30s')).toEqual([]);
    expect(problems('kubectl delete pods --timeout=90')).toEqual(['invalid-flag-value']);
    expect(csvRecordError('a,"b,c",d')).toBeNull();
    expect(csvRecordError('a"b')).toMatch(/bare "/);
  });

  it('lets a local flag shadow the global one with its shorthand', () => {
    expect(problems('kubectl config set-context x -n foo')).toEqual(['unknown-flag']);
    expect(problems('kubectl config set-context x --namespace=foo')).toEqual([]);
  });
});
