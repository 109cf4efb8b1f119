/** Public API of the kubectl checker. */
export { checkShellSnippet } from './check.ts';
export { normalizeCommand, compareCommands, type NormalizedCommand } from './normalize.ts';
export { parseKubectlArgs, type ParsedInvocation, type ParsedFlag, type ParseProblem } from './parse.ts';
export { tokenizeShellLine, findKubectlInvocations, type ShellWord, type KubectlInvocation } from './tokenize.ts';
export { splitLogicalLines, type LogicalLine } from './logical-lines.ts';
export { registerKubectlGrammar, currentKubectlGrammar } from './load-grammar.ts';
export { bundledKubectlGrammar } from './bundled-grammar.ts';
export type { KubectlGrammar, KubectlCommand, KubectlFlag, KubectlResource } from './grammar.ts';
