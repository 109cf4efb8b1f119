import { describe, expect, it } from 'vitest';
import { fieldDescriptions } from '../plugins/remark-lessonc/lib/k8s/field-docs.ts';

describe('field descriptions for hover text', () => {
  it('describes each field of a manifest on its line, through lists and refs', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    livenessProbe:\n      periodSeconds: 5\n';
    const fields = fieldDescriptions(pod, {}, '1.32');
    expect(fields.get(7)).toMatch(/^containers: /);
    expect(fields.get(10)).toMatch(/^livenessProbe: Periodic probe of container liveness/);
    expect(fields.get(11)).toMatch(/^periodSeconds: How often/);
    // A label key is the author's own name, not a field.
    expect(fields.has(5)).toBe(false);
  });

  it('describes a fragment as its assumed type, and nothing for YAML that is not Kubernetes', () => {
    expect(fieldDescriptions('livenessProbe:\n  tcpSocket:\n    port: 22\n', {}, '1.32').get(2)).toMatch(/^port: /);
    expect(fieldDescriptions('staticPodPath: /etc/kubelet.d\n', {}, '1.32').size).toBe(0);
  });
});
