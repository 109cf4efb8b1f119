/**
 * A small search box over Pagefind's JS API. The index (`/pagefind/`) exists only after
 * `pagefind --site dist` has run, so it is loaded on first use and its absence is reported.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}

interface Pagefind {
  debouncedSearch(term: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const MAX_RESULTS = 8;

export function setUpSearch(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[type="search"]');
  const status = form.querySelector<HTMLElement>('.search-status');
  const list = form.querySelector<HTMLOListElement>('.search-results');
  if (!input || !status || !list) return;
  let pagefind: Promise<Pagefind | null> | undefined;

  form.addEventListener('submit', (event) => event.preventDefault());
  input.addEventListener('input', async () => {
    pagefind ??= loadPagefind();
    const engine = await pagefind;
    const term = input.value.trim();
    if (!engine) {
      status.textContent = status.dataset.unavailable ?? '';
      return;
    }
    const search = await engine.debouncedSearch(term);
    if (search === null) return; // Superseded by a newer keystroke.
    const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    list.replaceChildren(...results.map(resultItem));
    status.textContent = term && results.length === 0 ? (status.dataset.noResults ?? '') : '';
  });
}

async function loadPagefind(): Promise<Pagefind | null> {
  const url = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}pagefind/pagefind.js`;
  try {
    return (await import(/* @vite-ignore */ url)) as Pagefind;
  } catch {
    return null;
  }
}

function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  const excerpt = document.createElement('p');
  // Pagefind escapes the page text and adds only <mark> around matches.
  excerpt.innerHTML = data.excerpt;
  item.append(link, excerpt);
  return item;
}
