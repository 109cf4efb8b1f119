import { describe, expect, it } from 'vitest';
import { bundledKubectlGrammar as grammar } from '../plugins/remark-lessonc/lib/kubectl/bundled-grammar.ts';
import { compareCommands, normalizeCommand } from '../plugins/remark-lessonc/lib/kubectl/normalize.ts';

const normal = (line: string) => {
  const result = normalizeCommand(line, grammar);
  if (!result) throw new Error(`not a kubectl command: ${line}`);
  return result;
};

describe('normalizeCommand', () => {
  it('makes equivalent spellings equal', () => {
    const forms = ['kubectl get po -A -owide', 'kubectl get pods --all-namespaces -o wide', 'kubectl get pods -o=wide --all-namespaces', 'kubectl get pod -Ao wide'];
    const first = normal(forms[0]);
    expect(first).toMatchObject({ command: ['get'], resources: ['pods'], flags: { 'all-namespaces': true, output: 'wide' } });
    for (const form of forms.slice(1)) expect(compareCommands(first, normal(form), grammar), form).toEqual({ equal: true, differences: [] });
  });

  it('canonicalises TYPE/NAME and short names', () => {
    expect(normal('kubectl logs deploy/web -c app')).toMatchObject({ command: ['logs'], resources: ['deployments'], names: ['web'], flags: { container: 'app' } });
    expect(normal('kubectl describe svc my-svc')).toMatchObject({ resources: ['services'], names: ['my-svc'] });
  });

  it('treats flags at their default as absent', () => {
    expect(compareCommands(normal('kubectl get pods'), normal('kubectl get pods --all-namespaces=false'), grammar).equal).toBe(true);
  });

  it('describes differences', () => {
    expect(compareCommands(normal('kubectl get pods -o wide'), normal('kubectl get pods --show-labels'), grammar).differences).toEqual([
      'missing `-o wide`',
      'unexpected `--show-labels`',
    ]);
    expect(compareCommands(normal('kubectl get pods'), normal('kubectl get services'), grammar).differences).toEqual(['expected resource `pods`, got `services`']);
  });

  it('returns null for non-kubectl lines', () => {
    expect(normalizeCommand('echo hello', grammar)).toBeNull();
  });
});
