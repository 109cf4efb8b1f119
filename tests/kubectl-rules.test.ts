import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkShellSnippet } from '../plugins/remark-lessonc/lib/kubectl/index.ts';
import type { Diagnostic } from '../plugins/remark-lessonc/lib/types.ts';
import { applyEdits } from '../plugins/remark-lessonc/lib/fix/apply.ts';

interface RuleFixture {
  line: string;
  ruleId: string;
  severity: string;
  found: string;
  fix?: string;
  safe?: boolean;
}

const fixtures = JSON.parse(readFileSync(new URL('./fixtures/kubectl/rules.json', import.meta.url), 'utf8')) as RuleFixture[];

function applyFix(text: string, diagnostic: Diagnostic): string {
  return applyEdits(text, diagnostic.fix?.edits ?? []);
}

describe('kubectl rules (fixtures)', () => {
  for (const fixture of fixtures) {
    it(`${fixture.ruleId}: ${fixture.line}`, () => {
      const diagnostics = checkShellSnippet(fixture.line);
      const hit = diagnostics.find((d) => d.ruleId === fixture.ruleId);
      expect(hit, JSON.stringify(diagnostics)).toBeDefined();
      if (!hit) return;
      expect(hit.severity).toBe(fixture.severity);
      expect(fixture.line.slice(hit.start, hit.end)).toBe(fixture.found);
      if (fixture.fix !== undefined) {
        expect(hit.fix?.safe).toBe(fixture.safe);
        expect(applyFix(fixture.line, hit)).toBe(fixture.fix);
      }
    });
  }

  it('words messages like remark-lint', () => {
    const [diagnostic] = checkShellSnippet('kubectl delete pod -all');
    expect(diagnostic.message).toBe('Unexpected flag `-all`, expected `--all`');
  });
});

describe('checkShellSnippet on a snippet', () => {
  it('maps offsets of later lines and continuation lines into the snippet', () => {
    const snippet = '# make a pod\nkubectl run web --image=nginx \\\n  --dry-run -o yaml\n\nkubectl delete pod -all\n';
    const diagnostics = checkShellSnippet(snippet);
    expect(diagnostics.map((d) => [d.ruleId, snippet.slice(d.start, d.end)])).toEqual([
      ['kubectl/deprecated', '--dry-run'],
      ['kubectl/unknown-flag', '-all'],
    ]);
  });

  it('ignores comments, blank lines, output and other commands', () => {
    const snippet = ['# kubectl delete pod -all', '', 'Liveness:       http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3', 'cat redis.yaml', 'echo kubectl -all'].join('\n');
    expect(checkShellSnippet(snippet)).toEqual([]);
  });

  it('skips here-document bodies', () => {
    const snippet = 'kubectl apply -f - <<EOF\napiVersion: v1\nkubectl -all\nEOF\nkubectl get pods';
    expect(checkShellSnippet(snippet)).toEqual([]);
  });

  it('accepts the seed lesson commands', () => {
    const seed = [
      'kubectl run webserver --image=nginx:1.14',
      'kubectl create -f pod-nginx.yaml',
      'kubectl exec multipod -it -c centos-container -- /bin/bash',
      'kubectl logs multipod -c nginx-container',
      'kubectl get pods',
      'kubectl get pods -o wide',
      'kubectl describe pod webserver',
      'kubectl get pods --all-namespaces',
      'kubectl edit pod webserver',
      'kubectl delete pod webserver',
      'kubectl run nginx-pod --image=nginx:1.14',
      'kubectl describe pods nginx-pod',
      'kubectl delete pods nginx-pod',
      'kubectl create -f redis.yaml',
      'kubectl edit pods edit',
    ];
    for (const line of seed) expect(checkShellSnippet(line), line).toEqual([]);
  });

  it('flags the two broken seed lines', () => {
    const all = checkShellSnippet('kubectl delete pod -all');
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ ruleId: 'kubectl/unknown-flag', severity: 'error', fix: { safe: true } });
    const dryRun = checkShellSnippet('kubectl run redis --image=redis123 -o yaml --dry-run > redis.yaml');
    expect(dryRun).toHaveLength(1);
    expect(dryRun[0]).toMatchObject({ ruleId: 'kubectl/deprecated', severity: 'warning', fix: { safe: true, edits: [{ text: '--dry-run=client' }] } });
  });

  it('checks kubectl inside $(...) and after pipes, env prefixes, sudo and watch', () => {
    expect(checkShellSnippet('echo $(kubectl get pods -all)').map((d) => d.ruleId)).toEqual(['kubectl/unknown-flag']);
    expect(checkShellSnippet('cat x | KUBECONFIG=x sudo -E kubectl get pods --show-label').map((d) => d.ruleId)).toEqual(['kubectl/unknown-flag']);
    expect(checkShellSnippet('watch -n 1 k get podz').map((d) => d.ruleId)).toEqual(['kubectl/unknown-resource']);
  });
});
