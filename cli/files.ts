import { randomBytes } from 'node:crypto';
import { chmod, lstat, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './args.ts';

/** Expands files and directories (recursively) to the Markdown lessons they hold, sorted. */
export async function lessonFiles(paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const target of paths) {
    const info = await stat(target).catch(() => null);
    if (!info) throw new UsageError(`No such file or directory: ${target}`);
    if (info.isDirectory()) found.push(...(await markdownUnder(target)));
    else found.push(target);
  }
  return [...new Set(found)];
}

async function markdownUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.md$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Writes through a temporary file in the same directory and a rename: never a half-written lesson.
 * The file keeps its permission bits (set with chmod, so the umask does not narrow them). With
 * `expected`, the file is read again right before the rename and left alone when it no longer
 * holds that text (an editor saved it meanwhile): the result is then `false` and nothing changed.
 */
export async function writeFileAtomic(file: string, content: string, options: { expected?: string } = {}): Promise<boolean> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = ((await stat(file).catch(() => null))?.mode ?? 0o644) & 0o7777;
  try {
    await writeFile(temporary, content, { flag: 'wx', mode });
    await chmod(temporary, mode);
    if (options.expected !== undefined) {
      const info = await lstat(file).catch(() => null);
      const now = info?.isFile() ? await readFile(file, 'utf8') : null;
      if (now !== options.expected) {
        await unlink(temporary);
        return false;
      }
    }
    await rename(temporary, file);
    return true;
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
