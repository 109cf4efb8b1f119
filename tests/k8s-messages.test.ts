/**
 * Every k8s/ and yaml/ message and fix description comes from the catalogue (issue 10, point 9):
 * each has an id, and its Korean wording is Korean with the same code parameters.
 */
import { describe, it, expect } from 'vitest';
import { checkYamlSnippetDetailed } from '../plugins/remark-lessonc/lib/k8s/check.ts';
import { localize, localizeFix } from '../plugins/remark-lessonc/lib/messages.ts';
import type { K8sDiagnostic } from '../plugins/remark-lessonc/lib/k8s/diagnostic.ts';

const ctx = { kubernetesVersion: '1.32' };
const hangul = /[\uac00-\ud7a3]/;
const pod = (container: string, spec = '', name = 'web') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels:\n    app: web\nspec:\n${spec}  containers:\n  - name: web\n${container}`;

/** Snippets that, between them, trigger every k8s and yaml rule. */
const broken: Record<string, string> = {
  'k8s/unknown-field': pod('    image: nginx\n    comand: ["sleep"]\n'),
  'k8s/misplaced-field': pod('    image: nginx\n', '  livenessProbe:\n    exec:\n      command: ["true"]\n'),
  'k8s/missing-colon': pod('    image: nginx\n    ports:\n    - containerPort 80\n'),
  'k8s/type': pod('    image: nginx\n    env:\n    - name: A\n      value: 3\n    resources:\n      limits:\n        memory: 5GB\n'),
  'k8s/required': pod('    ports:\n    - name: http\n'),
  'k8s/enum': pod('    image: nginx\n    imagePullPolicy: always\n'),
  'k8s/duplicate-key': pod('    image: nginx\n    ports:\n    - containerPort: 80\n    - containerPort: 80\n'),
  'k8s/dns-name': pod('    image: nginx\n', '', 'Web_Server'),
  'k8s/label': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: -bad-\nspec:\n  containers:\n  - name: web\n    image: nginx\n',
  'k8s/split-list-item': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: redis\nspec:\n  containers:\n  - name: redis\n  - image: redis:7\n',
  'k8s/image-name': pod('    image: ngnix\n'),
  'k8s/api-version': 'apiVersion: apps/v1beta1\nkind: Deployment\nmetadata:\n  name: web\n',
  'k8s/unknown-kind': 'apiVersion: v1\nkind: configmap\nmetadata:\n  name: web\n',
  'k8s/lost-indentation': 'apiVersion: v1\nkind: Pod\nmetadata:\nname: web\nspec:\ncontainers:\n- name: web\nimage: nginx\n',
  'yaml/indent': 'apiVersion: v1\nkind: Pod\nmetadata:\n    name: web\nspec:\n    containers:\n    - name: web\n      imgae: nginx\n',
  'yaml/tab-indent': 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n',
  'yaml/duplicate-key': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  name: other\n',
  'yaml/missing-char': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web\n',
};

function expectCatalogued(d: K8sDiagnostic): void {
  expect(d.messageId, d.message).toBeDefined();
  const korean = localize('ko', d);
  expect(korean, d.message).toMatch(hangul);
  for (const value of Object.values(d.data ?? {})) expect(korean).toContain(String(value));
  if (d.fix) {
    expect(d.fix.descriptionId, d.fix.description).toBeDefined();
    expect(localizeFix('ko', d.fix)).toMatch(hangul);
  }
}

describe('k8s and yaml messages come from the catalogue', () => {
  for (const [ruleId, text] of Object.entries(broken)) {
    it(`words ${ruleId} in both languages`, () => {
      const diagnostics = checkYamlSnippetDetailed(text, {}, ctx).diagnostics.filter((d) => d.ruleId === ruleId);
      expect(diagnostics.length, ruleId).toBeGreaterThan(0);
      for (const d of diagnostics) expectCatalogued(d);
    });
  }

  it('names the whole duplicate key, not its first letter', () => {
    const [d] = checkYamlSnippetDetailed(broken['yaml/duplicate-key']!, {}, ctx).diagnostics.filter((x) => x.ruleId === 'yaml/duplicate-key');
    expect(d!.message).toBe('Unexpected duplicate key `name`, expected each key once in a map');
    expect(localize('ko', d!)).toContain('`name`');
  });

  it('gives every finding of the seed-like snippets an id', () => {
    const all = Object.values(broken).flatMap((text) => checkYamlSnippetDetailed(text, {}, ctx).diagnostics);
    expect(all.filter((d) => !d.messageId).map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
  });
});
