/**
 * Hover text for manifests: the compiler puts each line's field description on the snippet
 * (`data-fields`, 0-based line → "field: description"); here it becomes the `title` of the line
 * Shiki rendered, so pointing at `periodSeconds` says what it does.
 */
export function addFieldHovers(root: Document): void {
  for (const figure of root.querySelectorAll<HTMLElement>('.lc-snippet[data-fields]')) {
    let fields: Record<string, string>;
    try {
      fields = JSON.parse(figure.dataset.fields ?? '{}') as Record<string, string>;
    } catch {
      continue;
    }
    // The corrected code is the figure's own <pre>; the original sits inside the errata.
    const lines = figure.querySelectorAll<HTMLElement>(':scope > pre .line');
    for (const [index, description] of Object.entries(fields)) {
      const line = lines[Number(index)];
      if (line) line.title = description;
    }
  }
}
