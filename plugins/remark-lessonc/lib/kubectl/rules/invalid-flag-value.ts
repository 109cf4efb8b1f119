/**
 * `kubectl/invalid-flag-value`: a value the flag's type rejects (pflag: "invalid argument ... for
 * flag"), or a value outside the flag's enumeration (`-o wdie`, `--dry-run=clinet`).
 */
import type { Diagnostic } from '../../types.ts';
import { nearestNames } from '../nearest.ts';
import type { ParsedFlag } from '../parse.ts';
import { lineDiagnostic } from './diagnostic.ts';
import type { KubectlRule } from './rule.ts';

const ruleId = 'kubectl/invalid-flag-value';

/** `-o jsonpath='{...}'`: the format is the part before the first `=`. */
function enumeratedPart(flag: ParsedFlag): string {
  const value = flag.value ?? '';
  return flag.name === 'output' ? value.split('=')[0] : value;
}

export const invalidFlagValueRule: KubectlRule = ({ line, parsed }) => {
  const diagnostics: Diagnostic[] = [];
  for (const problem of parsed.problems) {
    if (problem.kind !== 'invalid-flag-value') continue;
    const flag = problem.flag;
    diagnostics.push(
      lineDiagnostic(line, ruleId, 'error', `Unexpected value \`${flag.value}\` for flag \`${flag.written}\`, ${problem.reason}`, flag.valueStart ?? flag.start, flag.valueEnd ?? flag.end),
    );
  }
  for (const flag of parsed.flags) {
    const allowed = flag.flag?.enum;
    if (!allowed || flag.value === undefined || flag.valueWord?.dynamic || flag.word.dynamic) continue;
    const part = enumeratedPart(flag);
    if (allowed.includes(part)) continue;
    const suggestions = nearestNames(part, allowed, 2);
    const expected = suggestions.length ? suggestions.map((s) => `\`${s}\``).join(' or ') : `one of ${allowed.map((s) => `\`${s}\``).join(', ')}`;
    const start = flag.valueStart ?? flag.start;
    const plain = flag.valueWord ? flag.valueWord.raw === flag.valueWord.value : flag.word.raw === flag.word.value;
    diagnostics.push(
      lineDiagnostic(line, ruleId, 'error', `Unexpected value \`${part}\` for flag \`${flag.written}\`, expected ${expected}`, start, plain ? start + part.length : flag.valueEnd ?? flag.end,
        suggestions.length && plain
          ? { safe: suggestions.length === 1, description: `Replace \`${part}\` with \`${suggestions[0]}\``, edits: [{ start, end: start + part.length, text: suggestions[0] }] }
          : undefined),
    );
  }
  return diagnostics;
};
