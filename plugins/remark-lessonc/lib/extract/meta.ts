import type { SnippetMeta } from '../types.ts';

/**
 * Parses a fence's meta string: `kind=Pod intentional title="redis.yaml" check=false`.
 * Bare words are flags (`true`); `check=false` / `intentional=false` are booleans.
 */
export function parseCodeMeta(meta: string | null | undefined): SnippetMeta {
  const result: SnippetMeta = {};
  if (!meta) return result;
  const pattern = /([\w-]+)(?:=(?:"([^"]*)"|'([^']*)'|(\S+)))?/g;
  for (const match of meta.matchAll(pattern)) {
    const key = match[1]!;
    const raw = match[2] ?? match[3] ?? match[4];
    if (raw === undefined) result[key] = true;
    else if (raw === 'true' || raw === 'false') result[key] = raw === 'true';
    else result[key] = raw;
  }
  return result;
}

/** Whether the author marked the snippet `intentional` at all (every rule, or some listed ones). */
export function isMarkedIntentional(meta: SnippetMeta): boolean {
  return meta.intentional !== undefined && meta.intentional !== false;
}

/** Whether the author marked this rule's problems in the snippet as deliberate (`intentional`). */
export function isIntentional(meta: SnippetMeta, ruleId: string): boolean {
  if (meta.intentional === true) return true;
  if (typeof meta.intentional !== 'string') return false;
  return meta.intentional.split(',').some((listed) => listed.trim() === ruleId);
}
