/**
 * k8s/api-version: a built-in kind under an apiVersion that does not serve it (`apps/v1beta1`
 * Deployment, removed in 1.16; `v1` Deployment). The replacement may need other changes (a
 * required `selector`), so the fix is unsafe.
 */
import type { K8sDiagnostic } from '../diagnostic.ts';
import { ruleUrl } from '../diagnostic.ts';
import type { KubernetesSchema } from '../schema.ts';
import { codeList, say, sayFix } from '../../messages.ts';

const RULE = 'k8s/api-version';

export function wrongApiVersion(schema: KubernetesSchema, apiVersion: string, kind: string, range: [number, number]): K8sDiagnostic | undefined {
  const served = schema.apiVersionsOfKind(kind);
  if (!served.length || served.includes(apiVersion)) return undefined;
  const best = served[served.length - 1];
  return {
    ruleId: RULE,
    severity: 'error',
    ...say('rule.k8s/api-version.unexpected', { apiVersion, kind, expected: codeList(served, ' or '), version: schema.data.version }),
    start: range[0],
    end: range[1],
    fieldPath: 'apiVersion',
    url: ruleUrl(RULE),
    fix: { safe: false, ...sayFix('fix.replace', { found: apiVersion, expected: best }), edits: [{ start: range[0], end: range[1], text: best }] },
  };
}
