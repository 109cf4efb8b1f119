import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.ts';

/**
 * The quiz client's budget (issue 7): what a lesson page loads up front for the quiz is at most 8 KB
 * gzipped and holds no schema library, no kubectl grammar, no YAML parser and no Kubernetes schema;
 * those come with the command and manifest graders, imported on the first check. Bundled here the way
 * the site bundles it (Vite, minified), independent of the page frame around it.
 */
describe('quiz client budget', () => {
  it('loads at most 8 KB gzipped up front, and the graders lazily', async () => {
    const result = (await build({
      configFile: false,
      logLevel: 'silent',
      root: repoRoot,
      build: { write: false, minify: true, modulePreload: false, rollupOptions: { input: { quiz: 'src/scripts/quiz.ts' }, preserveEntrySignatures: 'exports-only' } },
    })) as Rollup.RollupOutput | Rollup.RollupOutput[];
    const chunks = (Array.isArray(result) ? result[0]! : result).output.filter((item): item is Rollup.OutputChunk => item.type === 'chunk');
    const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
    const upFront = new Set<Rollup.OutputChunk>();
    const visit = (chunk: Rollup.OutputChunk) => {
      if (upFront.has(chunk)) return;
      upFront.add(chunk);
      for (const name of chunk.imports) visit(byName.get(name)!);
    };
    visit(chunks.find((chunk) => chunk.isEntry)!);
    const code = [...upFront].map((chunk) => chunk.code).join('\n');
    const gzipped = [...upFront].reduce((sum, chunk) => sum + gzipSync(chunk.code).length, 0);
    console.log(`quiz client up front: ${gzipped} bytes gzipped in ${upFront.size} chunk(s)`);
    expect(gzipped).toBeLessThanOrEqual(8 * 1024);
    for (const marker of ['ZodError', 'globalFlags', 'io.k8s.api.core.v1.PodSpec', 'YAMLParseError']) expect(code, marker).not.toContain(marker);
    const lazy = chunks.filter((chunk) => !upFront.has(chunk)).map((chunk) => chunk.code).join('\n');
    for (const marker of ['globalFlags', 'io.k8s.api.core.v1.PodSpec']) expect(lazy, marker).toContain(marker);
  }, 60_000);
});
