import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeLesson, fixLesson, importNotes } from '../plugins/remark-lessonc/index.ts';
import { seedNotes } from './helpers/paths.ts';

/** The seed notes end to end: import, check, `fix --unsafe`, as the issues describe the result. */
let original: string;
let fixed: string;
let safeOnly: string;

beforeAll(async () => {
  original = importNotes(await readFile(seedNotes, 'utf8'), { sourceName: '000_27c1ab4a3650825c.txt' });
  fixed = fixLesson(original, { unsafe: true }).output;
  safeOnly = fixLesson(original).output;
});

function yamlBlocks(markdown: string): { meta: string; value: string }[] {
  return [...markdown.matchAll(/^```yaml([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({ meta: m[1]!, value: m[2]! }));
}

function shellLines(markdown: string): string[] {
  return [...markdown.matchAll(/^```shell\n([\s\S]*?)^```$/gm)].flatMap((m) => m[1]!.split('\n').filter(Boolean));
}

describe('the seed after `lessonc fix --unsafe`', () => {
  it('corrects the redis manifest (tabs, split container item) and keeps its deliberate image', () => {
    const redis = yamlBlocks(fixed).find((b) => b.meta.includes('redis.yaml'))!;
    expect(parse(redis.value)).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'redis' }, spec: { containers: [{ name: 'redis', image: 'redis123' }] } });
  });

  it('corrects the three probe fragments', () => {
    const probes = yamlBlocks(fixed).filter((b) => /^\s*livenessProbe/.test(b.value)).map((b) => parse(b.value));
    expect(probes).toEqual([
      { livenessProbe: { httpGet: { path: '/', port: 80 } } },
      { livenessProbe: { tcpSocket: { port: 22 } } },
      { livenessProbe: { exec: { command: ['ls', '/data/file'] } } },
    ]);
  });

  it('corrects the liveness example: apiVersion, probe inside the container with its parameters', () => {
    const exam = parse(yamlBlocks(fixed).find((b) => b.meta.includes('liveness-exam.yaml'))!.value);
    expect(exam.apiVersion).toBe('v1');
    expect(exam.spec.livenessProbe).toBeUndefined();
    const [container] = exam.spec.containers;
    expect(container.args).toEqual(['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 600']);
    expect(container.livenessProbe).toEqual({ exec: { command: ['ls', '/tmp/healthy'] }, periodSeconds: 5, initialDelaySeconds: 10, successThreshold: 1, failureThreshold: 2 });
  });

  it('corrects the kubectl commands', () => {
    const lines = shellLines(fixed);
    expect(lines).toContain('kubectl delete pod --all');
    expect(lines).toContain('kubectl run redis --image=redis123 -o yaml --dry-run=client > redis.yaml');
    expect(lines.some((line) => /^kubectl edit pods? redis$/.test(line))).toBe(true);
    expect(lines).not.toContain('kubectl edit pods edit');
  });

  it('is idempotent and loses no prose line', () => {
    expect(fixLesson(fixed, { unsafe: true }).output).toBe(fixed);
    const fixedLines = new Set(fixed.split('\n'));
    let inFence = false;
    for (const line of original.split('\n')) {
      if (line.startsWith('```')) inFence = !inFence;
      else if (!inFence) expect(fixedLines.has(line), line).toBe(true);
    }
  });
});

describe('the seed with safe fixes only', () => {
  it('leaves the unsafe corrections as suggestions', () => {
    const messages = analyzeLesson(safeOnly).messages;
    const edit = messages.find((m) => m.ruleId === 'state/unknown-object');
    expect(edit?.message).toMatch(/`edit`.*expected `redis`/);
    expect(edit?.fix).toMatchObject({ safe: false });
    expect(messages.find((m) => m.ruleId === 'k8s/misplaced-field')?.fix).toMatchObject({ safe: false });
    expect(messages.find((m) => m.ruleId === 'k8s/image-name' && /busybox/.test(m.message))).toBeDefined();
    expect(shellLines(safeOnly)).toContain('kubectl delete pod --all');
  });
});

describe('checking the imported seed', () => {
  it('flags the /tmp/healty line and leaves correct commands and printed output alone', () => {
    const analysis = analyzeLesson(original);
    const lines = original.split('\n');
    const messagesOn = (text: string) => {
      const line = lines.findIndex((l) => l.includes(text)) + 1;
      expect(line, text).toBeGreaterThan(0);
      return analysis.messages.filter((m) => m.start.line === line);
    };
    expect(messagesOn('rm -rf /tmp/healty').map((m) => m.ruleId)).toContain('state/probe-never-fails');
    for (const correct of [
      'kubectl exec multipod -it -c centos-container -- /bin/bash',
      'kubectl logs multipod -c nginx-container',
      'kubectl get pods --all-namespaces',
      'kubectl run webserver --image=nginx:1.14',
      'kubectl describe pod webserver',
      'kubectl delete pod webserver',
      'kubectl create -f redis.yaml',
      'Liveness:       http-get http://:80/',
    ]) {
      expect(messagesOn(correct), correct).toEqual([]);
    }
    expect(messagesOn('kubectl delete pod -all').map((m) => m.ruleId)).toEqual(['kubectl/unknown-flag']);
  });
});
