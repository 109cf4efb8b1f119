import { createHash } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Astro's `security.csp` hashes the scripts it bundles, but not `is:inline` scripts, and Starlight's
 * frame has several (the theme provider, the search shortcut, the sidebar's scroll restore). Without
 * their hashes the browser blocks them. This adds the hashes of the frame's inline scripts — taken
 * from pages that hold no lesson content (the course home and the 404 page) — to every page's
 * policy. An inline script that is not the frame's (none can come from a lesson: the sanitiser
 * removes them) stays blocked.
 *
 * It is two integrations: `start`, placed before Starlight, begins the rewrite as soon as the pages
 * are written; `finish`, placed after, waits for it. In between Starlight's Pagefind indexes the same
 * pages in its own process, and the rewrite's reading and writing run meanwhile (a second of a
 * rebuild of 1000 lessons had gone to it after the index). Each page is replaced whole (a new file
 * renamed over it), so the index never reads half a page; it does not read the policy.
 */
const FRAME_PAGES = ['index.html', '404.html'];
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g;
const CSP_META = Buffer.from('<meta http-equiv="content-security-policy" content="');
const SCRIPT_SRC = Buffer.from('script-src ');
const QUOTE = '"'.charCodeAt(0);

export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    // Module scripts are Astro's own bundles, already hashed; JSON data is not executed.
    if (/type="(?:module|application\/(?:ld\+)?json)"/.test(match[1] ?? '')) continue;
    hashes.push(`'sha256-${createHash('sha256').update(match[2] ?? '').digest('base64')}'`);
  }
  return hashes;
}

/**
 * The page with `hashes` added to its policy's `script-src`, as the parts to write: one part (the
 * page itself) when the policy already holds them all, as a page Astro's incremental build left in
 * place from the last build would (today it copies reused pages back from its cache, which holds
 * them as rendered, before this step); undefined when the page has no policy. It works on the
 * file's bytes: the policy is in the head, and decoding and encoding every page whole (100 MB for a
 * course of 1000 lessons) was most of this step's time.
 */
export function withScriptHashes(html: Buffer, hashes: string[]): Buffer[] | undefined {
  for (let meta = html.indexOf(CSP_META); meta !== -1; meta = html.indexOf(CSP_META, meta + 1)) {
    const content = meta + CSP_META.length;
    const end = html.indexOf(QUOTE, content);
    const directive = html.indexOf(SCRIPT_SRC, content);
    if (directive === -1 || end === -1 || directive > end) continue;
    const at = directive + SCRIPT_SRC.length;
    const policy = html.subarray(at, end).toString('latin1');
    const missing = hashes.filter((hash) => !policy.includes(hash));
    if (missing.length === 0) return [html];
    return [html.subarray(0, at), Buffer.from(`${missing.join(' ')} `), html.subarray(at)];
  }
  return undefined;
}

/** Adds the frame's hashes to one page; false when the page has no policy to add them to. */
async function addToPage(file: string, hashes: string[]): Promise<boolean> {
  const parts = withScriptHashes(await readFile(file), hashes);
  if (parts === undefined) return false;
  if (parts.length === 1) return true;
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writev(parts);
  } finally {
    await handle.close();
  }
  await rename(temporary, file).catch(async (error: unknown) => {
    await rm(temporary, { force: true });
    throw error;
  });
  return true;
}

export interface FrameScriptHashes {
  /** Before Starlight: finds the frame's hashes and begins adding them to every page. */
  start: AstroIntegration;
  /** After Starlight: waits for every page. */
  finish: AstroIntegration;
}

export default function frameScriptHashes(): FrameScriptHashes {
  let running: Promise<string> | undefined;
  return {
    start: {
      name: 'lessonc:frame-script-hashes',
      hooks: {
        'astro:build:done': async ({ dir, assets }) => {
          const root = fileURLToPath(dir);
          const frame = new Set<string>();
          for (const page of FRAME_PAGES) {
            const html = await readFile(join(root, page), 'utf8').catch(() => '');
            for (const hash of inlineScriptHashes(html)) frame.add(hash);
          }
          if (frame.size === 0) return;
          // The pages Astro wrote, from its own list (a walk of the output also met Pagefind's thousands of files).
          const files = [...new Set([...assets.values()].flat().map((url) => fileURLToPath(url)).filter((file) => file.endsWith('.html')))];
          const hashes = [...frame];
          running = Promise.all(files.map((file) => addToPage(file, hashes))).then(
            (added) => `added ${frame.size} frame script hashes to the Content-Security-Policy of ${added.filter(Boolean).length} pages`,
          );
          // Said in `finish`; until then a failure must not count as unhandled.
          running.catch(() => {});
        },
      },
    },
    finish: {
      name: 'lessonc:frame-script-hashes-done',
      hooks: {
        'astro:build:done': async ({ logger }) => {
          if (running) logger.info(await running);
        },
      },
    },
  };
}
