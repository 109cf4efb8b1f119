/** `kubectl/missing-flag-value`: a flag that needs a value ends the command (kubectl: "flag needs an argument"). */
import type { Diagnostic } from '../../types.ts';
import { lineDiagnostic } from './diagnostic.ts';
import type { KubectlRule } from './rule.ts';

const ruleId = 'kubectl/missing-flag-value';

export const missingFlagValueRule: KubectlRule = ({ line, parsed }) => {
  const diagnostics: Diagnostic[] = [];
  for (const problem of parsed.problems) {
    if (problem.kind !== 'missing-flag-value') continue;
    const flag = problem.flag;
    const type = flag.flag?.type ?? 'string';
    const long = flag.written.startsWith('--') ? '' : ` (\`--${flag.name}\`)`;
    diagnostics.push(
      lineDiagnostic(line, ruleId, 'error', `Missing value for flag \`${flag.written}\`${long}, expected a ${type} value`, flag.start, flag.end),
    );
  }
  return diagnostics;
};
