/**
 * k8s/missing-colon: a line that names a field but lacks the `: ` after it (`port 80`, `prot:22`, a
 * bare `livenessProbe` line). Only when the name is a field at that place (found through the outline
 * of the snippet), or a single near typo of one, which the fix corrects too (`prot:22` -> `port: 22`).
 */
import type { K8sDiagnostic } from '../diagnostic.ts';
import { ruleUrl } from '../diagnostic.ts';
import type { Outline } from '../outline.ts';
import { say, sayFix } from '../../messages.ts';

const RULE = 'k8s/missing-colon';

export function checkMissingColons(outline: Outline, text: string, skip: (offset: number) => boolean): K8sDiagnostic[] {
  const findings: K8sDiagnostic[] = [];
  for (const entry of outline.entries) {
    if (entry.kind !== 'key' || !entry.missingColon || !entry.fieldName) continue;
    if (skip(entry.keyStart!)) continue;
    const parent = entry.parent ? entry.parent.resolved : undefined;
    if (entry.parent && (!parent || parent.shape.t !== 'object')) continue;
    const resolvedType = entry.resolved?.shape.t;
    // A bare word is a key only if something nests under it or its field holds a map or list.
    if (entry.missingColon === 'bare' && !entry.children.length && resolvedType !== 'object' && resolvedType !== 'array') continue;
    const key = entry.key!;
    const field = entry.fieldName;
    const renamed = field !== key;
    const value = entry.value ?? '';
    const replacement = entry.missingColon === 'bare' ? `${field}:` : `${field}: `;
    const end = entry.missingColon === 'bare' ? entry.lineEnd : entry.valueStart!;
    findings.push({
      ruleId: RULE,
      severity: 'error',
      ...(renamed
        ? say('rule.k8s/missing-colon.renamed', { found: text.slice(entry.keyStart!, entry.missingColon === 'bare' ? entry.keyEnd! : entry.valueStart! + value.length).trim(), expected: `${field}:${value ? ' ' + value : ''}` })
        : say('rule.k8s/missing-colon.missing', { key, expected: `${key}:${value ? ' ' + value : ''}` })),
      start: entry.keyStart!,
      end: entry.missingColon === 'bare' ? entry.keyEnd! : entry.lineContentEnd,
      url: ruleUrl(RULE),
      fix: { safe: true, ...(renamed ? sayFix('fix.k8s/missing-colon.replace', { expected: `${field}:` }) : sayFix('fix.k8s/missing-colon.add', { key })), edits: [{ start: entry.keyStart!, end, text: replacement }] },
    });
  }
  return findings;
}
