import * as z from 'zod';

/** Kubernetes versions whose schema and kubectl grammar lessonc ships. */
export const SUPPORTED_KUBERNETES_VERSIONS = ['1.32'] as const;

/** Lesson frontmatter. Unknown keys are rejected so a typo (`tilte`) is reported, not ignored. */
export const LessonFrontmatter = z
  .object({
    title: z.string().min(1),
    description: z.string().optional(),
    order: z.number().int().nonnegative().optional(),
    /** Selects the API schema and kubectl grammar the lesson is checked against. */
    kubernetes: z
      .union([z.string(), z.number()])
      .transform(String)
      .pipe(z.enum(SUPPORTED_KUBERNETES_VERSIONS, { message: `Unsupported Kubernetes version, expected one of ${SUPPORTED_KUBERNETES_VERSIONS.join(', ')}` }))
      .default('1.32'),
    tags: z.array(z.string()).default([]),
    /** The notes file the lesson was imported from. */
    source: z.string().optional(),
    /** Language of the lesson and of the UI strings around it. */
    lang: z.enum(['ko', 'en']).default('ko'),
    /** Sidebar group the lesson belongs to (lessons of one module are listed together). */
    module: z.string().min(1).optional(),
    /**
     * The lesson is an author's original notes, kept as written: problems a fix resolves are corrected
     * on the site and reported as warnings; problems no fix resolves stay errors.
     */
    original: z.boolean().default(false),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof LessonFrontmatter>;
