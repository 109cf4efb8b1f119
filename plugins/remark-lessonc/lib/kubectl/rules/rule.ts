/** What every kubectl rule receives: one parsed invocation on one logical line of a snippet. */
import type { Diagnostic } from '../../types.ts';
import type { KubectlGrammar } from '../grammar.ts';
import type { LogicalLine } from '../logical-lines.ts';
import type { ParsedInvocation } from '../parse.ts';
import type { KubectlInvocation } from '../tokenize.ts';

export interface KubectlRuleInput {
  grammar: KubectlGrammar;
  line: LogicalLine;
  invocation: KubectlInvocation;
  parsed: ParsedInvocation;
}

export type KubectlRule = (input: KubectlRuleInput) => Diagnostic[];
