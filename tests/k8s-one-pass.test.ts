/**
 * One `check` reports everything (issue 10, point 3): below a field or kind with a single near match
 * the value is validated as that match, and a YAML syntax error does not hide the rest of the document.
 */
import { describe, it, expect } from 'vitest';
import { checkYamlSnippetDetailed } from '../plugins/remark-lessonc/lib/k8s/check.ts';
import { fixAll } from './fixtures/k8s/fix-all.ts';

const ctx = { kubernetesVersion: '1.32' };
const check = (text: string) => checkYamlSnippetDetailed(text, {}, ctx).diagnostics;
const found = (text: string) => check(text).map((d) => `${d.ruleId} ${text.slice(d.start, d.end)}`);

const deployment = (spec: string, kind = 'Deployment') =>
  `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: shop\n${spec}`;

describe('near matches are validated as the match', () => {
  it('reports `spce`, `contianers` and the bad port under them in one pass', () => {
    const text = deployment(
      'spce:\n  selector:\n    matchLabels:\n      app: shop\n  template:\n    metadata:\n      labels:\n        app: shop\n    spec:\n      contianers:\n      - name: shop\n        image: nginx:1.27\n        ports:\n        - prot: 8080\n',
    );
    const diagnostics = check(text);
    expect(found(text)).toEqual([
      'k8s/unknown-field spce',
      'k8s/unknown-field contianers',
      'k8s/unknown-field prot',
      'k8s/required prot: 8080\n',
    ]);
    const spce = diagnostics[0]!;
    expect(spce.message).toBe('Unexpected field `spce` in `Deployment`, expected `spec` (what is under it is checked as `spec`)');
    expect(spce.messageId).toBe('rule.k8s/unknown-field.checkedAs');
    // The field path is the one the API server would name once the typo is fixed.
    expect(diagnostics[2]!.fieldPath).toBe('spec.template.spec.containers[0].ports[0].prot');
    // `containers` is not also reported missing: `contianers` stands for it.
    expect(diagnostics.filter((d) => d.message.includes('`containers`') && d.ruleId === 'k8s/required')).toEqual([]);
  });

  it('checks an object whose kind is misspelt as the near kind', () => {
    const text = deployment(
      'spec:\n  selector:\n    matchLabels:\n      app: shop\n  template:\n    metadata:\n      labels:\n        app: shop\n    spec:\n      containers:\n      - name: shop\n        image: nginx:1.27\n        imagePullPolicy: Allways\n',
      'Deploymnet',
    );
    const diagnostics = check(text);
    expect(found(text)).toEqual(['k8s/unknown-kind Deploymnet', 'k8s/enum Allways']);
    expect(diagnostics[0]!.message).toBe('Unexpected kind `Deploymnet` in `apps/v1`, expected `Deployment` (checked as `Deployment`)');
    expect(diagnostics[0]!.fix?.edits[0]?.text).toBe('Deployment');
  });

  it('reads `metdata` as the metadata that holds the name', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetdata:\n  name: Web\nspec:\n  containers:\n  - name: web\n    image: nginx\n';
    // The name is checked as metadata.name (upper case is not a DNS name), and not reported missing.
    expect(found(text)).toEqual(['k8s/unknown-field metdata', 'k8s/dns-name Web']);
  });

  it('says nothing more for a correct manifest', () => {
    const text = deployment(
      'spec:\n  selector:\n    matchLabels:\n      app: shop\n  template:\n    metadata:\n      labels:\n        app: shop\n    spec:\n      containers:\n      - name: shop\n        image: nginx:1.27\n',
    );
    expect(check(text)).toEqual([]);
  });

  it('checks the quantities under `limit` as `limits`', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    resources:\n      limit:\n        cpu: lots\n';
    const result = found(text);
    expect(result).toContain('k8s/unknown-field limit');
    expect(result).toContain('k8s/type lots');
  });
});

describe('a syntax error does not hide the rest', () => {
  it('reports a typo on line 9 below a syntax error on line 3', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: web\n    imgae: nginx\n';
    const diagnostics = check(text);
    expect(diagnostics.some((d) => d.ruleId.startsWith('yaml/') && d.severity === 'error')).toBe(true);
    const typo = diagnostics.find((d) => d.ruleId === 'k8s/unknown-field');
    expect(typo && text.slice(typo.start, typo.end)).toBe('imgae');
    expect(text.slice(0, typo!.start).split('\n').length).toBe(9);
    // What the blanked line may have held is not reported missing.
    expect(diagnostics.filter((d) => d.ruleId === 'k8s/required')).toEqual([]);
  });

  it('looks past an unclosed quote', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    resoruces: {}\n';
    expect(found(text)).toEqual(['k8s/unknown-field resoruces', 'yaml/missing-char ']);
  });

  it('reports a missing colon and a typo further down together, without a type error the colon explains', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    livenessProbe:\n      httpGet:\n        path /\n        port: 80\n    resoruces: {}\n';
    expect(found(text)).toEqual(['k8s/missing-colon path /', 'k8s/unknown-field resoruces']);
    expect(fixAll(text).text).toBe(text.replace('path /', 'path: /').replace('resoruces', 'resources'));
  });

  it('reports only the syntax error when the rest is right', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n';
    expect(check(text).every((d) => d.ruleId.startsWith('yaml/'))).toBe(true);
  });

  it('fixing the reported typos leaves the syntax error for the author', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: name: web\nspec:\n  containers:\n  - name: web\n    imgae: nginx\n';
    expect(fixAll(text).text).toBe(text.replace('imgae', 'image'));
  });
});
