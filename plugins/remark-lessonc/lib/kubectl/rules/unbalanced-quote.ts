/**
 * `kubectl/unbalanced-quote`: a quote left open up to the end of the snippet. The shell stops with
 * "unexpected EOF while looking for matching `''" before kubectl runs. No fix: where the quoted
 * text was meant to end is not known. A quote closed on a later line is a multi-line string, not this.
 */
import type { Diagnostic } from '../../types.ts';
import { say } from '../../messages.ts';
import type { LogicalLine } from '../logical-lines.ts';
import { lineDiagnostic } from './diagnostic.ts';

const ruleId = 'kubectl/unbalanced-quote';

export function unbalancedQuoteDiagnostic(line: LogicalLine, at: number): Diagnostic {
  return lineDiagnostic(line, ruleId, 'error', say('rule.kubectl/unbalanced-quote.unclosed', { quote: line.text[at] }), at, at + 1);
}
