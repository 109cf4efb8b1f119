import { readLessonProgress, resetProgress, showProgress } from './progress.ts';

/**
 * The course home's client: progress per lesson, the "continue" link (first lesson with questions
 * not all answered correctly) and reset with confirmation.
 */
export function setUpCourseHome(root: Document): void {
  const items = [...root.querySelectorAll<HTMLElement>('.lc-lesson-list > li[data-lesson]')];
  const link = root.querySelector<HTMLAnchorElement>('[data-continue]');
  const initial = link ? { href: link.href, text: link.textContent ?? '' } : undefined;
  const update = () => {
    showProgress(root);
    if (!link || !initial) return;
    link.href = initial.href;
    link.textContent = initial.text;
    const progress = (item: HTMLElement) => readLessonProgress(item.dataset.lesson ?? '', Number(item.dataset.total ?? 0));
    if (!items.some((item) => progress(item).answered > 0)) return;
    // The first lesson with a question not yet answered correctly.
    const next = items.find((item) => progress(item).correct < progress(item).total);
    if (next) {
      link.href = next.dataset.href ?? link.href;
      link.textContent = (link.dataset.template ?? '{title}').replace('{title}', next.dataset.title ?? '');
    } else {
      link.textContent = link.dataset.done ?? link.textContent;
    }
  };
  update();

  const reset = root.querySelector<HTMLButtonElement>('[data-reset]');
  const confirm = root.querySelector<HTMLElement>('.lc-reset-confirm');
  const status = root.querySelector<HTMLElement>('.lc-reset-status');
  if (!reset || !confirm) return;
  const close = () => {
    confirm.hidden = true;
    reset.setAttribute('aria-expanded', 'false');
  };
  reset.addEventListener('click', () => {
    confirm.hidden = false;
    reset.setAttribute('aria-expanded', 'true');
    confirm.querySelector<HTMLButtonElement>('[data-reset-no]')?.focus();
  });
  confirm.querySelector('[data-reset-no]')?.addEventListener('click', () => {
    close();
    reset.focus();
  });
  confirm.querySelector('[data-reset-yes]')?.addEventListener('click', () => {
    resetProgress();
    close();
    update();
    if (status) status.textContent = reset.dataset.done ?? '';
    reset.focus();
  });
}
