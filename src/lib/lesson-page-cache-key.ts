import { createHash } from 'node:crypto';

/**
 * The key Astro's incremental build (`experimental.incrementalBuild`) compares to reuse a lesson
 * page from the previous build instead of rendering it again. Astro itself checks the page's code
 * (its module graph) and the config (which holds the compiler's build id), so the key covers the
 * page's data: the lesson's own file (the content digest, which is all its rendered HTML and
 * frontmatter come from) and every lesson's id and frontmatter, which the sidebar, the
 * previous/next links and the page's language are made of. A body changed in one lesson renders
 * that page again; a title changed anywhere renders every page.
 */
interface LessonRoute {
  id: string;
  entry: { id: string; digest?: string | number; data: unknown };
}

interface StaticPath {
  params: { slug?: string | undefined };
}

/** The course's share of every key: each lesson's id and frontmatter, in Starlight's order. */
export function courseKey(routes: readonly LessonRoute[]): string {
  const hash = createHash('sha256');
  for (const route of routes) hash.update(JSON.stringify([route.id, route.entry.id, route.entry.data])).update('\n');
  return hash.digest('base64url');
}

/** Starlight's static paths, each with a cache key when its lesson has a content digest. */
export function withCacheKeys<P extends StaticPath>(paths: readonly P[], routes: readonly LessonRoute[], routeOf: (slug: string | undefined) => LessonRoute | undefined): (P & { cacheKey?: string })[] {
  const course = courseKey(routes);
  return paths.map((path) => {
    const digest = routeOf(path.params.slug)?.entry.digest;
    // Without a digest nothing says the lesson is unchanged: the page is rendered every build.
    return digest === undefined ? path : { ...path, cacheKey: `${course}:${digest}` };
  });
}
