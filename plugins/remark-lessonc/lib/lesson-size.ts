/**
 * The largest lesson lessonc reads. A lesson over the limit is refused before it is parsed, with an
 * error that names the limit and how to raise it (`--max-lesson-size` for the CLI, `maxLessonSize`
 * for the remark plugin), so an accidental or hostile 100 MB file never ties up a build.
 */
import type { LessonMessage } from './analyze.ts';
import { say } from './messages.ts';
import { ruleUrl } from './rule-docs.ts';

/** 8 MiB: a hundred times the largest real lesson, still checked in bounded time. */
export const DEFAULT_MAX_LESSON_SIZE = 8 * 1024 * 1024;

/** The error for a lesson of `bytes` bytes, or null when it is within `limit`. */
export function lessonSizeProblem(bytes: number, limit: number = DEFAULT_MAX_LESSON_SIZE): LessonMessage | null {
  if (bytes <= limit) return null;
  const start = { line: 1, column: 1, offset: 0 };
  return { ruleId: 'lesson/too-large', severity: 'error', ...say('rule.lesson/too-large.refused', { size: bytes, limit }), url: ruleUrl('lesson/too-large'), intentional: false, snippetIndex: null, start, end: start };
}

/** UTF-8 length of a string without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** `8388608`, `512KB`, `8MB` (1024-based) as bytes; null when it is not a size. */
export function parseSize(value: string): number | null {
  const match = /^(\d+)\s*(k|kb|kib|m|mb|mib)?$/i.exec(value.trim());
  if (!match) return null;
  const unit = match[2]?.[0]?.toLowerCase();
  return Number(match[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 * 1024 : 1);
}
