/**
 * Lazy access to the kubectl grammar. The JSON is ~100 KB, so the browser fetches it only when a page
 * needs command checking or comparison: `await loadKubectlGrammar()` once, then the synchronous
 * functions that take an optional grammar use the loaded one.
 */
import type { KubectlGrammar } from './grammar.ts';

let loaded: KubectlGrammar | undefined;

export function registerKubectlGrammar(grammar: KubectlGrammar): void {
  loaded = grammar;
}

export async function loadKubectlGrammar(): Promise<KubectlGrammar> {
  if (!loaded) {
    const module = (await import('../../data/kubectl-grammar-1.32.json', { with: { type: 'json' } })) as { default: unknown };
    loaded = module.default as KubectlGrammar;
  }
  return loaded;
}

/** The grammar if something loaded it already, for callers that can do without it. */
export function loadedKubectlGrammar(): KubectlGrammar | undefined {
  return loaded;
}

/** The grammar loaded so far; throws when nothing loaded it yet (call `loadKubectlGrammar()` first). */
export function currentKubectlGrammar(): KubectlGrammar {
  if (!loaded) throw new Error('kubectl grammar not loaded: await loadKubectlGrammar() first');
  return loaded;
}
