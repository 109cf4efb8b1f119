/**
 * k8s/dns-name: object and container names must be DNS names (lower case, digits, `-`, and `.` for
 * subdomains; at most 253 characters, 63 for labels). Services need an RFC 1035 label (starting with
 * a letter). Renaming can break references, so the suggested fix is unsafe.
 */
import { isScalar, type Scalar } from 'yaml';
import type { WalkContext, Visit } from '../ast.ts';
import { fieldNode, isPlaceholderNode, nodeRange } from '../ast.ts';
import { formatFieldPath, ruleUrl } from '../diagnostic.ts';
import { shortTypeName } from '../schema.ts';
import { say, sayFix } from '../../messages.ts';
import type { MessageKey } from '../../i18n.ts';
import type { K8sRule } from './rule.ts';

const RULE = 'k8s/dns-name';
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

type NameFormat = 'subdomain' | 'label' | 'rfc1035';

/** Kinds whose names follow other rules (RBAC allows `system:...`) are not checked. */
const NAME_FORMAT_BY_KIND: Record<string, NameFormat | null> = {
  Service: 'rfc1035',
  Namespace: 'label',
  Role: null,
  ClusterRole: null,
  RoleBinding: null,
  ClusterRoleBinding: null,
};

const FORMAT_KEY: Record<NameFormat, MessageKey> = {
  subdomain: 'rule.k8s/dns-name.subdomain',
  label: 'rule.k8s/dns-name.label',
  rfc1035: 'rule.k8s/dns-name.rfc1035',
};

/** The catalogue key of what the name breaks, or undefined when it is valid. */
function valid(name: string, format: NameFormat): MessageKey | undefined {
  const max = format === 'subdomain' ? 253 : 63;
  if (name.length > max) return 'rule.k8s/dns-name.tooLong';
  const pattern = format === 'subdomain' ? DNS1123_SUBDOMAIN : format === 'label' ? DNS1123_LABEL : DNS1035_LABEL;
  return pattern.test(name) ? undefined : FORMAT_KEY[format];
}

function suggestion(name: string, format: NameFormat): string | undefined {
  let candidate = name.toLowerCase().replace(/[_\s]+/g, '-').replace(/[^-a-z0-9.]/g, '').replace(/^[-.]+|[-.]+$/g, '');
  if (format !== 'subdomain') candidate = candidate.replace(/\./g, '-');
  if (format === 'rfc1035') candidate = candidate.replace(/^[^a-z]+/, '');
  return candidate && !valid(candidate, format) && candidate !== name ? candidate : undefined;
}

function checkName(visit: Visit, field: string, format: NameFormat, what: string, ctx: WalkContext): void {
  if (isPlaceholderNode(fieldNode(visit, field, ctx)?.node ?? null, ctx.text)) return;
  const found = fieldNode(visit, field, ctx);
  if (!found || !isScalar(found.node) || typeof (found.node as Scalar).value !== 'string') return;
  const name = (found.node as Scalar).value as string;
  const problem = valid(name, format);
  if (!problem) return;
  const [start, end] = nodeRange(found.node!);
  const fixed = suggestion(name, format);
  ctx.findings.push({
    ruleId: RULE,
    severity: 'error',
    ...say(fixed ? `${problem}.example` as MessageKey : problem, { name: name.length > 60 ? name.slice(0, 57) + '...' : name, what, ...(problem === 'rule.k8s/dns-name.tooLong' ? { max: format === 'subdomain' ? 253 : 63 } : {}), ...(fixed ? { example: fixed } : {}) }),
    start,
    end,
    fieldPath: formatFieldPath([...visit.path, field]),
    url: ruleUrl(RULE),
    fix: fixed ? { safe: false, ...sayFix('fix.k8s/dns-name.rename', { name: fixed }), edits: [{ start, end, text: fixed }] } : undefined,
  });
}

/** metadata.name of the top-level object. */
export function checkObjectName(visit: Visit, ctx: WalkContext): void {
  if (visit.path.length !== 1 || visit.path[0] !== 'metadata') return;
  const format = ctx.kind && ctx.kind in NAME_FORMAT_BY_KIND ? NAME_FORMAT_BY_KIND[ctx.kind] : 'subdomain';
  if (!format) return;
  checkName(visit, 'name', format, ctx.kind ?? 'object', ctx);
}

export function checkContainerName(visit: Visit, ctx: WalkContext): void {
  checkName(visit, 'name', 'label', shortTypeName(visit.typeName), ctx);
}

export const dnsNameRule: K8sRule = {
  id: RULE,
  map(visit, ctx) {
    const short = shortTypeName(visit.typeName);
    if (short === 'ObjectMeta') checkObjectName(visit, ctx);
    if (short === 'Container' || short === 'EphemeralContainer') checkContainerName(visit, ctx);
  },
};
