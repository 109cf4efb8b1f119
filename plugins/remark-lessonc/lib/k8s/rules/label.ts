/**
 * k8s/label: label keys and values (metadata.labels, matchLabels) must be valid: values at most 63
 * characters of letters, digits, `-`, `_`, `.`, starting and ending alphanumeric (or empty); keys an
 * optional DNS-subdomain prefix and `/` before such a name.
 */
import { isMap, isPair, isScalar, type YAMLMap, type Scalar, type Node } from 'yaml';
import type { WalkContext, Visit } from '../ast.ts';
import { fieldNode, keyText, nodeRange } from '../ast.ts';
import { formatFieldPath, ruleUrl } from '../diagnostic.ts';
import { say } from '../../messages.ts';
import type { MessageKey } from '../../i18n.ts';
import { shortTypeName } from '../schema.ts';
import { containsPlaceholder } from '../../placeholder.ts';
import type { K8sRule } from './rule.ts';

const RULE = 'k8s/label';
const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function keyProblem(key: string): MessageKey | undefined {
  if (containsPlaceholder(key)) return undefined;
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !PREFIX.test(prefix))) return 'rule.k8s/label.keyPrefix';
  if (!name || name.length > 63 || !NAME.test(name)) return 'rule.k8s/label.key';
  return undefined;
}

function valueProblem(value: string): MessageKey | undefined {
  if (value === '' || containsPlaceholder(value)) return undefined;
  if (value.length > 63 || !NAME.test(value)) return 'rule.k8s/label.value';
  return undefined;
}

export function checkLabels(visit: Visit, ctx: WalkContext): void {
  const field = visit.path.length && ctx.schema.resolve(visit.shape)?.shape.p?.matchLabels ? 'matchLabels' : 'labels';
  const found = fieldNode(visit, field, ctx);
  if (!found || !isMap(found.node)) return;
  for (const pair of (found.node as YAMLMap).items) {
    if (!isPair(pair)) continue;
    const key = keyText(pair);
    if (key === undefined) continue;
    const keyIssue = keyProblem(key);
    const value = isScalar(pair.value) ? (pair.value as Scalar).value : undefined;
    const valueIssue = typeof value === 'string' ? valueProblem(value) : undefined;
    const issue = keyIssue ? { node: pair.key as Node, text: key, problem: keyIssue } : valueIssue ? { node: pair.value as Node, text: value as string, problem: valueIssue } : undefined;
    if (!issue) continue;
    const [start, end] = nodeRange(issue.node);
    ctx.findings.push({
      ruleId: RULE,
      severity: 'error',
      ...say(issue.problem, { found: issue.text }),
      start,
      end,
      fieldPath: formatFieldPath([...visit.path, field, key]),
      url: ruleUrl(RULE),
    });
  }
}

export const labelRule: K8sRule = {
  id: RULE,
  map(visit, ctx) {
    const short = shortTypeName(visit.typeName);
    if (short === 'ObjectMeta' || short === 'LabelSelector') checkLabels(visit, ctx);
  },
};
