import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
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
 * The page with `hashes` added to its policy's `script-src` (the page itself when it has no policy).
 * It works on the file's bytes: the policy is in the head, and decoding and encoding every page
 * whole (100 MB for a course of 1000 lessons) was most of this step's time.
 */
export function addScriptHashes(html: Buffer, hashes: string[]): Buffer {
  for (let meta = html.indexOf(CSP_META); meta !== -1; meta = html.indexOf(CSP_META, meta + 1)) {
    const content = meta + CSP_META.length;
    const end = html.indexOf(QUOTE, content);
    const directive = html.indexOf(SCRIPT_SRC, content);
    if (directive === -1 || end === -1 || directive > end) continue;
    const at = directive + SCRIPT_SRC.length;
    return Buffer.concat([html.subarray(0, at), Buffer.from(`${hashes.join(' ')} `), html.subarray(at)]);
  }
  return html;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => join(entry.parentPath, entry.name));
}

export default function frameScriptHashes(): AstroIntegration {
  return {
    name: 'lessonc:frame-script-hashes',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const frame = new Set<string>();
        for (const page of FRAME_PAGES) {
          const html = await readFile(join(root, page), 'utf8').catch(() => '');
          for (const hash of inlineScriptHashes(html)) frame.add(hash);
        }
        if (frame.size === 0) return;
        const files = await htmlFiles(root);
        const hashes = [...frame];
        await Promise.all(
          files.map(async (file) => {
            const page = await readFile(file);
            const updated = addScriptHashes(page, hashes);
            if (updated !== page) await writeFile(file, updated);
          }),
        );
        logger.info(`added ${frame.size} frame script hashes to the Content-Security-Policy of ${files.length} pages`);
      },
    },
  };
}
