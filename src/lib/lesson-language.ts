import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import i18next from 'i18next';
// Starlight's own English UI strings (its package exports no path to them, and ships no types).
// @ts-expect-error — a plain JavaScript module of `key: string` pairs.
import starlightEnglish from '../../node_modules/@astrojs/starlight/dist/translations/en.js';

/**
 * A lesson written in English (`lang: en`) is shown with Starlight's English UI, at its usual URL
 * `/lessons/<slug>/`. The site has one Starlight locale (Korean, the root): a second locale would
 * give every Korean page an English fallback copy under `/en/` (twice the pages to build and index)
 * and move English lessons to `/en/lessons/`. Instead this route middleware sets the page's language
 * and swaps Starlight's translation function for an English one.
 */
const english = i18next.createInstance();
await english.init({ resources: { en: { starlight: starlightEnglish as Record<string, string> } }, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });

type StarlightT = App.Locals['t'];

function englishTranslator(original: StarlightT): StarlightT {
  const fixed = english.getFixedT('en', 'starlight') as unknown as (key: string, options?: Record<string, unknown>) => string;
  const t = ((key: string, options?: Record<string, unknown>) => (english.exists(key, { ns: 'starlight' }) ? fixed(key, options) : original(key as never, options as never))) as unknown as StarlightT;
  Object.assign(t, {
    all: () => ({ ...original.all(), ...english.getResourceBundle('en', 'starlight') }),
    exists: (key: string) => english.exists(key, { ns: 'starlight' }) || original.exists(key as never),
    dir: () => 'ltr',
  });
  return t;
}

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  if ((route.entry.data as { lang?: string }).lang !== 'en') return;
  route.lang = 'en';
  route.dir = 'ltr';
  context.locals.t = englishTranslator(context.locals.t);
  // The table of contents was built (with its "Overview" entry for the page top) before this ran.
  const top = route.toc?.items[0];
  if (top?.slug === '_top') top.text = context.locals.t('tableOfContents.overview');
});
