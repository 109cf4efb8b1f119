import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { chromiumPath, launchChromium, serveStatic } from './browser.ts';
import { UsageError } from './args.ts';

export interface Handout {
  lesson: string;
  student: string;
  answers: string;
}

/**
 * Prints every lesson page of a built site to two PDFs: the student copy (questions, answers hidden)
 * and the answer key (`<html data-answer-key>`: every answer shown). Pages are printed without
 * JavaScript, so what is printed is the compiler's static HTML — the same the print CSS targets.
 */
export async function makeHandouts(site: string, out: string): Promise<Handout[]> {
  const lessonsDirectory = path.join(site, 'lessons');
  if (!existsSync(lessonsDirectory)) throw new UsageError(`No built lessons in ${lessonsDirectory}: run \`npm run build\` first`);
  if (!existsSync(chromiumPath)) throw new UsageError(`Chromium not found at ${chromiumPath}: install it (apt-get install -y chromium) or set LESSONC_CHROMIUM`);
  const slugs = (await readdir(lessonsDirectory, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  await mkdir(out, { recursive: true });
  const server = await serveStatic(site);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const handouts: Handout[] = [];
    for (const slug of slugs) {
      const url = `${server.url}/lessons/${slug}/`;
      const handout = { lesson: slug, student: path.join(out, `${slug}.pdf`), answers: path.join(out, `${slug}-answers.pdf`) };
      await page.goto(url);
      await printPdf(page, handout.student);
      // The answer key is the same page with the hook the print CSS reads.
      await page.route(url, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: (await response.text()).replace(/<html\b/, '<html data-answer-key') });
      });
      await page.goto(url);
      await printPdf(page, handout.answers);
      await page.unroute(url);
      handouts.push(handout);
    }
    return handouts;
  } finally {
    await browser.close();
    await server.close();
  }
}

async function printPdf(page: import('playwright-core').Page, file: string): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: file, format: 'A4', printBackground: true, margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' } });
}
