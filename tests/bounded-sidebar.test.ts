import { describe, expect, it, vi } from 'vitest';

// The module is a Starlight route middleware; its pure part needs no Astro runtime.
vi.mock('@astrojs/starlight/route-data', () => ({ defineRouteMiddleware: (handler: unknown) => handler }));
const { boundedSidebar, countLinks, FULL_SIDEBAR_LESSONS, PART_SIZE } = await import('../src/lib/bounded-sidebar.ts');

type Entry = Parameters<typeof boundedSidebar>[0][number];

const link = (n: number, current: number): Entry => ({ type: 'link', label: `L${n}`, href: `/lessons/${n}/`, isCurrent: n === current, badge: undefined, attrs: {} });
const group = (label: string, from: number, to: number, current: number): Entry => ({
  type: 'group',
  label,
  collapsed: false,
  badge: undefined,
  entries: Array.from({ length: to - from + 1 }, (_, i) => link(from + i, current)),
});

/** The sidebar as labels, nested groups as [label, children]. */
function shape(entries: Entry[]): unknown[] {
  return entries.map((entry) => (entry.type === 'link' ? `${entry.label}${entry.isCurrent ? '*' : ''} ${entry.href}` : [entry.label, shape(entry.entries)]));
}

describe('the bounded sidebar', () => {
  it('leaves a course of up to the limit whole, groups and all', () => {
    const sidebar = [group('A', 1, 30, 3), group('B', 31, FULL_SIDEBAR_LESSONS, 3)];
    expect(boundedSidebar(sidebar, 'ko')).toBe(sidebar);
  });

  it('shows the page’s own module in full and every other module as a link to its first lesson', () => {
    const sidebar = [group('A', 1, 40, 45), group('B', 41, 80, 45), group('C', 81, 120, 45)];
    expect(shape(boundedSidebar(sidebar, 'ko'))).toEqual(['A /lessons/1/', ['B', shape((group('B', 41, 80, 45) as { entries: Entry[] }).entries)], 'C /lessons/81/']);
  });

  it('splits a long module into parts and shows only the page’s part in full, with Korean or English labels', () => {
    const sidebar = [group('A', 1, 5, 130), group('B', 6, 205, 130)];
    const bounded = boundedSidebar(sidebar, 'en');
    const b = bounded[1] as Extract<Entry, { type: 'group' }>;
    expect(shape(b.entries).map((part) => (Array.isArray(part) ? part[0] : part))).toEqual([
      'Lessons 1–50 /lessons/6/',
      'Lessons 51–100 /lessons/56/',
      'Lessons 101–150',
      'Lessons 151–200 /lessons/156/',
    ]);
    // The part the page is in: its 50 lessons, the page marked current; nothing else in full.
    expect(countLinks(bounded)).toBe(1 + 3 + PART_SIZE);
    expect(shape(bounded).flat(Infinity)).toContain('L130* /lessons/130/');
    expect(countLinks(boundedSidebar(sidebar, 'ko'))).toBe(countLinks(bounded));
    expect(JSON.stringify(boundedSidebar(sidebar, 'ko'))).toContain('51–100번째 강의');
  });

  it('bounds a flat list the same way, and a page outside the lessons (the home page) gets only the parts', () => {
    const flat = (group('', 1, 1000, 0) as { entries: Entry[] }).entries;
    expect(countLinks(boundedSidebar(flat, 'ko'))).toBe(1000 / PART_SIZE);
    const onLesson = boundedSidebar(flat.map((entry) => ({ ...entry, isCurrent: entry.label === 'L777' })), 'ko');
    expect(countLinks(onLesson)).toBe(1000 / PART_SIZE - 1 + PART_SIZE);
  });

  it('leaves a long list of modules unsplit: parts number lessons, and each module is one link but the page’s', () => {
    const modules = Array.from({ length: 60 }, (_, i) => group(`M${i + 1}`, i + 1, i + 1, 7));
    const bounded = boundedSidebar(modules, 'en');
    expect(bounded).toHaveLength(60);
    expect(JSON.stringify(bounded)).not.toContain('Lessons');
    expect(shape(bounded)[6]).toEqual(['M7', ['L7* /lessons/7/']]);
    expect(shape(bounded)[0]).toBe('M1 /lessons/1/');
  });

  it('keeps every lesson reachable: each page links its part in full and the first lesson of every other part', () => {
    const sidebar = [group('A', 1, 120, 0), group('B', 121, 130, 0)];
    const reachable = new Set<string>();
    const hrefs = (entries: Entry[]): string[] => entries.flatMap((entry) => (entry.type === 'link' ? [entry.href] : hrefs(entry.entries)));
    // From the home page, follow links breadth-first through the bounded sidebars of the pages reached.
    const queue = hrefs(boundedSidebar(sidebar, 'ko'));
    while (queue.length > 0) {
      const href = queue.shift()!;
      if (reachable.has(href)) continue;
      reachable.add(href);
      const n = Number(/\d+/.exec(href)![0]);
      queue.push(...hrefs(boundedSidebar([group('A', 1, 120, n), group('B', 121, 130, n)], 'ko')));
    }
    expect(reachable.size).toBe(130);
  });
});
