/**
 * k8s/label: label keys and values (metadata.labels, matchLabels) must be valid: values at most 63
 * characters of letters, digits, `-`, `_`, `.`, starting and ending alphanumeric (or empty); keys an
 * optional DNS-subdomain prefix and `/` before such a name.
 */
import { isMap, isPair, isScalar, type YAMLMap, type Scalar, type Node } from 'yaml';
import type { WalkContext, Visit } from '../walk.ts';
import { fieldNode, keyText, nodeRange } from '../walk.ts';
import { formatFieldPath, ruleUrl } from '../diagnostic.ts';

const RULE = 'k8s/label';
const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function keyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !PREFIX.test(prefix))) return 'a DNS subdomain prefix before `/`';
  if (!name || name.length > 63 || !NAME.test(name)) return 'at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit';
  return undefined;
}

function valueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63 || !NAME.test(value)) return 'at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit (or empty)';
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
    const issue = keyIssue ? { node: pair.key as Node, text: key, problem: keyIssue, what: 'label key' } : valueIssue ? { node: pair.value as Node, text: value as string, problem: valueIssue, what: 'label value' } : undefined;
    if (!issue) continue;
    const [start, end] = nodeRange(issue.node);
    ctx.findings.push({
      ruleId: RULE,
      severity: 'error',
      message: `Unexpected ${issue.what} \`${issue.text}\`, expected ${issue.problem}`,
      start,
      end,
      fieldPath: formatFieldPath([...visit.path, field, key]),
      url: ruleUrl(RULE),
    });
  }
}
