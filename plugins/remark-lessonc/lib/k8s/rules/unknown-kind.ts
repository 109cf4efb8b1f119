/**
 * k8s/unknown-kind: a kind the schema does not have. In a built-in API group it is a mistake
 * (`kind: configmap` in v1, `Deploymnet` in apps/v1; a single near kind gets a safe fix, and the
 * object is checked as that kind in the same pass); in another group it is a custom resource,
 * reported once as info and not validated.
 */
import type { K8sDiagnostic } from '../diagnostic.ts';
import { ruleUrl } from '../diagnostic.ts';
import type { KubernetesSchema } from '../schema.ts';
import { nearestNames } from '../../edit-distance.ts';
import { codeList, say, sayFix } from '../../messages.ts';

const RULE = 'k8s/unknown-kind';

export interface UnknownKind {
  finding?: K8sDiagnostic;
  /** The kind the object is checked as: the single near kind of a built-in group. */
  checkAs?: string;
}

export function unknownKind(schema: KubernetesSchema, apiVersion: string, kind: string, range: [number, number], seen: Set<string>): UnknownKind {
  if (!schema.isBuiltInGroup(apiVersion)) {
    const id = `${apiVersion}/${kind}`;
    if (seen.has(id)) return {};
    seen.add(id);
    return { finding: { ruleId: RULE, severity: 'info', ...say('rule.k8s/unknown-kind.custom', { kind, apiVersion }), start: range[0], end: range[1], url: ruleUrl(RULE) } };
  }
  const sameCase = schema.kindsNamedLike(apiVersion, kind);
  const nearest = sameCase.length ? { names: sameCase } : nearestNames(kind, Object.keys(schema.data.gvk[apiVersion] ?? {}));
  const checkAs = nearest.names.length === 1 ? nearest.names[0] : undefined;
  const text = !nearest.names.length
    ? say('rule.k8s/unknown-kind.unknown', { kind, apiVersion })
    : checkAs
      ? say('rule.k8s/unknown-kind.checkedAs', { kind, apiVersion, expected: checkAs })
      : say('rule.k8s/unknown-kind.nearest', { kind, apiVersion, expected: codeList(nearest.names, ' or ') });
  return {
    checkAs,
    finding: {
      ruleId: RULE,
      severity: 'error',
      ...text,
      start: range[0],
      end: range[1],
      fieldPath: 'kind',
      url: ruleUrl(RULE),
      fix: checkAs ? { safe: true, ...sayFix('fix.replace', { found: kind, expected: checkAs }), edits: [{ start: range[0], end: range[1], text: checkAs }] } : undefined,
    },
  };
}
