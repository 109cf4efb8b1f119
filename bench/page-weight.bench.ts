/**
 * What a lesson page costs a learner before they touch anything: the gzipped bytes of the HTML, CSS
 * and JavaScript it loads up front (from the built `dist/`, in Chromium), the quiz client's share of
 * the JavaScript, and every request made before any interaction — which must include neither the
 * kubectl grammar nor the YAML parser or Kubernetes schema (those load on the first check).
 *
 *   node bench/page-weight.bench.ts [--site dist] [--page /lessons/01-pod/]
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, serveStatic } from '../cli/browser.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1]! : fallback;
};
const site = option('site', 'dist');
const pagePath = option('page', '/lessons/01-pod/');

const server = await serveStatic(site);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const requests: { url: string; type: string }[] = [];
page.on('request', (request) => requests.push({ url: new URL(request.url()).pathname, type: request.resourceType() }));
await page.goto(`${server.url}${pagePath}`);
await page.waitForLoadState('networkidle');
// Starlight loads the search UI when the browser is idle; give it the chance, as a learner's browser would.
await page.waitForTimeout(1000);
await browser.close();
await server.close();

const fileOf = (url: string) => join(site, url.endsWith('/') ? `${url}index.html` : url);
const gzipped = async (url: string) => gzipSync(await readFile(fileOf(url)).catch(() => Buffer.alloc(0)), { level: 9 }).length;

// The quiz client: the lesson page's own script (src/components/LessonContent.astro) and the chunks it imports.
const scripts = requests.filter((request) => request.type === 'script').map((request) => request.url);
const quizClient = new Set<string>();
const queue = scripts.filter((url) => /LessonContent/.test(url));
while (queue.length > 0) {
  const url = queue.pop()!;
  if (quizClient.has(url)) continue;
  quizClient.add(url);
  const code = await readFile(fileOf(url), 'utf8').catch(() => '');
  for (const match of code.matchAll(/(?:import|from)\s*["'](\.\/[^"']+\.js)["']/g)) queue.push(new URL(match[1]!, `http://x${url}`).pathname);
}

const totals: Record<string, number> = { document: 0, stylesheet: 0, script: 0 };
for (const request of requests) if (request.type in totals) totals[request.type]! += await gzipped(request.url);
let quizBytes = 0;
for (const url of quizClient) if (scripts.includes(url)) quizBytes += await gzipped(url);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`\n## Page weight: ${pagePath} (gzipped, loaded before any interaction)`);
console.log(`HTML ${kb(totals.document!)} · CSS ${kb(totals.stylesheet!)} · JS ${kb(totals.script!)} · total ${kb(totals.document! + totals.stylesheet! + totals.script!)}`);
console.log(`quiz client: ${kb(quizBytes)} (${((quizBytes / Math.max(totals.script!, 1)) * 100).toFixed(0)}% of the JavaScript; budget 8 KB) — ${[...quizClient].join(', ')}`);
console.log(`requests before interaction (${requests.length}):`);
for (const request of requests) console.log(`  ${request.type.padEnd(10)} ${request.url}`);
const lazy = requests.filter((request) => /kubectl-grammar|k8s-schema|yaml/i.test(request.url));
console.log(lazy.length === 0 ? 'no kubectl grammar, Kubernetes schema or YAML parser before the first check ✓' : `LOADED UP FRONT: ${lazy.map((request) => request.url).join(', ')}`);
