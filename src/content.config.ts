import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { LessonFrontmatter } from '../plugins/remark-lessonc/lib/frontmatter.ts';
import { lessonEntryId } from './lib/course-outline.ts';

/**
 * Starlight's `docs` collection, loaded from `lessons/` at the repo root (tests point
 * `LESSONC_LESSONS_DIR` at a fixture directory). An entry's id is its URL: `lessons/<slug>`.
 * An English lesson gets the English UI from src/lib/lesson-language.ts.
 *
 * The schema is Starlight's extended by the compiler's lesson frontmatter. The compiler's schema
 * runs first on the raw frontmatter and its issues are the collection's, so the site accepts exactly
 * what `lessonc check` accepts (an unknown key such as `tilte` fails both).
 */
const lessonExtension = LessonFrontmatter.omit({ title: true, description: true });

const docs = defineCollection({
  loader: glob({
    pattern: '**/[^_]*.md',
    base: process.env.LESSONC_LESSONS_DIR ?? './lessons',
    generateId: ({ entry }) => lessonEntryId(entry.replace(/\.md$/, '')),
  }),
  schema: (context) =>
    z.preprocess((input, ctx) => {
      const result = LessonFrontmatter.safeParse(input);
      if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path as PropertyKey[] });
      return input;
    }, docsSchema({ extend: lessonExtension })(context)),
});

export const collections = { docs };
