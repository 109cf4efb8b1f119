/**
 * kubectl 1.32 as it is: deprecated-but-accepted values and flags are warnings with their fix, typos
 * of the program name and unclosed quotes are errors, single-dash long flags get "expected `--name`"
 * (an error where kubectl rejects the shorthand reading, a warning where it silently accepts it), and
 * every message points at the token it is about. Each fixture line is also run through the real
 * kubectl (see tests/helpers/kubectl-verdict.ts) to hold the verdicts to it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import en from '../i18n/en.json' with { type: 'json' };
import { checkShellSnippet } from '../plugins/remark-lessonc/lib/kubectl/index.ts';
import { applyEdits } from '../plugins/remark-lessonc/lib/fix/apply.ts';
import { mapLimited, runKubectl } from './helpers/kubectl-verdict.ts';

interface WrongLine {
  line: string;
  ruleId: string;
  messageId: string;
  severity: 'error' | 'warning';
  found: string;
  fix?: string;
  safe?: boolean;
  kubectl: 'rejects' | 'accepts';
  says?: string;
}

const fixtures = JSON.parse(readFileSync(new URL('./fixtures/kubectl/as-it-is.json', import.meta.url), 'utf8')) as { wrong: WrongLine[]; right: string[] };

const kubectlPath = '/usr/bin/kubectl';
const kubectlPresent = existsSync(kubectlPath);
if (!kubectlPresent) {
  if (process.env.CI) throw new Error(`${kubectlPath} is missing: the kubectl verdicts of the fixtures cannot be skipped in CI`);
  console.warn(`[kubectl-as-it-is] kubectl verdicts SKIPPED: ${kubectlPath} not found`);
}

/**
 * Messages the kubectl 1.32 grammar cannot produce: no flag of 1.32 is `uint` or `float`, every
 * deprecated flag says since when, every replaced flag says in which version. Kept for other grammars.
 */
const unreachableWith132 = new Set([
  'rule.kubectl/invalid-flag-value.uint',
  'rule.kubectl/invalid-flag-value.float',
  'rule.kubectl/deprecated.flag',
  'rule.kubectl/deprecated.replaced',
]);

describe('kubectl as it is (fixtures)', () => {
  for (const fixture of fixtures.wrong) {
    it(`${fixture.messageId}: ${fixture.line}`, () => {
      const diagnostics = checkShellSnippet(fixture.line);
      const hit = diagnostics.find((d) => d.messageId === fixture.messageId);
      expect(hit, JSON.stringify(diagnostics)).toBeDefined();
      if (!hit) return;
      expect(hit.ruleId).toBe(fixture.ruleId);
      expect(hit.severity).toBe(fixture.severity);
      expect(fixture.line.slice(hit.start, hit.end)).toBe(fixture.found);
      if (fixture.fix !== undefined) {
        expect(hit.fix?.safe).toBe(fixture.safe);
        expect(applyEdits(fixture.line, hit.fix?.edits ?? [])).toBe(fixture.fix);
        // The fixed line is clean of this problem.
        expect(checkShellSnippet(fixture.fix).filter((d) => d.messageId === fixture.messageId)).toEqual([]);
      }
      // A warning is the line's only complaint: kubectl runs it.
      if (fixture.severity === 'warning') expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    });
  }

  for (const line of fixtures.right) {
    it(`accepts: ${line}`, () => {
      expect(checkShellSnippet(line)).toEqual([]);
    });
  }

  it('leaves real tools named like kubectl alone', () => {
    for (const line of ['kubectx prod', 'kubecolor get pods', 'kubecfg show x.jsonnet', 'kubent -o json', 'kubelet --version', 'kubeadm init']) expect(checkShellSnippet(line), line).toEqual([]);
  });

  it('has a wrong line for every kubectl message of the catalogue', () => {
    const ids = Object.keys(en).filter((key) => key.startsWith('rule.kubectl/') && !unreachableWith132.has(key));
    const covered = new Set(fixtures.wrong.map((fixture) => fixture.messageId));
    expect(ids.filter((id) => !covered.has(id))).toEqual([]);
  });

  it('reports one dash before a long flag at the flag, not at the end of the line', () => {
    const line = 'kubectl get pods -output=custom-columns="NAME:.metadata.name" --sort-by=.metadata.name';
    const diagnostics = checkShellSnippet(line);
    expect(diagnostics.map((d) => [d.messageId, line.slice(d.start, d.end)])).toEqual([['rule.kubectl/unknown-flag.singleDashShorthands', '-output']]);
    expect(diagnostics[0].message).toBe('Unexpected flag `-output`, expected `--output` (kubectl reads it as `-o utput=custom-columns=NAME:.metadata.name`)');
  });

  it('points inside quoted words at the part a message is about', () => {
    const line = 'kubectl get pods "--show-label"';
    const [diagnostic] = checkShellSnippet(line);
    expect(line.slice(diagnostic.start, diagnostic.end)).toBe('--show-label');
  });

  it('reads a quote closed on a later line as one multi-line string, and one never closed as an error once', () => {
    expect(checkShellSnippet("kubectl patch deploy web -p '{\n\"spec\": {}\n}'\nkubectl get pods")).toEqual([]);
    // An apostrophe outside kubectl's arguments is prose, not an open quote.
    expect(checkShellSnippet("kubectl's output lists pods\nkubectl get pods")).toEqual([]);
    expect(checkShellSnippet("echo 'kubectl get pods\nkubectl get svc")).toEqual([]);
    const open = "kubectl get pods -l 'app=web\nkubectl get svc";
    expect(checkShellSnippet(open).map((d) => [d.ruleId, open.slice(d.start, d.end)])).toEqual([['kubectl/unbalanced-quote', "'"]]);
  });
});

describe.skipIf(!kubectlPresent)('kubectl as it is: the real kubectl agrees', () => {
  const home = mkdtempSync(path.join(tmpdir(), 'kubectl-as-it-is-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('rejects the error lines, accepts the warning lines (printing its warning) and the right lines', async () => {
    const cases = [
      ...fixtures.wrong.map((fixture) => ({ line: fixture.line, expected: fixture.kubectl, says: fixture.says })),
      ...fixtures.right.map((line) => ({ line, expected: 'accepts' as const, says: undefined })),
    ];
    const verdicts = await mapLimited(cases, 4, async (testCase) => ({ ...testCase, verdict: await runKubectl(testCase.line, home) }));
    const wrong = verdicts.filter(({ expected, says, verdict }) => (expected === 'rejects') !== verdict.rejected || (says !== undefined && !new RegExp(says).test(verdict.stderr)));
    expect(wrong.map(({ line, expected, verdict }) => `${expected}: ${line} -> ${verdict.output}`)).toEqual([]);
  }, 60_000);
});
