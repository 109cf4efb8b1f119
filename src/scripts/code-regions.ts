/**
 * Expressive Code makes a code block that scrolls sideways a focusable `region` (so the keyboard can
 * scroll it) but gives it no name, and a lesson shows many: each is named after its snippet here
 * ("예제 3", "예제 3 원본"), so screen readers can tell them apart. The name is set only while the
 * block is a region: on a plain `pre` a label is not allowed.
 */
export function nameCodeRegions(root: Document, label: (index: number, original: boolean) => string): void {
  const name = (pre: HTMLElement) => {
    if (pre.getAttribute('role') !== 'region') return pre.removeAttribute('aria-label');
    const figure = pre.closest<HTMLElement>('.lc-snippet');
    const index = Number(figure?.dataset.snippet ?? 0) + 1;
    pre.setAttribute('aria-label', label(index, pre.closest('.lc-original') !== null));
  };
  const blocks = [...root.querySelectorAll<HTMLElement>('.lc-snippet pre')];
  const observer = new MutationObserver((records) => records.forEach((record) => name(record.target as HTMLElement)));
  for (const pre of blocks) {
    name(pre);
    observer.observe(pre, { attributes: true, attributeFilter: ['role'] });
  }
}
