/** All kubectl rules, in the order their diagnostics are reported for the same position. */
import { deprecatedRule } from './deprecated.ts';
import { invalidFlagValueRule } from './invalid-flag-value.ts';
import { missingArgumentRule } from './missing-argument.ts';
import { missingFlagValueRule } from './missing-flag-value.ts';
import type { KubectlRule } from './rule.ts';
import { runOptionsRule } from './run-options.ts';
import { unknownCommandRule } from './unknown-command.ts';
import { unknownFlagRule } from './unknown-flag.ts';
import { unknownResourceRule } from './unknown-resource.ts';

export const kubectlRules: KubectlRule[] = [
  unknownCommandRule,
  unknownFlagRule,
  missingFlagValueRule,
  invalidFlagValueRule,
  deprecatedRule,
  unknownResourceRule,
  missingArgumentRule,
  runOptionsRule,
];
