// @ts-check
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import remarkLessonc, { rehypeLessoncSanitize } from './plugins/remark-lessonc/index.ts';
import { readOutline, sidebarFromOutline } from './src/lib/course-outline.ts';
import { translate } from './plugins/remark-lessonc/lib/i18n.ts';
import rehypeSearchIgnore from './src/lib/rehype-search-ignore.ts';
import rehypeDropDuplicateTitle from './src/lib/rehype-drop-duplicate-title.ts';
import frameScriptHashes from './src/integrations/frame-script-hashes.ts';
import lessonProblems from './src/integrations/lesson-problems/index.ts';
import lessoncReport from './src/integrations/lessonc-report.ts';
import lessonPageCache from './src/integrations/lesson-page-cache.ts';
import { compilerBuildId } from './plugins/remark-lessonc/lib/build-id.ts';

// Tests build fixture sites side by side with the real one: each build gets its own lessons,
// output and content-layer cache (the data store would otherwise mix entries from both).
const lessonsDir = process.env.LESSONC_LESSONS_DIR ?? './lessons';
const outline = readOutline(fileURLToPath(new URL(lessonsDir, import.meta.url)));


/** The benchmark's baseline (`LESSONC_PLUGIN=off`): the same site and Markdown processor without lessonc. */
const withLessonc = process.env.LESSONC_PLUGIN !== 'off';

/** The frame's inline-script hashes for every page's policy: begun before Starlight's search index, awaited after it. */
const frameHashes = frameScriptHashes();

export default defineConfig({
  output: 'static',
  outDir: process.env.LESSONC_OUT_DIR ?? 'dist',
  ...(process.env.LESSONC_CACHE_DIR ? { cacheDir: process.env.LESSONC_CACHE_DIR } : {}),
  trailingSlash: 'always',
  // A rebuild renders again only the lesson pages whose lesson (or the course outline) changed; the
  // others are the previous build's (src/integrations/lesson-page-cache.ts gives Starlight's lesson
  // route the keys Astro compares).
  experimental: { incrementalBuild: true },
  // A Content-Security-Policy meta on every page: scripts only from the site itself or with the hash
  // Astro computed for its own inline scripts (never 'unsafe-inline'), WebAssembly for Pagefind's
  // search, no plugins, no <base> or form targets elsewhere. Style attributes stay allowed
  // (`style-src-attr`): Expressive Code colours tokens with them, and the sanitiser already removes
  // every `style` attribute a lesson writes.
  security: {
    csp: {
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: [{ resource: "'self'", kind: 'element' }, { resource: "'unsafe-inline'", kind: 'attribute' }] },
      directives: ["default-src 'self'", "img-src 'self' https: data:", "object-src 'none'", "base-uri 'self'", "form-action 'none'", "frame-src 'none'"],
    },
  },
  // Astro 7's default Markdown engine (Sätteri) runs no remark plugins, so lessons go through the
  // unified processor with the lesson compiler as a remark plugin; Starlight appends its own
  // plugins (heading anchors, asides, Expressive Code) after ours.
  markdown: {
    // Expressive Code (Starlight's) highlights code blocks; Astro's own Shiki pass is not used.
    syntaxHighlight: false,
    processor: unified({
      // The build id changes Astro's config digest whenever the compiler changes, so its content
      // cache never serves a page compiled by an older compiler. LESSONC_PLUGIN=off builds the same
      // site without the compiler (the benchmark's baseline: same Markdown processor, no lessonc).
      remarkPlugins: withLessonc ? [[remarkLessonc, { render: true, buildId: compilerBuildId() }]] : [],
      // The sanitiser first: everything a lesson contributes passes it before anything else sees it.
      rehypePlugins: [rehypeLessoncSanitize, rehypeSearchIgnore, rehypeDropDuplicateTitle],
    }),
  },
  vite: {
    resolve: {
      // Starlight's search modal, with Korean query normalisation (src/scripts/pagefind-ui.ts).
      alias: [{ find: /^@pagefind\/default-ui$/, replacement: fileURLToPath(new URL('./src/scripts/pagefind-ui.ts', import.meta.url)) }],
    },
  },
  integrations: [
    // Each lesson's problems, printed once at the end of `astro build` from the compile that rendered it.
    ...(withLessonc ? [lessoncReport({ lessonsDirectory: lessonsDir })] : []),
    lessonPageCache(),
    frameHashes.start,
    starlight({
      title: translate('ko', 'site.title'),
      description: translate('ko', 'site.description'),
      // One locale: English lessons get the English UI at their usual URL (src/lib/lesson-language.ts).
      defaultLocale: 'root',
      locales: { root: { label: '한국어', lang: 'ko' } },
      // English lessons' UI first (the bounded sidebar labels its parts in the page's language).
      routeMiddleware: ['./src/lib/lesson-language.ts', './src/lib/bounded-sidebar.ts'],
      sidebar: sidebarFromOutline(outline, translate('ko', 'site.otherLessons')),
      // Starlight's Markdown plugins only touch files under these directories.
      markdown: { processedDirs: [lessonsDir] },
      customCss: ['./src/styles/lessonc.css', './src/styles/print.css', './src/styles/handout.css'],
      components: {
        MarkdownContent: './src/components/LessonContent.astro',
      },
      expressiveCode: {
        // Notes paste tabs; a width of 4 keeps their columns close to what the author saw.
        tabWidth: 4,
      },
      // Our own 404 page (src/pages/404.astro) links back to the course.
      disable404Route: true,
      lastUpdated: false,
      pagination: true,
    }),
    frameHashes.finish,
    // `npm run dev`: a lesson's problems in Astro's dev toolbar.
    lessonProblems(),
  ],
});
