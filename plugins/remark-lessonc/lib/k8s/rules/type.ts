/**
 * k8s/type: a value of the wrong type (`value: 3` where a string is expected, a list where a map is,
 * `cpu: true`, a malformed quantity). Error: the API server cannot decode it.
 */
import { isMap, isSeq, isScalar, type Scalar } from 'yaml';
import type { WalkContext, Visit } from '../walk.ts';
import { nodeRange } from '../walk.ts';
import { formatFieldPath, ruleUrl } from '../diagnostic.ts';
import { shortTypeName } from '../schema.ts';

const RULE = 'k8s/type';
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** YAML 1.1 booleans: kubectl (go-yaml) reads them as true/false, YAML 1.2 as strings. */
const YAML11_BOOLEANS: Record<string, boolean> = { yes: true, no: false, on: true, off: false, y: true, n: false };

function describe(node: unknown): string {
  if (isMap(node)) return 'map';
  if (isSeq(node)) return 'list';
  if (isScalar(node)) {
    const value = (node as Scalar).value;
    if (typeof value === 'number') return `number \`${value}\``;
    if (typeof value === 'boolean') return `boolean \`${value}\``;
    return `string \`${String(value).slice(0, 40)}\``;
  }
  return 'value';
}

function fieldLabel(visit: Visit): string {
  const last = visit.path[visit.path.length - 1];
  return typeof last === 'string' ? `\`${last}\`` : `item ${String(last)}`;
}

export function checkCollectionType(visit: Visit, expected: 'object' | 'array', ctx: WalkContext): boolean {
  const ok = expected === 'object' ? isMap(visit.node) : isSeq(visit.node);
  if (ok) return true;
  const [start, end] = nodeRange(visit.node);
  const wanted = expected === 'object' ? `a map (\`${shortTypeName(visit.typeName)}\`)` : 'a list';
  ctx.findings.push({
    ruleId: RULE,
    severity: 'error',
    message: `Unexpected ${describe(visit.node)} for ${fieldLabel(visit)}, expected ${wanted}`,
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
  const report = (expected: string, fix?: { text: string; description: string; safe?: boolean }, severity: 'error' | 'warning' = 'error'): false => {
    ctx.findings.push({
      ruleId: RULE,
      severity,
      message: `Unexpected ${describe(node)} for ${fieldLabel(visit)}, expected ${expected}`,
      start,
      end,
      fieldPath,
      url: ruleUrl(RULE),
      fix: fix ? { safe: fix.safe ?? true, description: fix.description, edits: [{ start, end, text: fix.text }] } : undefined,
    });
    return false;
  };
  if (!isScalar(node)) return report(t === 'quantity' ? 'a quantity' : `a ${t === 'int-or-string' ? 'number or string' : t}`);
  const scalar = node as Scalar;
  const value = scalar.value;
  const raw = ctx.text.slice(start, end);
  const plain = scalar.type === 'PLAIN';
  switch (t) {
    case 'string': {
      if (typeof value === 'string') {
        if (visit.shape.fmt === 'byte' && !BASE64.test(value.replace(/\s+/g, ''))) {
          return report('base64-encoded data (use `stringData` for plain text)');
        }
        return true;
      }
      const quotable = !visit.shape.enum && plain && !raw.includes('"') && !raw.includes('\\') && !raw.includes('\n');
      return report('a string', quotable ? { text: `"${raw}"`, description: `Quote \`${raw}\`` } : undefined);
    }
    case 'integer':
      if (typeof value === 'number' && Number.isInteger(value)) return true;
      if (typeof value === 'string' && /^-?\d+$/.test(value) && !plain) {
        return report('an integer', { text: value, description: `Unquote \`${value}\`` });
      }
      return report('an integer');
    case 'number':
      if (typeof value === 'number') return true;
      return report('a number');
    case 'boolean':
      if (typeof value === 'boolean') return true;
      if (typeof value === 'string' && plain && value.toLowerCase() in YAML11_BOOLEANS) {
        const bool = String(YAML11_BOOLEANS[value.toLowerCase()]);
        return report(`\`true\` or \`false\` (kubectl reads \`${value}\` as ${bool}, YAML 1.2 tools as a string)`, { text: bool, description: `Replace \`${value}\` with \`${bool}\`` }, 'warning');
      }
      if (typeof value === 'string' && (value === 'true' || value === 'false')) {
        return report('a boolean', { text: value, description: `Unquote \`${value}\`` });
      }
      return report('`true` or `false`');
    case 'int-or-string':
      if (typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value))) return true;
      return report('an integer or a string');
    case 'quantity':
      if (typeof value === 'number') return true;
      if (typeof value === 'string' && QUANTITY.test(value.trim())) return true;
      if (typeof value === 'string') {
        const hint = /^(\d+(\.\d+)?)([KMGTPE])B$/i.exec(value.trim());
        const suggestion = hint ? ` (\`${hint[1]}${hint[3].toUpperCase()}i\` or \`${hint[1]}${hint[3].toUpperCase()}\`)` : '';
        return report(`a quantity such as \`500m\`, \`0.5\` or \`128Mi\`${suggestion}`);
      }
      return report('a quantity such as `500m`, `0.5` or `128Mi`');
    default:
      return true;
  }
}
