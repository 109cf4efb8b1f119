import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { translate, type Locale } from '../plugins/remark-lessonc/lib/i18n.ts';
import { chromiumPath, launchChromium, serveStatic } from './browser.ts';
import { UsageError } from './args.ts';

export type HandoutKind = 'student' | 'answers';

export interface Handout {
  lesson: string;
  title: string;
  student: string;
  answers: string;
}

export interface HandoutSet {
  course: string;
  lessons: Handout[];
  /** The whole course in one PDF of each kind. */
  all: { student: string; answers: string };
}

export interface HandoutProgress {
  done: number;
  total: number;
  /** The lesson slug, or `course` for the whole-course PDFs. */
  lesson: string;
  kind: HandoutKind;
  file: string;
}

export interface HandoutOptions {
  onProgress?: (progress: HandoutProgress) => void;
}

/** The file name of the whole-course PDFs (`course.pdf`, `course-answers.pdf`). */
export const COURSE_FILE = 'course';

interface LessonPage {
  slug: string;
  url: string;
  title: string;
  locale: Locale;
  /** The page's `<main>` content and the page around it, for the whole-course document. */
  html: string;
}

/**
 * Prints every lesson page of a built site to two PDFs: the student copy (questions with room to
 * write, answers hidden) and the answer key (`<html data-answer-key>`: every answer shown), both
 * with the course and lesson title in the header and page numbers in the footer (Chromium's
 * header/footer templates). Then the whole course, one PDF of each kind: one document of every
 * lesson's content, each lesson on named pages whose margin boxes carry its title (a header template
 * is one per print, so it cannot change with the lesson). Pages are printed without JavaScript:
 * what is printed is the compiler's static HTML, laid out by handout.css.
 */
export async function makeHandouts(site: string, out: string, options: HandoutOptions = {}): Promise<HandoutSet> {
  const lessonsDirectory = path.join(site, 'lessons');
  if (!existsSync(lessonsDirectory)) throw new UsageError(`No built lessons in ${lessonsDirectory}: run \`npm run build\` first`);
  if (!existsSync(chromiumPath)) throw new UsageError(`Chromium not found at ${chromiumPath}: install it (apt-get install -y chromium) or set LESSONC_CHROMIUM`);
  const slugs = (await readdir(lessonsDirectory, { withFileTypes: true })).filter((entry) => entry.isDirectory() && existsSync(path.join(lessonsDirectory, entry.name, 'index.html'))).map((entry) => entry.name).sort();
  await mkdir(out, { recursive: true });
  const server = await serveStatic(site);
  const browser = await launchChromium();
  const total = slugs.length * 2 + 2;
  let done = 0;
  const report = (lesson: string, kind: HandoutKind, file: string) => options.onProgress?.({ done: ++done, total, lesson, kind, file });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const lessons: Handout[] = [];
    const pages: LessonPage[] = [];
    let course = '';
    for (const slug of slugs) {
      const url = `${server.url}/lessons/${slug}/`;
      await page.goto(url);
      const titles = await readTitles(page);
      course ||= titles.course;
      const lesson: LessonPage = { slug, url, title: titles.lesson || slug, locale: titles.locale, html: await page.content() };
      pages.push(lesson);
      const handout: Handout = { lesson: slug, title: lesson.title, student: path.join(out, `${slug}.pdf`), answers: path.join(out, `${slug}-answers.pdf`) };
      for (const kind of ['student', 'answers'] as const) {
        await showPage(page, url, kind === 'answers' ? answerKey(lesson.html) : lesson.html);
        await page.pdf({ ...pdfOptions(), path: handout[kind], displayHeaderFooter: true, headerTemplate: headerTemplate(course, lesson.title, translate(lesson.locale, kind === 'student' ? 'handout.student' : 'handout.answers')), footerTemplate: FOOTER });
        report(slug, kind, handout[kind]);
      }
      lessons.push(handout);
    }
    const all = { student: path.join(out, `${COURSE_FILE}.pdf`), answers: path.join(out, `${COURSE_FILE}-answers.pdf`) };
    if (pages.length > 0) {
      for (const kind of ['student', 'answers'] as const) {
        const document = courseDocument(pages, course, kind);
        await showPage(page, `${server.url}/lessonc-${COURSE_FILE}-${kind}.html`, kind === 'answers' ? answerKey(document) : document);
        await page.pdf({ ...pdfOptions(), path: all[kind], displayHeaderFooter: false });
        report(COURSE_FILE, kind, all[kind]);
      }
    }
    return { course, lessons, all };
  } finally {
    await browser.close();
    await server.close();
  }
}

function pdfOptions() {
  return { format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '16mm', left: '14mm', right: '14mm' } } as const;
}

/** Serves `html` at `url` (once) and opens it in print media. */
async function showPage(page: Page, url: string, html: string): Promise<void> {
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }), { times: 1 });
  await page.goto(url);
  await page.emulateMedia({ media: 'print' });
}

/** The hook handout.css reads: `<html data-answer-key>` prints every answer and marks the right choices. */
function answerKey(html: string): string {
  return html.replace(/<html\b/, '<html data-answer-key');
}

/** Course and lesson titles as the page gives them, whatever frame (Starlight or not) it is in. */
async function readTitles(page: Page): Promise<{ course: string; lesson: string; locale: Locale }> {
  return page.evaluate(() => {
    const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    const siteName = document.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? '';
    const parts = document.title.split(/\s+[·|]\s+/);
    const lesson = text(document.querySelector('main h1')) || text(document.querySelector('h1')) || parts[0] || '';
    const strings = document.querySelector('.lc-quiz-strings');
    const lang = strings?.getAttribute('lang') ?? document.querySelector('.lc-question[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
    return { course: siteName || (parts.length > 1 ? parts.at(-1)! : ''), lesson, locale: lang?.startsWith('en') ? ('en' as const) : ('ko' as const) };
  });
}

const FONT = "font-family: 'Noto Sans CJK KR', 'Noto Sans KR', sans-serif; font-size: 8.5pt; color: #444;";

/** Chromium's header template: its own document, styled inline; `title`/`pageNumber` classes are filled in. */
function headerTemplate(course: string, lesson: string, kind: string): string {
  return `<div style="${FONT} width: 100%; margin: 0 14mm; display: flex; justify-content: space-between; gap: 1em;"><span>${escapeHtml(course)}${course ? ' · ' : ''}${escapeHtml(lesson)}</span><span>${escapeHtml(kind)}</span></div>`;
}

const FOOTER = `<div style="${FONT} width: 100%; text-align: center;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

/**
 * One document of every lesson's `<main>` content, in the frame of the first lesson's page (so the
 * site's styles apply): each lesson on its own named pages whose top margin box carries the course
 * and lesson title, with page numbers over the whole course at the bottom.
 */
function courseDocument(lessons: LessonPage[], course: string, kind: HandoutKind): string {
  const first = lessons[0]!;
  const label = translate(first.locale, kind === 'student' ? 'handout.student' : 'handout.answers');
  const pageRules = lessons
    .map((lesson, index) => `@page lc-lesson-${index} { @top-left { content: ${cssString(`${course}${course ? ' · ' : ''}${lesson.title}`)}; ${MARGIN_BOX_STYLE} } @top-right { content: ${cssString(label)}; ${MARGIN_BOX_STYLE} } }`)
    .join('\n');
  const style = `<style>
@page { @bottom-center { content: counter(page) " / " counter(pages); ${MARGIN_BOX_STYLE} } }
${pageRules}
${lessons.map((_, index) => `.lc-handout-lesson-${index} { page: lc-lesson-${index}; }`).join('\n')}
</style>`;
  const sections = lessons.map((lesson, index) => `<section class="lc-handout-lesson lc-handout-lesson-${index}" data-lesson="${escapeHtml(lesson.slug)}">${mainContent(lesson.html)}</section>`).join('\n');
  // The site's Content-Security-Policy allows only the styles it built; this document adds its own
  // page rules, from lessonc itself (the lessons in it were sanitised when the site was built).
  const frame = first.html.replace(/<meta http-equiv="content-security-policy"[^>]*>/i, '').replace('</head>', `${style}</head>`);
  const main = /<main\b[^>]*>[\s\S]*<\/main>/.exec(frame);
  if (!main) return frame.replace(/<body\b([^>]*)>[\s\S]*<\/body>/, `<body$1>${sections}</body>`);
  const open = /^<main\b[^>]*>/.exec(main[0])![0];
  return frame.replace(main[0], `${open}${sections}</main>`);
}

const MARGIN_BOX_STYLE = "font-family: 'Noto Sans CJK KR', 'Noto Sans KR', sans-serif; font-size: 8.5pt; color: #444;";

/** What is inside the page's `<main>`: the lesson without the site's header and navigation. */
function mainContent(html: string): string {
  const match = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(html);
  return match ? match[1]! : (/<body\b[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html);
}

function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, ' ')}"`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
