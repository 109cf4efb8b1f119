/**
 * Field descriptions for manifests. The compiler puts each line's description on the snippet
 * (`data-fields`, 0-based line → "field: description"). Each described line of the corrected code
 * becomes focusable (keyboard, and a tap on touch screens) and is described by a visually hidden
 * text that screen readers announce; a tooltip shows the same text on focus or hover.
 */
export function addFieldDescriptions(root: Document): void {
  let counter = 0;
  for (const figure of root.querySelectorAll<HTMLElement>('.lc-snippet[data-fields]')) {
    let fields: Record<string, string>;
    try {
      fields = JSON.parse(figure.dataset.fields ?? '{}') as Record<string, string>;
    } catch {
      continue;
    }
    // The corrected code is the figure's own block; the original sits inside the errata.
    const code = [...figure.querySelectorAll<HTMLElement>('pre')].find((pre) => !pre.closest('.lc-original'));
    const lines = code ? code.querySelectorAll<HTMLElement>('.ec-line, .line') : [];
    const descriptions = root.createElement('div');
    descriptions.className = 'lc-field-descriptions';
    descriptions.hidden = true;
    for (const [index, description] of Object.entries(fields)) {
      const line = lines[Number(index)];
      if (!line) continue;
      const id = `lc-field-${++counter}`;
      const text = root.createElement('span');
      text.id = id;
      text.textContent = description;
      descriptions.append(text);
      line.tabIndex = 0;
      line.classList.add('lc-described');
      line.setAttribute('aria-describedby', id);
      line.dataset.description = description;
    }
    if (descriptions.childElementCount === 0) continue;
    // The visible tooltip: one line under the code, showing the focused or pointed-at field.
    const tip = root.createElement('p');
    tip.className = 'lc-field-tip';
    tip.setAttribute('aria-hidden', 'true');
    tip.hidden = true;
    const show = (event: Event) => {
      const line = (event.target as HTMLElement).closest<HTMLElement>('.lc-described');
      if (!line) return;
      tip.textContent = line.dataset.description ?? '';
      tip.hidden = false;
    };
    code?.addEventListener('focusin', show);
    code?.addEventListener('mouseover', show);
    code?.addEventListener('focusout', () => (tip.hidden = true));
    code?.addEventListener('mouseleave', () => {
      if (!code.contains(root.activeElement)) tip.hidden = true;
    });
    figure.append(descriptions, tip);
  }
}
