/**
 * The course outline, read from the lessons' frontmatter when the site is configured (before any
 * content collection exists): the sidebar groups and the lesson ids, and whether an English locale
 * is needed. Reading is cheap (frontmatter only); validating it is the content collection's job (the
 * compiler's schema), which reports a broken frontmatter with its line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface OutlineLesson {
  /** The content entry id, which is also the URL path: `lessons/01-pod`. */
  id: string;
  /** The file name without extension: `01-pod`. */
  slug: string;
  title: string;
  order: number | undefined;
  module: string | undefined;
  lang: 'ko' | 'en';
}

/** The entry id of a lesson, which Starlight also uses as its URL path. */
export function lessonEntryId(slug: string): string {
  return `lessons/${slug}`;
}

export function readOutline(lessonsDir: string): OutlineLesson[] {
  const lessons: OutlineLesson[] = [];
  for (const file of markdownFiles(lessonsDir)) {
    const slug = relative(lessonsDir, file).split(sep).join('/').replace(/\.md$/, '');
    const frontmatter = readFrontmatter(readFileSync(file, 'utf8'));
    const lang = frontmatter.lang === 'en' ? 'en' : 'ko';
    lessons.push({ id: lessonEntryId(slug), slug, title: frontmatter.title ?? slug, order: frontmatter.order, module: frontmatter.module, lang });
  }
  return sortLessons(lessons);
}

/** Reading order: `order` first (lessons without one last), then by slug. */
export function sortLessons<T extends { order?: number | undefined; slug: string }>(lessons: T[]): T[] {
  return [...lessons].sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.slug.localeCompare(b.slug));
}

function readFrontmatter(markdown: string): { title?: string; order?: number; module?: string; lang?: string } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?(\n|$)/.exec(markdown);
  if (!match) return {};
  let data: unknown;
  try {
    data = parseYaml(match[1]!, { maxAliasCount: 10 });
  } catch {
    // A broken frontmatter is `lessonc check`'s (and the content collection's) to report, with its line.
    return {};
  }
  if (typeof data !== 'object' || data === null) return {};
  const record = data as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);
  return {
    title: text(record.title),
    order: typeof record.order === 'number' ? record.order : undefined,
    module: text(record.module),
    lang: text(record.lang),
  };
}

function markdownFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...markdownFiles(path));
    else if (entry.name.endsWith('.md')) files.push(path);
  }
  return files.sort();
}

/** Starlight sidebar entries: lessons in order, grouped by `module` where lessons have one. */
export type SidebarEntry = { slug: string } | { label: string; items: { slug: string }[] };

export function sidebarFromOutline(lessons: OutlineLesson[], otherLabel: string): SidebarEntry[] {
  if (!lessons.some((lesson) => lesson.module)) return lessons.map((lesson) => ({ slug: lesson.id }));
  // Modules appear in the order of their first lesson; lessons without a module form their own group.
  const modules = new Map<string, OutlineLesson[]>();
  for (const lesson of lessons) {
    const name = lesson.module ?? otherLabel;
    const members = modules.get(name);
    if (members) members.push(lesson);
    else modules.set(name, [lesson]);
  }
  return [...modules].map(([label, members]) => ({ label, items: members.map((lesson) => ({ slug: lesson.id })) }));
}
