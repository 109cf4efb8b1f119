/** `kubectl/missing-flag-value`: a flag that needs a value ends the command (kubectl: "flag needs an argument"). */
import type { Diagnostic } from '../../types.ts';
import { say } from '../../messages.ts';
import { lineDiagnostic } from './diagnostic.ts';
import type { KubectlRule } from './rule.ts';

const ruleId = 'kubectl/missing-flag-value';

export const missingFlagValueRule: KubectlRule = ({ line, parsed }) => {
  const diagnostics: Diagnostic[] = [];
  for (const problem of parsed.problems) {
    if (problem.kind !== 'missing-flag-value') continue;
    const flag = problem.flag;
    const data = { flag: flag.written, name: flag.name, type: flag.flag?.type ?? 'string' };
    const text = flag.written.startsWith('--') ? say('rule.kubectl/missing-flag-value.long', data) : say('rule.kubectl/missing-flag-value.short', data);
    diagnostics.push(lineDiagnostic(line, ruleId, 'error', text, flag.start, flag.end));
  }
  return diagnostics;
};
