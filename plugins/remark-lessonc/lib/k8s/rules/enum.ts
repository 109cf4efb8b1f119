/**
 * k8s/enum: a value outside the allowed set (`protocol: udp`, `restartPolicy: always`, `scope:
 * Namspaced`, `operations: [UPDTE]`). The sets come from the schema, from the API server's
 * validation code and from the value lists of the field descriptions (scripts/gen-k8s-schema.ts).
 * A value that differs only in letter case, or is a typo of exactly one allowed value, gets a safe fix.
 */
import { isScalar, type Scalar } from 'yaml';
import type { WalkContext, Visit } from '../ast.ts';
import { nodeRange } from '../ast.ts';
import { formatFieldPath, ruleUrl } from '../diagnostic.ts';
import { codeList, say, sayFix } from '../../messages.ts';
import { nearestNames } from '../../edit-distance.ts';
import type { K8sRule } from './rule.ts';

const RULE = 'k8s/enum';

/** The one allowed value `value` was meant to be, if there is exactly one. */
function intended(value: string, allowed: string[]): string | undefined {
  const sameCase = allowed.filter((a) => a.toLowerCase() === value.toLowerCase());
  if (sameCase.length) return sameCase.length === 1 ? sameCase[0] : undefined;
  if (value.length < 4) return undefined;
  const nearest = nearestNames(value, allowed.filter((a) => a.length >= 4)).names;
  return nearest.length === 1 ? nearest[0] : undefined;
}

export function checkEnum(visit: Visit, ctx: WalkContext): void {
  const allowed = visit.shape.enum;
  if (!allowed || !isScalar(visit.node)) return;
  const value = (visit.node as Scalar).value;
  if (value === null || allowed.includes(value as string)) return;
  const [start, end] = nodeRange(visit.node);
  const shown = allowed.map(String).filter((a) => a !== '');
  const fixed = typeof value === 'string' ? intended(value, shown) : undefined;
  const last = visit.path[visit.path.length - 1];
  // An item of a list (`operations: [UPDTE]`) is named by its list.
  const field = typeof last === 'number' ? visit.path[visit.path.length - 2] : last;
  ctx.findings.push({
    ruleId: RULE,
    severity: 'error',
    ...say('rule.k8s/enum.oneOf', { value: String(value), field: String(field), expected: codeList(shown, ', ') }),
    start,
    end,
    fieldPath: formatFieldPath(visit.path),
    url: ruleUrl(RULE),
    fix: fixed ? { safe: true, ...sayFix('fix.replace', { found: String(value), expected: fixed }), edits: [{ start, end, text: fixed }] } : undefined,
  });
}

export const enumRule: K8sRule = { id: RULE, scalar: checkEnum };
