/**
 * Checks every kubectl command line of a shell snippet against the kubectl 1.32 grammar.
 * Comment lines, blank lines, here-document bodies and commands other than kubectl produce nothing.
 */
import type { Diagnostic } from '../types.ts';
import { bundledKubectlGrammar } from './bundled-grammar.ts';
import type { KubectlGrammar } from './grammar.ts';
import { joinLogicalLines, splitCommandLines, type CommandLine } from './logical-lines.ts';
import { parseKubectlArgs } from './parse.ts';
import { mayHoldKubectlTypo } from './program-typo.ts';
import { unclosedQuoteAt } from './quotes.ts';
import { kubectlRules } from './rules/index.ts';
import { unbalancedQuoteDiagnostic } from './rules/unbalanced-quote.ts';
import { findKubectlInvocations, tokenizeShellLine } from './tokenize.ts';

export function checkShellSnippet(text: string, grammar: KubectlGrammar = bundledKubectlGrammar): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let heredocTerminators: string[] = [];
  const lines: CommandLine[] = splitCommandLines(text);
  for (let index = 0; index < lines.length; index++) {
    let line: CommandLine = lines[index];
    if (heredocTerminators.length) {
      // Inside a here-document: its lines are data, up to the terminator line.
      const trimmed = line.text.replace(/^\t+/, '');
      if (trimmed === heredocTerminators[0]) heredocTerminators = heredocTerminators.slice(1);
      continue;
    }
    const trimmed = line.text.trimStart();
    if (line.output || trimmed === '' || trimmed.startsWith('#')) continue;
    // `# kubectl is the CLI`: a comment, unless what follows `#` reads as a kubectl command.
    if (line.prompt?.strength === 'root' && !readsAsCommand(line.text, grammar)) continue;
    if (!/\bk(ubectl)?\b/.test(line.text) && !mayHoldKubectlTypo(line.text)) continue;
    const open = unclosedQuoteAt(line.text);
    // Only a quote in kubectl's arguments: `kubectl's output` in a prose line is not a command.
    if (open >= 0 && findKubectlInvocations(line.text).some((invocation) => open >= invocation.program.end && open < invocation.end)) {
      // As the shell does: a quoted string runs on over the next lines until it is closed.
      const closedAt = lines.slice(index + 1).findIndex((_, n) => unclosedQuoteAt(lines.slice(index, index + n + 2).map((l) => l.text).join('\n')) < 0);
      if (closedAt >= 0) {
        for (let n = 0; n <= closedAt; n++) line = { ...line, ...joinLogicalLines(line, lines[index + 1 + n]) };
        index += closedAt + 1;
      } else diagnostics.push(unbalancedQuoteDiagnostic(line, open));
    }
    heredocTerminators = tokenizeShellLine(line.text).heredocTerminators;
    for (const invocation of findKubectlInvocations(line.text)) {
      const parsed = parseKubectlArgs(grammar, invocation.args);
      for (const rule of kubectlRules) diagnostics.push(...rule({ grammar, line, invocation, parsed }));
    }
  }
  return diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Whether a line that may be prose (`# kubectl is ...`, a paragraph line starting with `kubectl`)
 * reads as a kubectl command: its first word after `kubectl` is a command kubectl has (or a flag).
 */
export function readsAsCommand(line: string, grammar: KubectlGrammar = bundledKubectlGrammar): boolean {
  const invocation = findKubectlInvocations(line)[0];
  if (!invocation || invocation.misspelt || invocation.program.start > line.search(/\S/)) return false;
  const first = invocation.args[0];
  if (!first || first.value.startsWith('-') || first.dynamic) return first !== undefined;
  return !parseKubectlArgs(grammar, invocation.args).problems.some((problem) => problem.kind === 'unknown-command' && problem.parentPath.length === 0);
}
