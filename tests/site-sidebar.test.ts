import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './fixtures/site/harness.ts';
import { builtPage, elements } from './helpers/built-pages.ts';

/**
 * A production build of a course over the sidebar limit (src/lib/bounded-sidebar.ts): 3 lessons in
 * module A, 57 in module B. Each page's sidebar is the bounded one, the previous/next links still
 * go through every lesson.
 */
const MODULE_A = 3;
const MODULE_B = 57;
let workDir = '';
let outDir = '';

const slug = (n: number) => `l${String(n).padStart(3, '0')}`;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'lessonc-sidebar-'));
  const lessons = join(workDir, 'lessons');
  await mkdir(lessons);
  for (let n = 1; n <= MODULE_A + MODULE_B; n++) {
    const module = n <= MODULE_A ? 'Module A' : 'Module B';
    await writeFile(join(lessons, `${slug(n)}.md`), `---\ntitle: Lesson ${n}\norder: ${n}\nmodule: ${module}\nlang: en\n---\n\nLesson ${n} of the course.\n`);
  }
  outDir = join(workDir, 'dist');
  await buildSite(lessons, outDir, join(workDir, 'cache'));
}, 300_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const page = (path: string) => builtPage(outDir, path);

/** The sidebar's links as `text → href`, the current page marked with `*`. */
function sidebarLinks(tree: Root): string[] {
  const sidebar = elements(tree, (element) => element.properties.id === 'starlight__sidebar')[0]!;
  return elements(sidebar, (element) => element.tagName === 'a').map((a) => `${toString(a).trim()}${a.properties.ariaCurrent === 'page' ? '*' : ''} → ${String(a.properties.href)}`);
}

describe('the sidebar of a course over 50 lessons', () => {
  it('shows the page’s module in parts, its own part in full, and one link for every other module and part', async () => {
    const links = sidebarLinks(await page(`lessons/${slug(60)}`));
    expect(links[0]).toBe(`Module A → /lessons/${slug(1)}/`);
    // Module B's lessons 51–57 (the 54th to 60th of the course) are the page's part; 1–50 is a link.
    expect(links[1]).toBe(`Lessons 1–50 → /lessons/${slug(MODULE_A + 1)}/`);
    expect(links.slice(2)).toEqual(Array.from({ length: 7 }, (_, i) => `Lesson ${54 + i}${54 + i === 60 ? '*' : ''} → /lessons/${slug(54 + i)}/`));
  });

  it('shows a small module in full on its own pages, the long one as its parts', async () => {
    const links = sidebarLinks(await page(`lessons/${slug(2)}`));
    expect(links).toEqual([`Lesson 1 → /lessons/${slug(1)}/`, `Lesson 2* → /lessons/${slug(2)}/`, `Lesson 3 → /lessons/${slug(3)}/`, `Module B → /lessons/${slug(4)}/`]);
  });

  it('keeps previous and next through every lesson, across the parts', async () => {
    const tree = await page(`lessons/${slug(53)}`);
    const pagination = elements(tree, (element) => element.tagName === 'a' && (element.properties.rel as string[] | undefined)?.some((rel) => rel === 'prev' || rel === 'next') === true);
    expect(pagination.map((a) => String(a.properties.href))).toEqual([`/lessons/${slug(52)}/`, `/lessons/${slug(54)}/`]);
  });
});
