/**
 * The kubectl grammar the synchronous functions that take an optional grammar use: registered by
 * bundled-grammar.ts when something imports it (the CLI, the site build, and in the browser the
 * command grader, which the quiz client loads only on the first check of a command question).
 */
import type { KubectlGrammar } from './grammar.ts';

let loaded: KubectlGrammar | undefined;

export function registerKubectlGrammar(grammar: KubectlGrammar): void {
  loaded = grammar;
}

/** The grammar registered so far; throws when nothing registered it (import bundled-grammar.ts first). */
export function currentKubectlGrammar(): KubectlGrammar {
  if (!loaded) throw new Error('kubectl grammar not loaded: import bundled-grammar.ts first');
  return loaded;
}
