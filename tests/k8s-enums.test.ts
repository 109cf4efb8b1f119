/**
 * Values the schema gives only in prose, and empty required values (issue 10, point 7).
 */
import { describe, it, expect } from 'vitest';
import { checkYamlSnippetDetailed } from '../plugins/remark-lessonc/lib/k8s/check.ts';
import { enumFromProse } from '../scripts/gen-k8s-schema.ts';
import { fixAll } from './fixtures/k8s/fix-all.ts';

const ctx = { kubernetesVersion: '1.32' };
const check = (text: string) => checkYamlSnippetDetailed(text, {}, ctx).diagnostics;

const crd = (scope: string) =>
  `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: crontabs.stable.example.com\nspec:\n  group: stable.example.com\n  scope: ${scope}\n  names:\n    plural: crontabs\n    singular: crontab\n    kind: CronTab\n  versions:\n  - name: v1\n    served: true\n    storage: true\n    schema:\n      openAPIV3Schema:\n        type: object\n`;

const webhook = (operations: string, scope: string) =>
  `apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata:\n  name: pod-policy\nwebhooks:\n- name: pod-policy.example.com\n  admissionReviewVersions: ["v1"]\n  sideEffects: None\n  clientConfig:\n    url: https://example.com/validate\n  rules:\n  - apiGroups: [""]\n    apiVersions: ["v1"]\n    operations: ${operations}\n    resources: ["pods"]\n    scope: ${scope}\n`;

describe('enums from the descriptions', () => {
  it('reads plain value lists and leaves the rest alone', () => {
    expect(enumFromProse('Valid values are "OnRootMismatch" and "Always". If not specified, "Always" is used.')).toEqual(['OnRootMismatch', 'Always']);
    expect(enumFromProse('Operations is the operations the admission hook cares about - CREATE, UPDATE, DELETE, CONNECT or * for all of those operations.')).toEqual(['CREATE', 'UPDATE', 'DELETE', 'CONNECT', '*']);
    expect(enumFromProse('scope specifies the scope of this rule. Valid values are "Cluster", "Namespaced", and "*" "Cluster" means that only cluster-scoped resources match.')).toEqual(['Cluster', 'Namespaced', '*']);
    expect(enumFromProse('PathType can be one of the following values: * Exact: Matches exactly. * Prefix: Matches a prefix. * ImplementationSpecific: Up to the IngressClass.')).toEqual(['Exact', 'Prefix', 'ImplementationSpecific']);
    expect(enumFromProse('Effect to match. Empty means match all taint effects. When specified, allowed values are NoSchedule, PreferNoSchedule and NoExecute.')).toEqual(['NoSchedule', 'PreferNoSchedule', 'NoExecute', '']);
    expect(enumFromProse('Image pull policy.\n\nPossible enum values:\n - `"Always"` means that kubelet always attempts to pull the latest image.\n - `"IfNotPresent"` means that kubelet pulls if the image isn\'t present on disk.\n - `"Never"` means that kubelet never pulls an image.')).toEqual(['Always', 'IfNotPresent', 'Never']);
    // Not plain lists: nothing is invented.
    expect(enumFromProse('Valid values are integers greater than 0.')).toBeUndefined();
    expect(enumFromProse('Valid values are "None", empty string (""), or a valid IP address.')).toBeUndefined();
    expect(enumFromProse('Valid options are ["Ingress"], ["Egress"], or ["Ingress", "Egress"].')).toBeUndefined();
    expect(enumFromProse('Valid values are either:\n\n* Un-prefixed protocol names')).toBeUndefined();
    expect(enumFromProse('The name of the container.')).toBeUndefined();
  });

  it('rejects `scope: Namspaced` with the fix `Namespaced`', () => {
    const text = crd('Namspaced');
    const [problem, ...rest] = check(text);
    expect(rest).toEqual([]);
    expect(problem!.ruleId).toBe('k8s/enum');
    expect(problem!.message).toBe('Unexpected `Namspaced` for `scope`, expected one of `Cluster`, `Namespaced`');
    expect(problem!.fix).toMatchObject({ safe: true, edits: [{ text: 'Namespaced' }] });
    expect(fixAll(text).text).toBe(crd('Namespaced'));
    expect(check(crd('Namespaced'))).toEqual([]);
  });

  it('rejects an unknown webhook operation inside a list, and a bad rule scope', () => {
    const text = webhook('[UPDTE, CREATE]', 'Namspaced');
    expect(check(text).map((d) => `${d.ruleId} ${text.slice(d.start, d.end)} ${d.fix?.edits[0]?.text}`)).toEqual([
      'k8s/enum UPDTE UPDATE',
      'k8s/enum Namspaced Namespaced',
    ]);
    expect(check(webhook('["UPDATE", "CREATE"]', '"*"'))).toEqual([]);
  });

  it('offers no fix when the value is near none or several allowed values', () => {
    const [problem] = check(crd('Everywhere'));
    expect(problem!.ruleId).toBe('k8s/enum');
    expect(problem!.fix).toBeUndefined();
  });
});

describe('empty required values', () => {
  const pod = (apiVersion: string, image: string) =>
    `apiVersion:${apiVersion}\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image:${image}\n`;

  it('reports `apiVersion:` and `image:` with nothing after them', () => {
    const text = pod('', '');
    const problems = check(text);
    expect(problems.map((d) => `${d.ruleId} ${text.slice(d.start, d.end)} ${d.fieldPath}`)).toEqual([
      'k8s/required apiVersion apiVersion',
      'k8s/required image spec.containers[0].image',
    ]);
    expect(problems[0]!.messageId).toBe('rule.k8s/required.empty');
    expect(problems[0]!.message).toBe('Missing value of required field `apiVersion` in `Pod`');
  });

  it('accepts them filled in, or left as a placeholder', () => {
    expect(check(pod(' v1', ' nginx:1.27'))).toEqual([]);
    expect(check(pod(' v1', ' <image>'))).toEqual([]);
  });
});
