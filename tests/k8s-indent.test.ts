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
