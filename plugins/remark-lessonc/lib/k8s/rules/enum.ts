/**
 * k8s/enum: a value outside the allowed set (`protocol: udp`, `restartPolicy: always`). A value that
 * differs only in letter case gets a safe fix.
 */
import { isScalar, type Scalar } from 'yaml';
import type { WalkContext, Visit } from '../walk.ts';
import { nodeRange } from '../walk.ts';
import { formatFieldPath, ruleUrl } from '../diagnostic.ts';

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
    message: `Unexpected \`${String(value)}\` for \`${String(field)}\`, expected one of ${allowed.map((a) => `\`${a}\``).join(', ')}`,
    start,
    end,
    fieldPath: formatFieldPath(visit.path),
    url: ruleUrl(RULE),
    fix: sameCase.length === 1 ? { safe: true, description: `Replace \`${String(value)}\` with \`${sameCase[0]}\``, edits: [{ start, end, text: String(sameCase[0]) }] } : undefined,
  });
}
