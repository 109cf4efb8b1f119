/**
 * k8s/unknown-kind: a kind the schema does not have. In a built-in API group it is a mistake
 * (`kind: configmap` in v1; a letter-case slip gets a safe fix); in another group it is a custom
 * resource, reported once as info and not validated.
 */
import type { K8sDiagnostic } from '../diagnostic.ts';
import { ruleUrl } from '../diagnostic.ts';
import type { KubernetesSchema } from '../schema.ts';
import { nearestNames } from '../../edit-distance.ts';

const RULE = 'k8s/unknown-kind';

export function unknownKind(schema: KubernetesSchema, apiVersion: string, kind: string, range: [number, number], seen: Set<string>): K8sDiagnostic | undefined {
  if (!schema.isBuiltInGroup(apiVersion)) {
    const id = `${apiVersion}/${kind}`;
    if (seen.has(id)) return undefined;
    seen.add(id);
    return {
      ruleId: RULE,
      severity: 'info',
      message: `Unknown kind \`${kind}\` in \`${apiVersion}\`: a custom resource, not validated`,
      start: range[0],
      end: range[1],
      url: ruleUrl(RULE),
    };
  }
  const sameCase = schema.kindsNamedLike(apiVersion, kind);
  const nearest = sameCase.length ? { names: sameCase } : nearestNames(kind, Object.keys(schema.data.gvk[apiVersion] ?? {}));
  return {
    ruleId: RULE,
    severity: 'error',
    message: `Unexpected kind \`${kind}\` in \`${apiVersion}\`${nearest.names.length ? `, expected ${nearest.names.map((n) => `\`${n}\``).join(' or ')}` : ''}`,
    start: range[0],
    end: range[1],
    fieldPath: 'kind',
    url: ruleUrl(RULE),
    fix: nearest.names.length === 1 ? { safe: true, description: `Replace \`${kind}\` with \`${nearest.names[0]}\``, edits: [{ start: range[0], end: range[1], text: nearest.names[0] }] } : undefined,
  };
}
