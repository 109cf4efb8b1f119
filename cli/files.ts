import { randomBytes } from 'node:crypto';
import { readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
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

/** Writes through a temporary file in the same directory and a rename: never a half-written lesson. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = (await stat(file).catch(() => null))?.mode ?? 0o644;
  try {
    await writeFile(temporary, content, { flag: 'wx', mode });
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
