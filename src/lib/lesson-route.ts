import { translate, type Locale } from '../../plugins/remark-lessonc/lib/i18n.ts';

/** A lesson page's entry id is `lessons/<slug>`. */
export function lessonSlug(entryId: string): string | undefined {
  return /^lessons\/(.+)$/.exec(entryId)?.[1];
}

/** The language of lessonc's own UI strings on a page: Starlight's page language, Korean otherwise. */
export function pageLocale(lang: string | undefined): Locale {
  return lang?.startsWith('en') ? 'en' : 'ko';
}

export function translator(locale: Locale) {
  return (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate(locale, key, values);
}

/** Counts the compiler's question placeholders (`class="lc-question ..."`) in rendered HTML. */
export function countQuestions(html: string): number {
  return html.match(/class="lc-question[\s"]/g)?.length ?? 0;
}

/** Where `npm run handouts` writes a lesson's PDFs (next to the site, under `handouts/`). */
export function handoutHrefs(base: string, slug: string): { student: string; answers: string } {
  const root = `${base.replace(/\/?$/, '/')}handouts/`;
  return { student: `${root}${slug}.pdf`, answers: `${root}${slug}-answers.pdf` };
}
