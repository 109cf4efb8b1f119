/**
 * k8s/image-name: an image given without registry or namespace (`busybox-container`) resolves to
 * docker.io/library/<name>, which only exists for Docker Official Images. Accepted by the API server,
 * so a warning, naming the nearest official image. The fix (never safe) is offered only when the
 * intended name is unambiguous: a typo within edit distance 2 (`ngnix`), or an official name with a
 * `-word` suffix (`busybox-container`); `redis123` is named but not rewritten.
 */
import { isScalar, type Scalar } from 'yaml';
import type { WalkContext, Visit } from '../ast.ts';
import { fieldNode, nodeRange } from '../ast.ts';
import { formatFieldPath, ruleUrl } from '../diagnostic.ts';
import { say, sayFix } from '../../messages.ts';
import { containsPlaceholder } from '../../placeholder.ts';
import { shortTypeName } from '../schema.ts';
import type { K8sRule } from './rule.ts';
import { editDistanceWithin } from '../../edit-distance.ts';

const RULE = 'k8s/image-name';

let officialImages: Set<string> | undefined;

/** For the browser, which imports the list instead of reading it from disk. */
export function registerDockerOfficialImages(names: readonly string[]): void {
  officialImages = new Set(names);
}

export function dockerOfficialImages(): Set<string> {
  // From disk in Node only (the browser registers the list): not imported, as in k8s/schema.ts.
  officialImages ??= new Set((JSON.parse(process.getBuiltinModule('node:fs').readFileSync(new URL('../../../data/docker-official-images.json', import.meta.url), 'utf8')) as { names: string[] }).names);
  return officialImages;
}

/** Placeholders in documentation (`...`, `<image>`, `${IMAGE}`, `{{ .Values.image }}`). */
function isPlaceholder(image: string): boolean {
  return containsPlaceholder(image) || /[<>{}$]/.test(image) || image.trim() === '';
}

interface Suggestion {
  name: string;
  fixable: boolean;
}

function nearestOfficial(name: string): Suggestion | undefined {
  const official = dockerOfficialImages();
  // An official name, then `-`, `_` or `.` and a word: `busybox-container`. The longest such name wins.
  let suffixed: string | undefined;
  for (const candidate of official) {
    if (name.startsWith(candidate) && /^[-_.][a-z]/.test(name.slice(candidate.length, candidate.length + 2)) && candidate.length > (suffixed?.length ?? 0)) suffixed = candidate;
  }
  if (suffixed) return { name: suffixed, fixable: true };
  // A typo: the first official name at the smallest distance, if that is at most 2.
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of official) {
    const distance = editDistanceWithin(name, candidate, 2);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best && name.length >= 4) return { name: best, fixable: true };
  const prefixed = [...official].filter((o) => name.startsWith(o)).sort((a, b) => b.length - a.length);
  if (prefixed.length) return { name: prefixed[0], fixable: false };
  return undefined;
}

export function checkImageName(visit: Visit, ctx: WalkContext): void {
  const found = fieldNode(visit, 'image', ctx);
  if (!found || !isScalar(found.node) || typeof (found.node as Scalar).value !== 'string') return;
  const image = (found.node as Scalar).value as string;
  if (isPlaceholder(image) || image.includes('/')) return;
  const name = image.split('@')[0].split(':')[0];
  if (dockerOfficialImages().has(name)) return;
  const [start, end] = nodeRange(found.node!);
  const suggestion = nearestOfficial(name);
  const nameStart = start + Math.max(0, ctx.text.slice(start, end).indexOf(name));
  ctx.findings.push({
    ruleId: RULE,
    severity: 'warning',
    ...(suggestion ? say('rule.k8s/image-name.nearest', { image: name, expected: suggestion.name }) : say('rule.k8s/image-name.unofficial', { image: name })),
    start,
    end,
    fieldPath: formatFieldPath([...visit.path, 'image']),
    url: ruleUrl(RULE),
    fix: suggestion?.fixable && ctx.text.slice(nameStart, nameStart + name.length) === name
      ? { safe: false, ...sayFix('fix.replace', { found: name, expected: suggestion.name }), edits: [{ start: nameStart, end: nameStart + name.length, text: suggestion.name }] }
      : undefined,
  });
}

export const imageNameRule: K8sRule = {
  id: RULE,
  map(visit, ctx) {
    const short = shortTypeName(visit.typeName);
    if (short === 'Container' || short === 'EphemeralContainer') checkImageName(visit, ctx);
  },
};
