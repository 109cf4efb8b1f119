/**
 * Learner progress, kept in this browser only (localStorage), per lesson and per question.
 *
 * Storage format — key `lessonc:progress:<lesson slug>`, value JSON:
 *
 *     {"v":2,"total":12,"questions":{"q1":{"answered":true,"right":true,"selfMarked":false,"response":{"text":"kubectl get po"}}}}
 *
 * - `total`: the lesson's number of questions, written by the lesson page (so the course home can show
 *   "3/12" without the lesson's data);
 * - per question id (`q1`, `q2`, … in document order): `answered` (checked at least once), `right`
 *   (the latest verdict, or the learner's own mark), `selfMarked` (`right` is the learner's mark of a
 *   text answer), `response` (the last answer, restored into the form).
 * Version 1 (an array of the ids answered correctly) is still read.
 *
 * For the course home: `readLessonProgress(slug)` → `{correct, answered, total}`, `resetProgress()`.
 * Elements `.lc-progress[data-lesson][data-total]` are filled in by `showProgress` ("3/12", or
 * `data-template` with `{correct}` and `{total}`).
 */
import type { Response } from '../../plugins/remark-lessonc/lib/quiz/schema.ts';

export interface QuestionProgress {
  answered: boolean;
  right: boolean;
  selfMarked: boolean;
  response?: Response;
}

interface StoredLesson {
  v: 2;
  total?: number;
  questions: Record<string, QuestionProgress>;
}

const PREFIX = 'lessonc:progress:';
const storageKey = (lesson: string) => `${PREFIX}${lesson}`;

function readStored(lesson: string): StoredLesson {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey(lesson)) ?? 'null');
    if (Array.isArray(stored)) {
      const questions: Record<string, QuestionProgress> = {};
      for (const id of stored) if (typeof id === 'string') questions[id] = { answered: true, right: true, selfMarked: false };
      return { v: 2, questions };
    }
    if (stored && typeof stored === 'object' && (stored as StoredLesson).v === 2 && typeof (stored as StoredLesson).questions === 'object') return stored as StoredLesson;
  } catch {
    // Storage disabled (private mode, file://) or a corrupted value: start over rather than fail.
  }
  return { v: 2, questions: {} };
}

function write(lesson: string, stored: StoredLesson): void {
  try {
    localStorage.setItem(storageKey(lesson), JSON.stringify(stored));
  } catch {
    // Progress is a convenience; the quiz keeps working without it.
  }
}

/** Every question's state in a lesson, by question id. */
export function readQuestionProgress(lesson: string): Record<string, QuestionProgress> {
  return readStored(lesson).questions;
}

export function recordQuestion(lesson: string, questionId: string, progress: QuestionProgress): void {
  const stored = readStored(lesson);
  stored.questions[questionId] = progress;
  write(lesson, stored);
}

/** The lesson page says how many questions it has, for pages that show progress without the lesson. */
export function recordLessonTotal(lesson: string, total: number): void {
  const stored = readStored(lesson);
  if (stored.total === total) return;
  stored.total = total;
  write(lesson, stored);
}

/** Questions answered right / answered / total (`total` from the page when given, else as stored). */
export function readLessonProgress(lesson: string, total?: number): { correct: number; answered: number; total: number } {
  const stored = readStored(lesson);
  const states = Object.values(stored.questions);
  const all = total ?? stored.total ?? states.length;
  return { correct: Math.min(states.filter((state) => state.right).length, all), answered: Math.min(states.filter((state) => state.answered).length, all), total: all };
}

/** Forgets one lesson's progress, or every lesson's. */
export function resetProgress(lesson?: string): void {
  try {
    if (lesson !== undefined) return localStorage.removeItem(storageKey(lesson));
    for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

export function showProgress(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>('.lc-progress[data-lesson]')) {
    const { correct, total } = readLessonProgress(element.dataset.lesson ?? '', element.dataset.total ? Number(element.dataset.total) : undefined);
    const template = element.dataset.template ?? '{correct}/{total}';
    element.textContent = template.replace('{correct}', String(correct)).replace('{total}', String(total));
    element.classList.toggle('lc-progress-done', total > 0 && correct === total);
  }
}

