/**
 * Checks every kubectl command line of a shell snippet against the kubectl 1.32 grammar.
 * Comment lines, blank lines, here-document bodies and commands other than kubectl produce nothing.
 */
import type { Diagnostic } from '../types.ts';
import { bundledKubectlGrammar } from './bundled-grammar.ts';
import type { KubectlGrammar } from './grammar.ts';
import { splitLogicalLines } from './logical-lines.ts';
import { parseKubectlArgs } from './parse.ts';
import { kubectlRules } from './rules/index.ts';
import { findKubectlInvocations, tokenizeShellLine } from './tokenize.ts';

export function checkShellSnippet(text: string, grammar: KubectlGrammar = bundledKubectlGrammar): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let heredocTerminators: string[] = [];
  for (const line of splitLogicalLines(text)) {
    if (heredocTerminators.length) {
      // Inside a here-document: its lines are data, up to the terminator line.
      const trimmed = line.text.replace(/^\t+/, '');
      if (trimmed === heredocTerminators[0]) heredocTerminators = heredocTerminators.slice(1);
      continue;
    }
    const trimmed = line.text.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (!/\bk(ubectl)?\b/.test(line.text)) continue;
    heredocTerminators = tokenizeShellLine(line.text).heredocTerminators;
    for (const invocation of findKubectlInvocations(line.text)) {
      const parsed = parseKubectlArgs(grammar, invocation.args);
      for (const rule of kubectlRules) diagnostics.push(...rule({ grammar, line, invocation, parsed }));
    }
  }
  return diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
}
