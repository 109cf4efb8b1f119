import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { checkYamlSnippetDetailed } from '../plugins/remark-lessonc/lib/k8s/check.ts';
import { classifyYaml } from '../plugins/remark-lessonc/lib/k8s/classify.ts';
import { fixAll } from './fixtures/k8s/fix-all.ts';
import type { SnippetMeta } from '../plugins/remark-lessonc/lib/types.ts';

const ctx = { kubernetesVersion: '1.32' };
const check = (text: string, meta: SnippetMeta = {}) => checkYamlSnippetDetailed(text, meta, ctx).diagnostics;
const rule = (text: string, ruleId: string, meta: SnippetMeta = {}) => check(text, meta).filter((d) => d.ruleId === ruleId);

const pod = (containerLines: string, extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n${containerLines}${extra}`;

describe('k8s/unknown-field', () => {
  it('names the nearest field and renames a single typo safely', () => {
    const text = pod('    image: nginx\n    comand: ["sleep"]\n');
    const [d] = rule(text, 'k8s/unknown-field');
    expect(d.message).toBe('Unexpected field `comand` in `Container`, expected `command`');
    expect(text.slice(d.start, d.end)).toBe('comand');
    expect(d.fieldPath).toBe('spec.containers[0].comand');
    expect(d.fix).toMatchObject({ safe: true, edits: [{ text: 'command' }] });
  });
  it('fixes apiVerison, initContainer, request, valeu', () => {
    const text = 'apiVerison: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainer:\n  - name: i\n    image: busybox\n  containers:\n  - name: c\n    image: nginx\n    resources:\n      request:\n        cpu: 100m\n    env:\n    - name: A\n      valeu: "1"\n';
    const fixed = parse(fixAll(text).text);
    expect(fixed.apiVersion).toBe('v1');
    expect(fixed.spec.initContainers).toHaveLength(1);
    expect(fixed.spec.containers[0].resources.requests.cpu).toBe('100m');
    expect(fixed.spec.containers[0].env[0].value).toBe('1');
  });
  it('offers no fix when two fields are equally near', () => {
    const [d] = rule('livenessProbe:\n  tcpSocket:\n    hort: 80\n', 'k8s/unknown-field');
    expect(d.message).toContain('expected `host` or `port`');
    expect(d.fix).toBeUndefined();
  });
});

describe('k8s/misplaced-field', () => {
  it('points a probe under spec to the container, with an unsafe move', () => {
    const text = pod('    image: nginx\n', '  livenessProbe:\n    tcpSocket:\n      port: 80\n');
    const [d] = rule(text, 'k8s/misplaced-field');
    expect(d.message).toContain('`livenessProbe` in `PodSpec`');
    expect(d.fix?.safe).toBe(false);
    expect(parse(fixAll(text, { unsafe: true }).text).spec.containers[0].livenessProbe).toEqual({ tcpSocket: { port: 80 } });
  });
  it('gives no move when there are two containers', () => {
    const text = pod('    image: nginx\n  - name: b\n    image: redis\n', '  livenessProbe:\n    tcpSocket:\n      port: 80\n');
    expect(rule(text, 'k8s/misplaced-field')[0].fix).toBeUndefined();
  });
});

describe('k8s/type', () => {
  it('requires env values to be strings and quotes them', () => {
    const text = pod('    image: nginx\n    env:\n    - name: N\n      value: 3\n');
    const [d] = rule(text, 'k8s/type');
    expect(d.message).toContain('expected a string');
    expect(parse(fixAll(text).text).spec.containers[0].env[0].value).toBe('3');
  });
  it('accepts quantities and rejects malformed ones', () => {
    expect(rule(pod('    image: nginx\n    resources:\n      limits:\n        memory: 500Mi\n        cpu: 0.5\n'), 'k8s/type')).toEqual([]);
    const [d] = rule(pod('    image: nginx\n    resources:\n      limits:\n        memory: 500MB\n'), 'k8s/type');
    expect(d.message).toContain('`500Mi`');
  });
  it('rejects a list where a map is expected', () => {
    expect(rule('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n- a\n', 'k8s/type')[0].fieldPath).toBe('data');
  });
  it('accepts int-or-string ports', () => {
    expect(rule('livenessProbe:\n  httpGet:\n    path: /\n    port: http\n', 'k8s/type')).toEqual([]);
  });
});

describe('k8s/required', () => {
  it('reports a missing image', () => {
    const [d] = rule(pod(''), 'k8s/required');
    expect(d.message).toBe('Missing required field `image` in `Container`');
    expect(d.fieldPath).toBe('spec.containers[0].image');
  });
  it('is not checked in fragments', () => {
    expect(rule('containers:\n- name: x\n', 'k8s/required')).toEqual([]);
  });
});

describe('k8s/enum', () => {
  it('fixes letter case safely', () => {
    const text = pod('    image: nginx\n    ports:\n    - containerPort: 53\n      protocol: udp\n');
    const [d] = rule(text, 'k8s/enum');
    expect(d.message).toContain('expected one of `SCTP`, `TCP`, `UDP`');
    expect(d.fix).toMatchObject({ safe: true, edits: [{ text: 'UDP' }] });
  });
});

describe('k8s/dns-name', () => {
  it('rejects upper case names and suggests an unsafe rename', () => {
    const [d] = rule('apiVersion: v1\nkind: Pod\nmetadata:\n  name: My_Pod\nspec:\n  containers:\n  - name: c\n    image: nginx\n', 'k8s/dns-name');
    expect(d.fix).toMatchObject({ safe: false, edits: [{ text: 'my-pod' }] });
  });
});

describe('k8s/split-list-item', () => {
  it('joins `- name` / `- image` items', () => {
    const text = pod('  - image: nginx\n');
    const [d] = rule(text, 'k8s/split-list-item');
    expect(d.fix?.safe).toBe(true);
    expect(rule(text, 'k8s/required')).toEqual([]);
    expect(parse(fixAll(text).text).spec.containers).toEqual([{ name: 'web', image: 'nginx' }]);
  });
});

describe('k8s/image-name', () => {
  it('warns about non-official images without registry', () => {
    const [d] = rule(pod('    image: busybox-container\n'), 'k8s/image-name');
    expect(d.severity).toBe('warning');
    expect(d.fix).toMatchObject({ safe: false, edits: [{ text: 'busybox' }] });
  });
  it('names the nearest official image: the longest one a suffix follows, a typo, a prefix', () => {
    const suggestion = (image: string) => rule(pod(`    image: ${image}\n`), 'k8s/image-name').map((d) => ({ message: d.message, fix: d.fix?.edits[0]?.text }));
    expect(suggestion('mongo-express-ui')).toEqual([{ message: expect.stringContaining('`mongo-express`'), fix: 'mongo-express' }]);
    expect(suggestion('mongo_db')).toEqual([{ message: expect.stringContaining('`mongo`'), fix: 'mongo' }]);
    expect(suggestion('ngnix:1.27')).toEqual([{ message: expect.stringContaining('`nginx`'), fix: 'nginx' }]);
    // Named, not rewritten: `redis123` may be a private image.
    expect(suggestion('redis123')).toEqual([{ message: expect.stringContaining('`redis`'), fix: undefined }]);
    expect(suggestion('mywebapp')).toEqual([{ message: expect.stringContaining('expected `<registry or namespace>/mywebapp`'), fix: undefined }]);
  });
  it('accepts official images and images with a registry', () => {
    expect(rule(pod('    image: nginx:1.25\n'), 'k8s/image-name')).toEqual([]);
    expect(rule(pod('    image: registry.k8s.io/pause:3.9\n'), 'k8s/image-name')).toEqual([]);
  });
});

describe('k8s/missing-colon', () => {
  it('adds the colon when the word is a field there', () => {
    const text = 'livenessProbe:\n  httpGet:\n    path /\n    port 80\n';
    expect(rule(text, 'k8s/missing-colon')).toHaveLength(2);
    expect(parse(fixAll(text).text)).toEqual({ livenessProbe: { httpGet: { path: '/', port: 80 } } });
  });
  it('leaves multi-line strings alone', () => {
    expect(rule('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: some text\n    port 80\n', 'k8s/missing-colon')).toEqual([]);
  });
});

describe('k8s/unknown-kind and k8s/api-version', () => {
  it('fixes the letter case of a built-in kind', () => {
    const [d] = rule('apiVersion: v1\nkind: configmap\nmetadata:\n  name: c\n', 'k8s/unknown-kind');
    expect(d.severity).toBe('error');
    expect(d.fix?.edits[0].text).toBe('ConfigMap');
  });
  it('reports a removed apiVersion', () => {
    const [d] = rule('apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels: {a: b}\n  template:\n    metadata:\n      labels: {a: b}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n', 'k8s/api-version');
    expect(d.message).toContain('`apps/v1`');
  });
});

describe('aliases', () => {
  it('follows a bounded number of aliases per document (an alias bomb does not hang the walk, and is reported)', () => {
    // Seven levels of nine: 9^6 paths through recursive JSONSchemaProps if every alias were followed.
    const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const definitions = levels
      .map((name, i) => `          ${name}: &${name} ${i === 0 ? '{type: string}' : `{allOf: [${Array(9).fill(`*${levels[i - 1]}`).join(', ')}]}`}\n`)
      .join('');
    const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: ks.g\nspec:\n  group: g\n  names: {kind: K, plural: ks}\n  scope: Namespaced\n  versions:\n  - name: v1\n    served: true\n    storage: true\n    schema:\n      openAPIV3Schema:\n        type: object\n        definitions:\n' + definitions;
    // Issue 8: the bomb is no longer silent; it is the one problem, at the alias that goes over the limit.
    expect(check(crd).map((d) => [d.ruleId, crd.slice(d.start, d.end)])).toEqual([['yaml/alias-limit', '*d']]);
  }, 5_000);
});

describe('classification', () => {
  it('reads fragments as the type that explains them', () => {
    expect(classifyYaml('containers:\n- name: a\n  image: nginx\n', {}).assumedType).toBe('PodSpec');
    expect(classifyYaml('resources:\n  limits:\n    cpu: 1\n', {}).assumedType).toBe('Container');
    expect(classifyYaml('env:\n- name: A\n  value: "1"\n', {}).assumedType).toBe('Container');
  });
  it('leaves other YAML alone', () => {
    expect(classifyYaml('staticPodPath: /etc/kubernetes/manifests\ncgroupDriver: systemd\n', {}).kind).toBe('yaml');
    expect(classifyYaml('apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n', {}).kind).toBe('yaml');
    expect(classifyYaml('version: "3"\nservices:\n  web:\n    image: nginx\n', {}).kind).toBe('yaml');
    expect(classifyYaml('apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n', {}).kind).toBe('yaml');
  });
  it('obeys code meta', () => {
    expect(classifyYaml('name: x\n', { kind: 'Container' })).toMatchObject({ kind: 'yaml-fragment', assumedType: 'Container' });
    expect(check('apiVersion: v1\nkind: Pod\nspec:\n  bogus: 1\n', { check: false })).toEqual([]);
  });
});
