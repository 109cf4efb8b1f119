/**
 * k8s/type: a value of the wrong type (`value: 3` where a string is expected, a list where a map is,
 * `cpu: true`, a malformed quantity). Error: the API server cannot decode it.
 */
import { isMap, isSeq, isScalar, type Node, type Scalar } from 'yaml';
import type { WalkContext, Visit } from '../ast.ts';
import { nodeRange } from '../ast.ts';
import { formatFieldPath, ruleUrl } from '../diagnostic.ts';
import { shortTypeName } from '../schema.ts';
import { say, sayFix, type MessageData } from '../../messages.ts';
import type { MessageKey } from '../../i18n.ts';
import type { K8sRule } from './rule.ts';

const RULE = 'k8s/type';
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** YAML 1.1 booleans: kubectl (go-yaml) reads them as true/false, YAML 1.2 as strings. */
const YAML11_BOOLEANS: Record<string, boolean> = { yes: true, no: false, on: true, off: false, y: true, n: false };

/** What was found, as code: a scalar's source text, or the first line of a map or list. */
function found(node: Node, ctx: WalkContext): string {
  const [start, end] = nodeRange(node);
  const line = ctx.text.slice(start, end).trim().split('\n')[0]!.trim();
  return line.length > 40 ? line.slice(0, 37) + '...' : line;
}

function fieldLabel(visit: Visit): string {
  const last = visit.path[visit.path.length - 1];
  return typeof last === 'string' ? last : `[${String(last)}]`;
}

/** The catalogue key of "expected a ..." for a scalar type. */
const EXPECTED: Record<string, MessageKey> = {
  string: 'rule.k8s/type.string',
  integer: 'rule.k8s/type.integer',
  number: 'rule.k8s/type.number',
  boolean: 'rule.k8s/type.boolean',
  'int-or-string': 'rule.k8s/type.intOrString',
  quantity: 'rule.k8s/type.quantity',
};

export function checkCollectionType(visit: Visit, expected: 'object' | 'array', ctx: WalkContext): boolean {
  const ok = expected === 'object' ? isMap(visit.node) : isSeq(visit.node);
  if (ok) return true;
  const [start, end] = nodeRange(visit.node);
  const data = { found: found(visit.node, ctx), field: fieldLabel(visit) };
  ctx.findings.push({
    ruleId: RULE,
    severity: 'error',
    ...(expected === 'object' ? say('rule.k8s/type.map', { ...data, type: shortTypeName(visit.typeName) }) : say('rule.k8s/type.list', data)),
    start,
    end,
    fieldPath: formatFieldPath(visit.path),
    url: ruleUrl(RULE),
  });
  return false;
}

export function checkScalarType(visit: Visit, ctx: WalkContext): boolean {
  const node = visit.node;
  const t = visit.shape.t;
  const [start, end] = nodeRange(node);
  const fieldPath = formatFieldPath(visit.path);
  const base = { found: found(node, ctx), field: fieldLabel(visit) };
  const report = (id: MessageKey, data: MessageData = {}, fix?: { text: string; description: ReturnType<typeof sayFix>; safe?: boolean }, severity: 'error' | 'warning' = 'error'): false => {
    ctx.findings.push({
      ruleId: RULE,
      severity,
      ...say(id, { ...base, ...data }),
      start,
      end,
      fieldPath,
      url: ruleUrl(RULE),
      fix: fix ? { safe: fix.safe ?? true, ...fix.description, edits: [{ start, end, text: fix.text }] } : undefined,
    });
    return false;
  };
  if (!isScalar(node)) return report(EXPECTED[t ?? ''] ?? 'rule.k8s/type.string');
  const scalar = node as Scalar;
  const value = scalar.value;
  const raw = ctx.text.slice(start, end);
  const plain = scalar.type === 'PLAIN';
  switch (t) {
    case 'string': {
      if (typeof value === 'string') {
        if (visit.shape.fmt === 'byte' && !BASE64.test(value.replace(/\s+/g, ''))) {
          return report('rule.k8s/type.base64');
        }
        return true;
      }
      const quotable = !visit.shape.enum && plain && !raw.includes('"') && !raw.includes('\\') && !raw.includes('\n');
      return report('rule.k8s/type.string', {}, quotable ? { text: `"${raw}"`, description: sayFix('fix.k8s/type.quote', { value: raw }) } : undefined);
    }
    case 'integer':
      if (typeof value === 'number' && Number.isInteger(value)) return true;
      if (typeof value === 'string' && /^-?\d+$/.test(value) && !plain) {
        return report('rule.k8s/type.integer', {}, { text: value, description: sayFix('fix.k8s/type.unquote', { value }) });
      }
      return report('rule.k8s/type.integer');
    case 'number':
      if (typeof value === 'number') return true;
      return report('rule.k8s/type.number');
    case 'boolean':
      if (typeof value === 'boolean') return true;
      if (typeof value === 'string' && plain && value.toLowerCase() in YAML11_BOOLEANS) {
        const bool = String(YAML11_BOOLEANS[value.toLowerCase()]);
        return report('rule.k8s/type.yaml11Boolean', { value, bool }, { text: bool, description: sayFix('fix.replace', { found: value, expected: bool }) }, 'warning');
      }
      if (typeof value === 'string' && (value === 'true' || value === 'false')) {
        return report('rule.k8s/type.boolean', {}, { text: value, description: sayFix('fix.k8s/type.unquote', { value }) });
      }
      return report('rule.k8s/type.boolean');
    case 'int-or-string':
      if (typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value))) return true;
      return report('rule.k8s/type.intOrString');
    case 'quantity':
      if (typeof value === 'number') return true;
      if (typeof value === 'string' && QUANTITY.test(value.trim())) return true;
      if (typeof value === 'string') {
        const hint = /^(\d+(\.\d+)?)([KMGTPE])B$/i.exec(value.trim());
        if (hint) return report('rule.k8s/type.quantityHint', { binary: `${hint[1]}${hint[3].toUpperCase()}i`, decimal: `${hint[1]}${hint[3].toUpperCase()}` });
      }
      return report('rule.k8s/type.quantity');
    default:
      return true;
  }
}

export const typeRule: K8sRule = {
  id: RULE,
  value(visit, ctx) {
    if (visit.shape.t === 'object') return checkCollectionType(visit, 'object', ctx);
    if (visit.shape.t === 'array') return checkCollectionType(visit, 'array', ctx);
    return checkScalarType(visit, ctx);
  },
};
