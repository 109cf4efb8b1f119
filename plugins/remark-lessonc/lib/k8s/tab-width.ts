/**
 * Which tab width the author of a tab-indented Kubernetes snippet meant: expand the tabs at 2, 4 and
 * 8 columns and keep the width whose structure fits the schema best (fewest unknown or misplaced
 * keys in the outline, then fewest YAML errors; ties go to the smaller width). The seed's
 * `\targs:` under a container only makes sense at width 4.
 */
import type { KubernetesSchema, ResolvedShape } from './schema.ts';
import { bestTabWidth } from '../yaml/tab-indent.ts';
import { countYamlErrors } from '../yaml/check-syntax.ts';
import { buildOutline, resolveOutline, outlineCost, type Outline } from './outline.ts';

export type RootTypes = (outline: Outline) => (ResolvedShape | null)[];

export function chooseTabWidth(text: string, schema: KubernetesSchema, rootTypes: RootTypes): number {
  return bestTabWidth(text, (expanded, width, leastSoFar) => {
    const outline = buildOutline(expanded, width);
    resolveOutline(outline, schema, rootTypes(outline));
    const structure = outlineCost(outline);
    // YAML errors only add: a width whose outline alone costs as much as the best cannot win.
    if (structure >= leastSoFar) return structure;
    return structure + 0.5 * countYamlErrors(expanded);
  });
}
