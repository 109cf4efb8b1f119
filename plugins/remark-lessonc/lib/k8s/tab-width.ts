/**
 * Which tab width the author of a tab-indented Kubernetes snippet meant: expand the tabs at 2, 4 and
 * 8 columns and keep the width whose structure fits the schema best (fewest unknown or misplaced
 * keys in the outline, then fewest YAML errors; ties go to the smaller width). The seed's
 * `\targs:` under a container only makes sense at width 4.
 */
import type { KubernetesSchema, ResolvedShape } from './schema.ts';
import { TAB_WIDTHS, tabIndentEdits } from '../yaml/tab-indent.ts';
import { applyEdits } from '../fix/apply.ts';
import { countYamlErrors } from '../yaml/check-syntax.ts';
import { buildOutline, resolveOutline, outlineCost, type Outline } from './outline.ts';

export type RootTypes = (outline: Outline) => (ResolvedShape | null)[];

export function chooseTabWidth(text: string, schema: KubernetesSchema, rootTypes: RootTypes): number {
  let best: number = TAB_WIDTHS[0];
  let bestCost = Infinity;
  for (const width of TAB_WIDTHS) {
    const candidate = applyEdits(text, tabIndentEdits(text, width));
    const outline = buildOutline(candidate, width);
    resolveOutline(outline, schema, rootTypes(outline));
    const cost = outlineCost(outline) + 0.5 * countYamlErrors(candidate);
    if (cost < bestCost) {
      best = width;
      bestCost = cost;
    }
  }
  return best;
}
