import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Lets Astro's incremental build (`experimental.incrementalBuild`) reuse lesson pages. Astro skips
 * a page only when its `getStaticPaths()` entry carries a `cacheKey`, and Starlight's lesson route
 * gives none, so every build rendered all of them again: in a rebuild of 1000 lessons after one
 * changed, that was about 4 of 12 seconds, for 999 pages that came out the same.
 *
 * This loads Starlight's route with one change: its paths get the keys of
 * src/lib/lesson-page-cache-key.ts. Starlight's own paths, page and rendering stay as they are. If a
 * Starlight release words the route differently, the build says so and renders every page, as before.
 */
const STARLIGHT_ROUTE = /[\\/]@astrojs[\\/]starlight[\\/]dist[\\/]routes[\\/]static[\\/]index\.astro$/;
const IMPORT = "import { paths } from '../../utils/routing';";
const RETURN = 'return paths;';
const KEYS = fileURLToPath(new URL('../lib/lesson-page-cache-key.ts', import.meta.url));

/** Starlight's route source with cache keys, or undefined when it is not the source this expects. */
export function keyedRouteSource(source: string): string | undefined {
  if (source.split(IMPORT).length !== 2 || source.split(RETURN).length !== 2) return undefined;
  return source
    .replace(IMPORT, `import { paths, routes, getRouteBySlugParam } from '../../utils/routing';\nimport { withCacheKeys } from ${JSON.stringify(KEYS)};`)
    .replace(RETURN, 'return withCacheKeys(paths, routes, getRouteBySlugParam);');
}

export default function lessonPageCache(): AstroIntegration {
  return {
    name: 'lessonc:lesson-page-cache',
    hooks: {
      'astro:config:setup': ({ updateConfig, logger }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'lessonc:lesson-page-cache-keys',
                enforce: 'pre',
                load(id: string) {
                  if (!STARLIGHT_ROUTE.test(id)) return null;
                  const source = readFileSync(id, 'utf8');
                  const keyed = keyedRouteSource(source);
                  if (keyed === undefined) {
                    logger.warn(`Starlight's lesson route (${id}) is not the one this build knows: every lesson page is rendered again in each build.`);
                    return source;
                  }
                  return keyed;
                },
              },
            ],
          },
        });
      },
    },
  };
}
