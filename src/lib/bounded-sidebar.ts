import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { translate, type Locale } from '../../plugins/remark-lessonc/lib/i18n.ts';
import { pageLocale } from './lesson-route.ts';

/**
 * A large course's sidebar, bounded. Starlight renders the whole sidebar into every page, so a
 * course of n lessons writes n² links: at 1000 lessons each page carried 1000 of them (a page of
 * 242 KB, 70 KB bounded), and rendering, writing, indexing and hashing those bytes made most of a
 * rebuild. A list that long is no use to a learner either. Up to {@link FULL_SIDEBAR_LESSONS} lessons the
 * sidebar stays whole; above that, each page shows its own module's lessons and one link (to the
 * first lesson) for every other module, and a module longer than {@link PART_SIZE} lessons is
 * shown in parts of that size, again only the page's own part in full.
 *
 * This runs per page, after Starlight built the route data: the previous/next links were already
 * taken from the whole sidebar, so they still run through every lesson.
 */
export const FULL_SIDEBAR_LESSONS = 50;
export const PART_SIZE = 50;

type SidebarEntry = StarlightRouteData['sidebar'][number];
type SidebarLink = Extract<SidebarEntry, { type: 'link' }>;
type SidebarGroup = Extract<SidebarEntry, { type: 'group' }>;

export function countLinks(entries: readonly SidebarEntry[]): number {
  let count = 0;
  for (const entry of entries) count += entry.type === 'link' ? 1 : countLinks(entry.entries);
  return count;
}

function holdsCurrent(entry: SidebarEntry): boolean {
  return entry.type === 'link' ? entry.isCurrent : entry.entries.some(holdsCurrent);
}

function firstLink(entries: readonly SidebarEntry[]): SidebarLink | undefined {
  for (const entry of entries) {
    const link = entry.type === 'link' ? entry : firstLink(entry.entries);
    if (link) return link;
  }
  return undefined;
}

/** A group the page is not in, as one link to its first lesson under the group's label. */
function asLink(group: SidebarGroup): SidebarEntry {
  const first = firstLink(group.entries);
  if (!first) return group;
  return { type: 'link', label: group.label, href: first.href, isCurrent: false, badge: group.badge, attrs: {} };
}

/** Links in parts of `PART_SIZE`, each a group labelled with the lesson numbers it holds. */
function inParts(entries: readonly SidebarEntry[], partLabel: (from: number, to: number) => string): SidebarEntry[] {
  const parts: SidebarEntry[] = [];
  for (let start = 0; start < entries.length; start += PART_SIZE) {
    const members = entries.slice(start, start + PART_SIZE);
    parts.push({ type: 'group', label: partLabel(start + 1, start + members.length), entries: members, collapsed: false, badge: undefined });
  }
  return parts;
}

function bound(entries: readonly SidebarEntry[], partLabel: (from: number, to: number) => string): SidebarEntry[] {
  // Parts number lessons: a long list of modules stays a list (each one link but the page's).
  const list = entries.length > PART_SIZE && entries.every((entry) => entry.type === 'link') ? inParts(entries, partLabel) : entries;
  return list.map((entry) => {
    if (entry.type === 'link') return entry;
    if (!holdsCurrent(entry)) return asLink(entry);
    return { ...entry, entries: bound(entry.entries, partLabel) };
  });
}

/** The sidebar one page shows: whole for a small course, bounded as described above for a large one. */
export function boundedSidebar(entries: SidebarEntry[], locale: Locale): SidebarEntry[] {
  if (countLinks(entries) <= FULL_SIDEBAR_LESSONS) return entries;
  return bound(entries, (from, to) => translate(locale, 'site.sidebarPart', { from, to }));
}

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  route.sidebar = boundedSidebar(route.sidebar, pageLocale(route.lang));
});
