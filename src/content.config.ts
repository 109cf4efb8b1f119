import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { LessonFrontmatter } from '../plugins/remark-lessonc/lib/frontmatter.ts';

/**
 * The lessons directory is `lessons/` at the repo root; tests point `LESSONC_LESSONS_DIR` at a
 * fixture directory. The frontmatter schema is the compiler's own, so `lessonc check` and the site
 * accept exactly the same lessons (Astro uses the same zod 4 package).
 */
const lessons = defineCollection({
  loader: glob({ pattern: '**/*.md', base: process.env.LESSONC_LESSONS_DIR ?? './lessons' }),
  schema: LessonFrontmatter,
});

export const collections = { lessons };
