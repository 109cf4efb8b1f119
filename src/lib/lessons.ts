import { getCollection, type CollectionEntry } from 'astro:content';
import type { LessonFrontmatter } from '../../plugins/remark-lessonc/lib/frontmatter.ts';

export interface Lesson {
  slug: string;
  frontmatter: LessonFrontmatter;
  entry: CollectionEntry<'lessons'>;
  /** Quiz questions in the compiled lesson: the denominator of the learner's progress. */
  questionCount: number;
}

/** The course in reading order: `order` first (lessons without one last), then by slug. */
export async function loadLessons(): Promise<Lesson[]> {
  const entries: CollectionEntry<'lessons'>[] = await getCollection('lessons');
  return entries
    .map((entry) => ({ slug: entry.id, frontmatter: entry.data as LessonFrontmatter, entry, questionCount: countQuestions(entry.rendered?.html ?? '') }))
    .sort((a, b) => (a.frontmatter.order ?? Infinity) - (b.frontmatter.order ?? Infinity) || a.slug.localeCompare(b.slug));
}

/** Counts the compiler's question placeholders (`class="lc-question ..."`) in rendered HTML. */
export function countQuestions(html: string): number {
  return html.match(/class="lc-question[\s"]/g)?.length ?? 0;
}

export function lessonHref(slug: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}lessons/${slug}/`;
}
