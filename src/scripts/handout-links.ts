/**
 * The handout PDFs exist only where `npm run handouts` has printed them next to the built site; a
 * plain `npm run build` has none. The links are rendered hidden and shown once the PDF answers, so
 * a learner never meets a link to a missing file.
 */
export function showHandoutLinks(root: ParentNode): void {
  const bar = root.querySelector<HTMLElement>('.lc-handout-links[hidden]');
  const first = bar?.querySelector<HTMLAnchorElement>('a[href]');
  if (!bar || !first) return;
  fetch(first.href, { method: 'HEAD' })
    .then((response) => {
      if (response.ok && (response.headers.get('content-type') ?? '').includes('pdf')) bar.hidden = false;
    })
    .catch(() => {});
}
