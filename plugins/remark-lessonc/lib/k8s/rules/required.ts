/**
 * k8s/required: a required field is missing (`image` of a container, `containerPort`, and on a
 * top-level object `apiVersion`, `kind` and `metadata.name` or `generateName`). Not checked in
 * fragments, which are excerpts by nature.
 */
import { type Node, type YAMLMap, isMap, isPair } from 'yaml';
import type { WalkContext, Visit } from '../ast.ts';
import { anchorRange, deref, findPair, isNullNode, keyText, nodeRange } from '../ast.ts';
import { formatFieldPath, ruleUrl, type K8sDiagnostic } from '../diagnostic.ts';
import { say } from '../../messages.ts';
import type { K8sRule } from './rule.ts';
import { shortTypeName } from '../schema.ts';

const RULE = 'k8s/required';

function missingRequired(visit: Visit, names: string[], ctx: WalkContext): void {
  const present = new Set((visit.node as YAMLMap).items.filter(isPair).map((p) => keyText(p)));
  const missing = names.filter((name) => !present.has(name) && !visit.standIns?.has(name));
  if (!missing.length) return;
  const [start, end] = anchorRange(visit);
  for (const name of missing) {
    ctx.findings.push({
      ruleId: RULE,
      severity: 'error',
      ...say('rule.k8s/required.missing', { field: name, type: shortTypeName(visit.typeName) }),
      start,
      end,
      fieldPath: formatFieldPath([...visit.path, name]),
      url: ruleUrl(RULE),
    });
  }
}

/** A required field written with no value (`apiVersion:`, `image:`), reported at its key. */
export function emptyFieldFinding(key: Node, field: string, type: string, fieldPath: string): K8sDiagnostic {
  const [start, end] = nodeRange(key);
  return { ruleId: RULE, severity: 'error', ...say('rule.k8s/required.empty', { field, type }), start, end, fieldPath, url: ruleUrl(RULE) };
}

/** `image:` with nothing after it: the field is written, its value is missing. */
function emptyRequired(visit: Visit, names: string[], ctx: WalkContext): void {
  for (const pair of (visit.node as YAMLMap).items) {
    if (!isPair(pair)) continue;
    const name = keyText(pair);
    if (name === undefined || !names.includes(name) || !isNullNode(deref(pair.value, ctx))) continue;
    // `image: # your image` or an explicit `~`/`null`: still empty; a placeholder is not.
    ctx.findings.push(emptyFieldFinding(pair.key as Node, name, shortTypeName(visit.typeName), formatFieldPath([...visit.path, name])));
  }
}

export function checkRequired(visit: Visit, ctx: WalkContext): void {
  if (ctx.fragment || !visit.shape.req?.length) return;
  if (ctx.explainedRequired.has(visit.node.range![0])) return;
  missingRequired(visit, visit.shape.req, ctx);
  emptyRequired(visit, visit.shape.req, ctx);
}

/** name or generateName on the metadata of a top-level object (API server: ValidateObjectMeta). */
export function checkTopLevelName(root: Visit, ctx: WalkContext): void {
  if (ctx.fragment) return;
  const map = root.node as YAMLMap;
  const metadataPair = findPair(map, 'metadata') ?? root.standIns?.get('metadata');
  const metadata = metadataPair?.value;
  if (isMap(metadata) && (findPair(metadata, 'name') || findPair(metadata, 'generateName'))) return;
  const anchor = metadataPair ? (metadataPair.key as { range: [number, number] }).range : anchorRange(root);
  ctx.findings.push({
    ruleId: RULE,
    severity: 'error',
    ...say('rule.k8s/required.name', { type: ctx.kind ?? 'object' }),
    start: anchor[0],
    end: anchor[1],
    fieldPath: 'metadata.name',
    url: ruleUrl(RULE),
  });
}

export const requiredRule: K8sRule = { id: RULE, map: checkRequired, document: checkTopLevelName };
