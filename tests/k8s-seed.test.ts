import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { seedBlocks } from './fixtures/k8s/seed-blocks.ts';
import { fixAll } from './fixtures/k8s/fix-all.ts';
import { checkYamlSnippet } from '../plugins/remark-lessonc/lib/k8s/check.ts';
import { classifyYaml } from '../plugins/remark-lessonc/lib/k8s/classify.ts';

const blocks = seedBlocks();
const ctx = { kubernetesVersion: '1.32' };

describe('seed 000: blocks are the seed bytes', () => {
  it('keeps tabs and the leading spaces of `  livenessProbe\\t`', () => {
    expect(blocks.httpGet.startsWith('  livenessProbe\t\n\thttpGet:\n\t\tpatch /\n')).toBe(true);
    expect(blocks.redis).toContain('\t- name: redis\n\t- image: redis123\n');
    expect(blocks.tcpSocket).toBe('  livenessProbe\n\ttcpSocket:\n\t\tprot:22\n');
  });
});

describe('seed 000: classification of broken YAML', () => {
  it('classifies manifests and fragments', () => {
    expect(classifyYaml(blocks.redis, {}).kind).toBe('manifest');
    expect(classifyYaml(blocks.liveness, {}).kind).toBe('manifest');
    for (const fragment of [blocks.httpGet, blocks.tcpSocket, blocks.exec]) {
      expect(classifyYaml(fragment, {})).toMatchObject({ kind: 'yaml-fragment', assumedType: 'Container' });
    }
    expect(classifyYaml(blocks.prose, {}).kind).toBe('yaml');
  });
});

describe('seed 000: fixing with unsafe fixes', () => {
  it('redis manifest', () => {
    const fixed = fixAll(blocks.redis, { unsafe: true });
    expect(parse(fixed.text)).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'redis' }, spec: { containers: [{ name: 'redis', image: 'redis123' }] } });
  });
  it('probe fragments', () => {
    expect(parse(fixAll(blocks.httpGet, { unsafe: true }).text)).toEqual({ livenessProbe: { httpGet: { path: '/', port: 80 } } });
    expect(parse(fixAll(blocks.tcpSocket, { unsafe: true }).text)).toEqual({ livenessProbe: { tcpSocket: { port: 22 } } });
    expect(parse(fixAll(blocks.exec, { unsafe: true }).text)).toEqual({ livenessProbe: { exec: { command: ['ls', '/data/file'] } } });
  });
  it('liveness example', () => {
    const fixed = parse(fixAll(blocks.liveness, { unsafe: true }).text);
    expect(fixed.apiVersion).toBe('v1');
    expect(fixed).not.toHaveProperty('apiVerison');
    expect(fixed.spec).not.toHaveProperty('livenessProbe');
    expect(fixed.spec.containers).toHaveLength(1);
    const container = fixed.spec.containers[0];
    expect(container.args).toEqual(['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -rf /tmp/healty; sleep 600']);
    expect(container.livenessProbe).toEqual({
      exec: { command: ['ls', '/tmp/healthy'] },
      periodSeconds: 5,
      initialDelaySeconds: 10,
      successThreshold: 1,
      failureThreshold: 2,
    });
  });
  it('leaves no errors and is idempotent', () => {
    for (const block of [blocks.redis, blocks.httpGet, blocks.tcpSocket, blocks.exec, blocks.liveness]) {
      const once = fixAll(block, { unsafe: true }).text;
      expect(checkYamlSnippet(once, {}, ctx).filter((d) => d.severity === 'error')).toEqual([]);
      expect(fixAll(once, { unsafe: true }).text).toBe(once);
    }
  });
});

describe('seed 000: safe fixes only', () => {
  it('keeps the unsafe ones reported with their suggestion', () => {
    const fixed = fixAll(blocks.liveness).text;
    const parsed = parse(fixed);
    expect(parsed.apiVersion).toBe('v1');
    const remaining = checkYamlSnippet(fixed, {}, ctx);
    const misplaced = remaining.find((d) => d.ruleId === 'k8s/misplaced-field');
    expect(misplaced?.fix?.safe).toBe(false);
    expect(misplaced?.message).toContain('livenessProbe');
    const image = remaining.find((d) => d.ruleId === 'k8s/image-name');
    expect(image?.severity).toBe('warning');
    expect(image?.fix?.safe).toBe(false);
    expect(image?.message).toContain('`busybox`');
    expect(fixAll(fixed).text).toBe(fixed);
  });
  it('redis: safe fixes alone give the intended object, image warning stays without a rewrite', () => {
    const fixed = fixAll(blocks.redis).text;
    expect(parse(fixed).spec.containers).toEqual([{ name: 'redis', image: 'redis123' }]);
    const image = checkYamlSnippet(fixed, {}, ctx).find((d) => d.ruleId === 'k8s/image-name');
    expect(image?.message).toContain('`redis`');
    expect(image?.fix).toBeUndefined();
  });
});

describe('seed 000: prose-like block', () => {
  it('is not reported as Kubernetes errors', () => {
    const diagnostics = checkYamlSnippet(blocks.prose, {}, ctx);
    expect(diagnostics.filter((d) => d.ruleId.startsWith('k8s/'))).toEqual([]);
  });
});
