/**
 * Learner progress, kept in this browser only: per lesson, the ids of the questions answered
 * correctly at least once. Elements `.lc-progress[data-lesson][data-total]` show it as "N/M".
 */
const storageKey = (lesson: string) => `lessonc:progress:${lesson}`;

export function solvedQuestions(lesson: string): Set<string> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey(lesson)) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    // Storage disabled (private mode, file://) or a corrupted value: start over rather than fail.
    return new Set();
  }
}

export function markSolved(lesson: string, questionId: string): void {
  const solved = solvedQuestions(lesson);
  if (solved.has(questionId)) return;
  solved.add(questionId);
  try {
    localStorage.setItem(storageKey(lesson), JSON.stringify([...solved]));
  } catch {
    // Progress is a convenience; the quiz keeps working without it.
  }
}

export function showProgress(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>('.lc-progress[data-lesson]')) {
    const total = Number(element.dataset.total ?? 0);
    const correct = Math.min(solvedQuestions(element.dataset.lesson ?? '').size, total);
    const template = element.dataset.template ?? '{correct}/{total}';
    element.textContent = template.replace('{correct}', String(correct)).replace('{total}', String(total));
    element.classList.toggle('lc-progress-done', total > 0 && correct === total);
  }
}

/** Forgets a lesson's progress (the course home's reset). */
export function clearProgress(lesson: string): void {
  try {
    localStorage.removeItem(storageKey(lesson));
  } catch {
    // Nothing stored, nothing to clear.
  }
}
