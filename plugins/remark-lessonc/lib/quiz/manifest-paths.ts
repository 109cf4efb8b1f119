/**
 * Field paths of a manifest answer, as authors write them in `::require[…]`:
 * `spec.containers[0].image`, `spec.containers[name=redis].image`, `metadata.labels["app.kubernetes.io/name"]`.
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Requirement } from './schema.ts';

export type PathStep = { key: string } | { index: number } | { where: string; equals: string };

export function parsePath(path: string): PathStep[] | null {
  const steps: PathStep[] = [];
  const pattern = /\s*(?:\.?([^.[\]=\s"]+)|\[(\d+)\]|\[([^\]=\s"]+)=([^\]]*)\]|\["([^"]*)"\])/y;
  let offset = 0;
  while (offset < path.length) {
    pattern.lastIndex = offset;
    const match = pattern.exec(path);
    if (!match || match[0].length === 0) return null;
    if (match[1] !== undefined) steps.push({ key: match[1] });
    else if (match[2] !== undefined) steps.push({ index: Number(match[2]) });
    else if (match[3] !== undefined) steps.push({ where: match[3], equals: match[4]!.trim() });
    else steps.push({ key: match[5]! });
    offset = pattern.lastIndex;
  }
  return steps.length > 0 ? steps : null;
}

/** The node at `steps`, or the deepest node reached and how far it got. */
export function resolvePath(document: Document.Parsed, steps: PathStep[]): { node: Node | null; reached: Node | null; depth: number } {
  let current: Node | null = document.contents as Node | null;
  for (let depth = 0; depth < steps.length; depth++) {
    const step = steps[depth]!;
    let next: Node | null = null;
    if ('key' in step && isMap(current)) next = (current.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === step.key)?.value as Node | undefined) ?? null;
    else if ('index' in step && isSeq(current)) next = (current.items[step.index] as Node | undefined) ?? null;
    else if ('where' in step && isSeq(current)) next = (current.items.find((item) => isMap(item) && scalarAt(item, step.where) === step.equals) as Node | undefined) ?? null;
    if (!next) return { node: null, reached: current, depth };
    current = next;
  }
  return { node: current, reached: current, depth: steps.length };
}

function scalarAt(map: Node, key: string): string | undefined {
  if (!isMap(map)) return undefined;
  const value = map.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === key)?.value;
  return isScalar(value) ? String(value.value) : undefined;
}

function keyStep(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? `.${key}` : `["${key}"]`;
}

/**
 * What a manifest key is graded on by default: its `kind`, `metadata.name` and every leaf under
 * `spec` (list items with a `name` are found by name, so their order does not matter). An empty map
 * or list only has to be there.
 */
export function defaultRequirements(document: Document.Parsed): Requirement[] {
  const requirements: Requirement[] = [];
  const root = document.contents as Node | null;
  if (!isMap(root)) return requirements;
  const top = (key: string) => root.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.value as Node | undefined;
  const kind = top('kind');
  if (isScalar(kind)) requirements.push({ path: 'kind', value: String(kind.value) });
  const metadata = top('metadata');
  const name = isMap(metadata) ? metadata.items.find((pair) => isScalar(pair.key) && pair.key.value === 'name')?.value : undefined;
  if (isScalar(name)) requirements.push({ path: 'metadata.name', value: String(name.value) });
  const leaves = (node: Node | null | undefined, path: string): void => {
    if (isScalar(node)) requirements.push({ path, value: String(node.value) });
    else if (isMap(node)) {
      if (node.items.length === 0) requirements.push({ path });
      for (const pair of node.items) if (isScalar(pair.key)) leaves(pair.value as Node, `${path}${keyStep(String(pair.key.value))}`);
    } else if (isSeq(node)) {
      if (node.items.length === 0) requirements.push({ path });
      node.items.forEach((item, index) => {
        const itemName = scalarAt(item as Node, 'name');
        leaves(item as Node, itemName !== undefined && /^[^\]=]+$/.test(itemName) ? `${path}[name=${itemName}]` : `${path}[${index}]`);
      });
    }
  };
  const spec = top('spec');
  if (spec !== undefined) leaves(spec, 'spec');
  return requirements;
}

/** `metadata.name=redis, spec.containers[0].image=redis123` → requirements; null where a path does not parse. */
export function parseRequireList(text: string): { requirements: Requirement[]; invalid: string[] } {
  const requirements: Requirement[] = [];
  const invalid: string[] = [];
  for (const part of splitTopLevel(text)) {
    const equals = indexOfTopLevel(part, '=');
    const path = (equals < 0 ? part : part.slice(0, equals)).trim();
    if (!path) continue;
    if (!parsePath(path)) invalid.push(path);
    else requirements.push(equals < 0 ? { path } : { path, value: part.slice(equals + 1).trim() });
  }
  return { requirements, invalid };
}

/** Splits on commas outside brackets and quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '[') depth++;
    else if (!quoted && c === ']') depth--;
    else if (!quoted && depth === 0 && c === ',') {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}

function indexOfTopLevel(text: string, char: string): number {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '[') depth++;
    else if (!quoted && c === ']') depth--;
    else if (!quoted && depth === 0 && c === char) return i;
  }
  return -1;
}
