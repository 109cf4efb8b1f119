/**
 * Indentation of fixed YAML (issue 10, point 8): a snippet fixed for its tabs comes out in canonical
 * indentation (2 spaces a level, list items as kubectl prints them), and fixing again changes nothing.
 */
import { describe, it, expect } from 'vitest';
import { checkYamlSnippetDetailed } from '../plugins/remark-lessonc/lib/k8s/check.ts';
import { canonicalIndentation, isJsonSnippet } from '../plugins/remark-lessonc/lib/yaml/canonical-indent.ts';
import { tabIndentFix } from '../plugins/remark-lessonc/lib/yaml/tab-indent.ts';
import { applyEdits } from '../plugins/remark-lessonc/lib/fix/apply.ts';
import { fixAll } from './fixtures/k8s/fix-all.ts';

const ctx = { kubernetesVersion: '1.32' };

describe('canonical indentation', () => {
  it('puts 2 spaces a level and list dashes at their key, as kubectl prints', () => {
    const text = 'spec:\n    containers:\n        - name: web\n          image: nginx\n          ports:\n              - containerPort: 80\n    volumes:\n    - name: data\n';
    expect(canonicalIndentation(text)).toBe('spec:\n  containers:\n  - name: web\n    image: nginx\n    ports:\n    - containerPort: 80\n  volumes:\n  - name: data\n');
  });

  it('keeps the inner indentation of block scalars and places comments with their level', () => {
    const text = 'data:\n    script.sh: |\n        #!/bin/sh\n          echo indented\n    # a comment\n    other: x\n';
    expect(canonicalIndentation(text)).toBe('data:\n  script.sh: |\n    #!/bin/sh\n      echo indented\n  # a comment\n  other: x\n');
  });

  it('leaves canonical YAML as it is', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n';
    expect(canonicalIndentation(text)).toBe(text);
  });
});

describe('the tab fix re-indents canonically', () => {
  it('fixes a tab-indented probe fragment to 2 spaces a level, and again changes nothing', () => {
    const text = 'livenessProbe:\n\thttpGet:\n\t\tpath: /healthz\n\t\tport: 8080\n\tperiodSeconds: 5\n';
    const once = fixAll(text).text;
    expect(once).toBe('livenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080\n  periodSeconds: 5\n');
    expect(fixAll(once).text).toBe(once);
    expect(checkYamlSnippetDetailed(once, {}, ctx).diagnostics).toEqual([]);
  });

  it('fixes a tab-indented manifest with its list items under their key', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\nspec:\n\tcontainers:\n\t\t- name: web\n\t\t  image: nginx\n';
    const [tab] = checkYamlSnippetDetailed(text, {}, ctx).diagnostics.filter((d) => d.ruleId === 'yaml/tab-indent');
    expect(tab!.fix?.descriptionId).toBe('fix.yaml/tab-indent.canonical');
    expect(fixAll(text).text).toBe('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n');
  });

  it('leaves the layout of a JSON snippet alone', () => {
    const json = '{\n\t"apiVersion": "v1",\n\t"kind": "Pod",\n\t"metadata": {\n\t\t"name": "web"\n\t}\n}\n';
    expect(fixAll(json, { meta: { lang: 'json' } }).text).toBe(json);
    expect(isJsonSnippet(json)).toBe(true);
    expect(isJsonSnippet('kind: Pod\n', { lang: 'json' })).toBe(true);
    expect(isJsonSnippet('kind: Pod\n')).toBe(false);
    // Where JSON-like text does reach the tab fix, tabs only become spaces: one depth per tab, as written.
    const text = 'a:\n\tb:\n\t\tc: 1\n';
    expect(applyEdits(text, tabIndentFix(text, 4, { canonical: false }).edits)).toBe('a:\n    b:\n        c: 1\n');
    expect(applyEdits(text, tabIndentFix(text, 4).edits)).toBe('a:\n  b:\n    c: 1\n');
  });
});

describe('lost indentation is rebuilt from the schema', () => {
  const check = (text: string) => checkYamlSnippetDetailed(text, {}, ctx).diagnostics;
  const flat = (text: string) => text.split('\n').map((line) => line.trimStart()).join('\n');
  const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        ports:\n        - containerPort: 80\n';

  it('places a key its object already has further out (`name: http` names the port, not the container again)', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\nname: web\nspec:\ncontainers:\n- name: web\nimage: nginx\nports:\n- containerPort: 80\nname: http\n';
    expect(fixAll(text).text).toBe('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    ports:\n    - containerPort: 80\n      name: http\n');
  });

  it('re-indents a flattened manifest when every line has one place (safe), and again changes nothing', () => {
    const text = flat(deployment);
    const [problem, ...rest] = check(text);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ ruleId: 'k8s/lost-indentation', severity: 'error', messageId: 'rule.k8s/lost-indentation.unique' });
    expect(problem!.fix?.safe).toBe(true);
    const once = fixAll(text).text;
    expect(once).toBe(deployment);
    expect(fixAll(once).text).toBe(once);
    expect(check(once)).toEqual([]);
  });

  it('re-indents a flattened fragment by the type of its first key', () => {
    expect(fixAll('livenessProbe:\nhttpGet:\npath: /healthz\nport: 8080\nperiodSeconds: 5\n').text).toBe('livenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080\n  periodSeconds: 5\n');
  });

  it('offers only an unsafe fix when a line could go in two places', () => {
    // `resources:` after the image could be the container's or (since 1.32) the pod's.
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\nname: web\nspec:\ncontainers:\n- name: web\nimage: nginx\nresources:\nlimits:\ncpu: 500m\n';
    const [problem] = check(text);
    expect(problem).toMatchObject({ ruleId: 'k8s/lost-indentation', messageId: 'rule.k8s/lost-indentation.ambiguous' });
    expect(problem!.fix?.safe).toBe(false);
    expect(fixAll(text).text).toBe(text);
  });

  it('says nothing about flat YAML the schema cannot place, or that is flat by nature', () => {
    expect(check('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n')).toEqual([]);
    expect(check('name: build\nport: 8080\nhost: example.com\n').filter((d) => d.ruleId === 'k8s/lost-indentation')).toEqual([]);
    expect(check('services:\nweb:\nimage: nginx\n').filter((d) => d.ruleId === 'k8s/lost-indentation')).toEqual([]);
  });
});

describe('a snippet being fixed comes out canonical', () => {
  const check = (text: string) => checkYamlSnippetDetailed(text, {}, ctx).diagnostics;
  const fourSpaces = 'apiVersion: v1\nkind: Pod\nmetadata:\n    name: web\nspec:\n    containers:\n        - name: web\n          image: nginx\n';

  it('re-indents a 4-space manifest along with its typo fix, and again changes nothing', () => {
    const text = fourSpaces.replace('image', 'imgae');
    const reindent = check(text).find((d) => d.ruleId === 'yaml/indent');
    expect(reindent).toMatchObject({ severity: 'info', messageId: 'rule.yaml/indent.canonical' });
    expect(reindent!.fix?.safe).toBe(true);
    const once = fixAll(text).text;
    expect(once).toBe('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n');
    expect(fixAll(once).text).toBe(once);
  });

  it('leaves the layout of a snippet with nothing to fix alone', () => {
    expect(check(fourSpaces)).toEqual([]);
    expect(fixAll(fourSpaces).text).toBe(fourSpaces);
  });
});
