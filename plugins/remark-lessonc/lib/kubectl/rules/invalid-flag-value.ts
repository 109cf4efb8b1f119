/**
 * `kubectl/invalid-flag-value`: a value the flag's type rejects (pflag: "invalid argument ... for
 * flag"), or a value outside the flag's enumeration (`-o wdie`, `--dry-run=clinet`).
 */
import type { MessageKey } from '../../i18n.ts';
import type { Diagnostic } from '../../types.ts';
import { codeList, say, sayFix } from '../../messages.ts';
import { nearestNames } from '../nearest.ts';
import type { InvalidValueReason } from '../parse.ts';
import { enumeratedPart, isAllowedValue } from '../enumerated-values.ts';
import { lineEndOfValueRange, lineOffsetOfValueIndex } from '../word-offsets.ts';
import { lineDiagnostic } from './diagnostic.ts';
import type { KubectlRule } from './rule.ts';

const ruleId = 'kubectl/invalid-flag-value';

const reasonMessages: Record<InvalidValueReason, MessageKey> = {
  bool: 'rule.kubectl/invalid-flag-value.bool',
  int: 'rule.kubectl/invalid-flag-value.int',
  uint: 'rule.kubectl/invalid-flag-value.uint',
  int32: 'rule.kubectl/invalid-flag-value.int32',
  float: 'rule.kubectl/invalid-flag-value.float',
  durationUnit: 'rule.kubectl/invalid-flag-value.durationUnit',
  duration: 'rule.kubectl/invalid-flag-value.duration',
  csv: 'rule.kubectl/invalid-flag-value.csv',
  keyValue: 'rule.kubectl/invalid-flag-value.keyValue',
  keyValuePairs: 'rule.kubectl/invalid-flag-value.keyValuePairs',
};

export const invalidFlagValueRule: KubectlRule = ({ line, parsed }) => {
  const diagnostics: Diagnostic[] = [];
  for (const problem of parsed.problems) {
    if (problem.kind !== 'invalid-flag-value') continue;
    const flag = problem.flag;
    const text = say(reasonMessages[problem.reason], { value: flag.value ?? '', flag: flag.written, ...(problem.detail ? { detail: problem.detail } : {}) });
    diagnostics.push(lineDiagnostic(line, ruleId, 'error', text, flag.valueStart ?? flag.start, flag.valueEnd ?? flag.end));
  }
  for (const flag of parsed.flags) {
    const allowed = flag.flag?.enum;
    if (!allowed || flag.value === undefined || flag.valueWord?.dynamic || flag.word.dynamic || isAllowedValue(flag)) continue;
    const part = enumeratedPart(flag);
    const suggestions = nearestNames(part, allowed, 2);
    // The enumerated part (`wdie` of `-o "wdie"`, `jsonpth` of `-o=jsonpth={...}`), quotes left out.
    const holder = flag.valueWord ?? flag.word;
    const base = flag.valueWord ? 0 : holder.value.length - (flag.value?.length ?? 0);
    const start = lineOffsetOfValueIndex(holder, base);
    const end = part.length ? lineEndOfValueRange(holder, base + part.length) : start;
    // Replaceable where the part is written as it reads (no escapes or quotes inside it).
    const plain = line.text.slice(start, end) === part;
    const text = suggestions.length
      ? say(suggestions.length > 1 ? 'rule.kubectl/invalid-flag-value.enumNearestMany' : 'rule.kubectl/invalid-flag-value.enumNearest', { value: part, flag: flag.written, expected: codeList(suggestions, ', ') })
      : say('rule.kubectl/invalid-flag-value.enumOneOf', { value: part, flag: flag.written, expected: codeList(allowed, ', ') });
    diagnostics.push(
      lineDiagnostic(line, ruleId, 'error', text, start, end,
        suggestions.length && plain
          ? { safe: suggestions.length === 1, ...sayFix('fix.replace', { found: part, expected: suggestions[0] }), edits: [{ start, end, text: suggestions[0] }] }
          : undefined),
    );
  }
  return diagnostics;
};
