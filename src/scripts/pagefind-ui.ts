/**
 * Starlight's search modal builds `new PagefindUI(options)` from `@pagefind/default-ui`; the site
 * aliases that module here (astro.config.mjs) to add one option Starlight's config cannot carry, a
 * function: `processTerm`, which normalises Korean queries (particles, spacing) the way the index
 * was written. Everything else is Pagefind's own UI.
 */
// @ts-expect-error — @pagefind/default-ui ships no types.
import { PagefindUI as PagefindDefaultUI } from '../../node_modules/@pagefind/default-ui/npm_dist/mjs/ui-core.mjs';
import { normalizeKoreanQuery } from '../lib/korean-search.ts';

export class PagefindUI extends (PagefindDefaultUI as new (options: Record<string, unknown>) => object) {
  constructor(options: Record<string, unknown>) {
    super({ ...options, processTerm: normalizeKoreanQuery });
  }
}
