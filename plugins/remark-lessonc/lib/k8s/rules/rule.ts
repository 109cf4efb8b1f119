/**
 * A Kubernetes rule, as the walker sees it: hooks called where the walk meets what the rule checks
 * (like ESLint's node visitors). A rule sets only the hooks it needs.
 */
import type { Pair } from 'yaml';
import type { Visit, WalkContext } from '../ast.ts';

export interface K8sRule {
  id: string;
  /** Every value before it is walked; `false` means the value is not what the schema expects, so nothing under it is checked. */
  value?(visit: Visit, ctx: WalkContext): boolean;
  /** A scalar where the schema expects one (after `value` accepted it). */
  scalar?(visit: Visit, ctx: WalkContext): void;
  /** A map where the schema expects an object, after its fields were walked. */
  map?(visit: Visit, ctx: WalkContext): void;
  /** A list where the schema expects one, before its items are walked. */
  seqEnter?(visit: Visit, ctx: WalkContext): void;
  /** A list, after its items were walked. */
  seq?(visit: Visit, ctx: WalkContext): void;
  /**
   * A key the object's type does not have. Returns the field the value is to be checked as when the
   * key is a unique near match of one (`spce` -> `spec`), so one pass reports what is under it too.
   */
  unknownField?(visit: Visit, pair: Pair, key: string, ctx: WalkContext): string | undefined;
  /** The top-level object of a manifest, after it was walked. */
  document?(root: Visit, ctx: WalkContext): void;
}
