import { clearProgress, showProgress, solvedQuestions } from './progress.ts';

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
    const started = items.some((item) => solvedQuestions(item.dataset.lesson ?? '').size > 0);
    if (!started) return;
    const next = items.find((item) => solvedQuestions(item.dataset.lesson ?? '').size < Number(item.dataset.total ?? 0));
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
    for (const item of items) clearProgress(item.dataset.lesson ?? '');
    close();
    update();
    if (status) status.textContent = reset.dataset.done ?? '';
    reset.focus();
  });
}
