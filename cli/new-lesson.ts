import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { translate, type Locale } from '../plugins/remark-lessonc/lib/i18n.ts';
import { UsageError } from './args.ts';
import { lessonFiles } from './files.ts';

/** The `order` of a lesson file's frontmatter, if it has a readable one. */
async function orderOf(file: string): Promise<number | undefined> {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(await readFile(file, 'utf8'))?.[1];
  if (frontmatter === undefined) return undefined;
  try {
    const order = (parseYaml(frontmatter) as { order?: unknown } | null)?.order;
    return typeof order === 'number' ? order : undefined;
  } catch {
    return undefined;
  }
}

/** `02-pod-networking.md` from the order and the title's ASCII words (`02-lesson.md` for a title without any). */
export function lessonFileName(order: number, title: string): string {
  const slug = title.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `${String(order).padStart(2, '0')}-${slug || 'lesson'}.md`;
}

/** A lesson that `lessonc check` accepts as it is: frontmatter, an introduction, a practice section, a Q&A. */
export function lessonSkeleton(title: string, order: number, locale: Locale): string {
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  return [
    '---',
    `title: ${JSON.stringify(title)}`,
    `order: ${order}`,
    'kubernetes: "1.32"',
    ...(locale === 'ko' ? [] : [`lang: ${locale}`]),
    '---',
    '',
    t('new.intro'),
    '',
    `## ${t('new.practice')}`,
    '',
    t('new.practiceText'),
    '',
    '```shell',
    'kubectl apply -f pod.yaml',
    'kubectl get pods',
    '```',
    '',
    '```yaml title="pod.yaml"',
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: example',
    'spec:',
    '  containers:',
    '  - name: web',
    '    image: nginx:1.27',
    '```',
    '',
    '## Question & Answer',
    '',
    `1. ${t('new.question')}`,
    '',
    '```shell',
    'kubectl get pods',
    '```',
    '',
  ].join('\n');
}

/** Writes a new lesson into `directory` with the order after the existing lessons'; never overwrites. */
export async function newLesson(title: string, directory: string, locale: Locale): Promise<string> {
  if (title.trim() === '') throw new UsageError('`new` needs a title');
  const existing = await lessonFiles([directory]).catch(() => []);
  const orders = (await Promise.all(existing.map(orderOf))).filter((order): order is number => order !== undefined);
  const order = orders.length > 0 ? Math.max(...orders) + 1 : 1;
  const file = path.join(directory, lessonFileName(order, title));
  await writeFile(file, lessonSkeleton(title.trim(), order, locale), { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EEXIST' ? new UsageError(`${file} exists already`) : error;
  });
  return file;
}
