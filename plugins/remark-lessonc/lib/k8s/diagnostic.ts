/**
 * A Kubernetes diagnostic: the shared Diagnostic plus the API field path it is about
 * (`spec.containers[0].image`), so tests and errata can compare with what the API server names.
 */
import type { Diagnostic } from '../types.ts';

export interface K8sDiagnostic extends Diagnostic {
  fieldPath?: string;
}

export type PathSegment = string | number;

export function formatFieldPath(path: PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

export { ruleUrl } from '../rule-docs.ts';
