/**
 * The generated grammar bundled statically, for node (CLI, tests) and for callers that need it
 * synchronously. Browser code that wants it lazily imports this module dynamically.
 */
import grammarJson from '../../data/kubectl-grammar-1.32.json' with { type: 'json' };
import type { KubectlGrammar } from './grammar.ts';
import { registerKubectlGrammar } from './load-grammar.ts';

export const bundledKubectlGrammar: KubectlGrammar = grammarJson as unknown as KubectlGrammar;
registerKubectlGrammar(bundledKubectlGrammar);
