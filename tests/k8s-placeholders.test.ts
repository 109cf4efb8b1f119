/**
 * Placeholders in manifests (issue 10, point 4): `<name>`, `{name}`, `${NAME}`, `$NAME`, `...`, `…`
 * stand for any value, so no type, enum, name, label or image rule speaks about them.
 */
import { describe, it, expect } from 'vitest';
import { checkYamlSnippetDetailed } from '../plugins/remark-lessonc/lib/k8s/check.ts';

const ctx = { kubernetesVersion: '1.32' };
const check = (text: string) => checkYamlSnippetDetailed(text, {}, ctx).diagnostics;
const pod = (name: string, container: string, volumes = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels:\n    app: web\nspec:\n${volumes}  containers:\n  - name: web\n${container}`;

describe('placeholders are any value', () => {
  it('accepts `{claimName}` (a flow map to YAML) where a string is expected', () => {
    const text = pod('web', '    image: nginx\n', '  volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: {claimName}\n');
    expect(check(text)).toEqual([]);
  });

  it('accepts `<image>` and the other forms wherever a value stands', () => {
    for (const placeholder of ['<image>', '${IMAGE}', '$IMAGE', '...', '…', '"<image>"']) {
      const text = pod('web', `    image: ${placeholder}\n    imagePullPolicy: ${placeholder}\n    ports:\n    - containerPort: ${placeholder}\n      protocol: ${placeholder}\n`);
      expect(check(text), placeholder).toEqual([]);
    }
  });

  it('accepts placeholders as names, label values and label keys', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: <service-name>\n  labels:\n    <label-key>: <label-value>\n    app: ${APP}\nspec:\n  selector:\n    app: {app}\n  ports:\n  - port: <port>\n    targetPort: $PORT\n';
    expect(check(text)).toEqual([]);
  });

  it('reads a line of only `...` or `…` as the part the author left out', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${REPLICAS}\n  template:\n    spec:\n      containers:\n      - name: web\n        image: registry.example.com/web:${TAG}\n        resources:\n          limits:\n            memory: <memory>\n        ...\n  …\n';
    expect(check(text)).toEqual([]);
    // Still checked around it: a typo next to an elision is reported at its place.
    const typo = text.replace('replicas', 'replica');
    const [problem, ...rest] = check(typo);
    expect(rest).toEqual([]);
    expect(typo.slice(problem!.start, problem!.end)).toBe('replica');
  });

  it('accepts a placeholder kind or apiVersion', () => {
    expect(check('apiVersion: <api-version>\nkind: <Kind>\nmetadata:\n  name: <name>\nspec:\n  ...\n')).toEqual([]);
    expect(check('apiVersion: <version>\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n')).toEqual([]);
  });

  it('cannot judge a value with a placeholder inside it', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-${ENV}\n  labels:\n    app: shop-<team>\nspec:\n  containers:\n  - name: web-<n>\n    image: nginx:<tag>\n    resources:\n      limits:\n        memory: <size>Mi\n';
    expect(check(text)).toEqual([]);
  });

  it('still reports the same values written literally', () => {
    const text = pod('Web_Server', '    image: nginx\n    imagePullPolicy: sometimes\n    ports:\n    - containerPort: eighty\n', '  volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: {a: b}\n');
    expect(check(text).map((d) => d.ruleId)).toEqual(['k8s/dns-name', 'k8s/type', 'k8s/enum', 'k8s/type']);
  });
});
