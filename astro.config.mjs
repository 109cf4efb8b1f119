// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkLessonc, { rehypeLessoncSanitize } from './plugins/remark-lessonc/index.ts';

// Astro 7's default Markdown engine (Sätteri) runs no remark plugins, so lessons go through the
// unified processor with the lesson compiler as a remark plugin.
// Tests build fixture sites side by side with the real one: each build gets its own output and
// content-layer cache (the data store would otherwise mix entries from both lesson directories).
export default defineConfig({
  output: 'static',
  outDir: process.env.LESSONC_OUT_DIR ?? 'dist',
  ...(process.env.LESSONC_CACHE_DIR ? { cacheDir: process.env.LESSONC_CACHE_DIR } : {}),
  trailingSlash: 'always',
  markdown: {
    processor: unified({ remarkPlugins: [[remarkLessonc, { render: true }]], rehypePlugins: [rehypeLessoncSanitize] }),
    shikiConfig: { theme: 'github-light', wrap: false },
  },
});
