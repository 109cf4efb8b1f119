/**
 * k8s/enum: a value outside the allowed set (`protocol: udp`, `restartPolicy: always`). A value that
 * differs only in letter case gets a safe fix.
 */
import { isScalar, type Scalar } from 'yaml';
import type { WalkContext, Visit } from '../ast.ts';
import { nodeRange } from '../ast.ts';
import { formatFieldPath, ruleUrl } from '../diagnostic.ts';
import { codeList, say, sayFix } from '../../messages.ts';
import type { K8sRule } from './rule.ts';

const RULE = 'k8s/enum';

export function checkEnum(visit: Visit, ctx: WalkContext): void {
  const allowed = visit.shape.enum;
  if (!allowed || !isScalar(visit.node)) return;
  const value = (visit.node as Scalar).value;
  if (value === null || allowed.includes(value as string)) return;
  const [start, end] = nodeRange(visit.node);
  const sameCase = allowed.filter((a) => String(a).toLowerCase() === String(value).toLowerCase());
  const field = visit.path[visit.path.length - 1];
  ctx.findings.push({
    ruleId: RULE,
    severity: 'error',
    ...say('rule.k8s/enum.oneOf', { value: String(value), field: String(field), expected: codeList(allowed.map(String), ', ') }),
    start,
    end,
    fieldPath: formatFieldPath(visit.path),
    url: ruleUrl(RULE),
    fix: sameCase.length === 1 ? { safe: true, ...sayFix('fix.replace', { found: String(value), expected: String(sameCase[0]) }), edits: [{ start, end, text: String(sameCase[0]) }] } : undefined,
  });
}

export const enumRule: K8sRule = { id: RULE, scalar: checkEnum };
