/**
 * k8s/misplaced-field: a field that is not valid where it is but is valid one level up or down, e.g.
 * `livenessProbe` directly under a Pod's `spec` (it belongs in a container). When it belongs in a
 * list with exactly one item (one container), an unsafe fix moves the field's lines into that item.
 */
import { isMap, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Edit } from '../../types.ts';
import type { WalkContext, Visit } from '../ast.ts';
import { fieldNode } from '../ast.ts';
import { formatFieldPath, ruleUrl, type K8sDiagnostic } from '../diagnostic.ts';
import { shortTypeName } from '../schema.ts';
import { say, sayFix } from '../../messages.ts';
import { lineStartOf, lineEndOf, columnOf } from '../text-lines.ts';

const RULE = 'k8s/misplaced-field';

interface Destination {
  /** Field of the current object that leads down to where the key belongs. */
  via?: string;
  isList: boolean;
  typeName?: string;
  up?: boolean;
}

function destinations(visit: Visit, key: string, ctx: WalkContext): Destination[] {
  const found: Destination[] = [];
  for (const [name, field] of Object.entries(visit.shape.p ?? {})) {
    let resolved = ctx.schema.resolve(field);
    let isList = false;
    if (resolved?.shape.t === 'array') {
      resolved = ctx.schema.resolve(resolved.shape.items);
      isList = true;
    }
    if (resolved?.shape.t === 'object' && resolved.shape.p?.[key]) found.push({ via: name, isList, typeName: resolved.typeName });
  }
  // Fields present in the snippet first (`containers` before `initContainers` when only it exists).
  found.sort((a, b) => Number(!fieldNode(visit, a.via!, ctx)) - Number(!fieldNode(visit, b.via!, ctx)));
  let holder = visit.parent;
  if (holder && holder.shape.t === 'array') holder = holder.parent;
  if (holder?.shape.p?.[key]) found.push({ isList: false, typeName: holder.typeName, up: true });
  return found;
}

/** Lines of a pair (its key line through the end of its value). */
function pairLines(pair: Pair, text: string): [number, number] {
  const keyStart = (pair.key as Node).range![0];
  const value = pair.value as Node | null;
  const valueEnd = value?.range ? value.range[1] : (pair.key as Node).range![1];
  return [lineStartOf(text, keyStart), lineEndOf(text, Math.max(keyStart, valueEnd - 1))];
}

function moveIntoItem(visit: Visit, pair: Pair, destination: Destination, ctx: WalkContext): Edit[] | undefined {
  const target = fieldNode(visit, destination.via!, ctx);
  if (!target || !isSeq(target.node)) return undefined;
  const seq = target.node as YAMLSeq;
  if (seq.items.length !== 1 || !isMap(seq.items[0]) || (seq.items[0] as YAMLMap).flow || seq.flow) return undefined;
  const item = seq.items[0] as YAMLMap;
  if (item.items.some((p) => (p.key as { value?: unknown })?.value === (pair.key as { value?: unknown }).value)) return undefined;
  const text = ctx.text;
  const [from, to] = pairLines(pair, text);
  const keyStart = (pair.key as Node).range![0];
  const itemKeyColumn = columnOf(text, (item.items[0].key as Node).range![0]);
  const shift = itemKeyColumn - columnOf(text, keyStart);
  const lines = text.slice(from, to).split('\n');
  const moved = lines
    .map((line, i) => {
      if (i === lines.length - 1 && line === '') return line;
      if (shift >= 0) return line.trim() === '' ? line : ' '.repeat(shift) + line;
      return line.startsWith(' '.repeat(-shift)) ? line.slice(-shift) : line.trimStart();
    })
    .join('\n');
  const insertAt = lineEndOf(text, Math.max(item.range![0], item.range![1] - 1));
  const block = moved.endsWith('\n') ? moved : moved + '\n';
  if (insertAt === from) return [{ start: from, end: to, text: block }];
  if (insertAt > from && insertAt < to) return undefined;
  return [
    { start: insertAt, end: insertAt, text: block },
    { start: from, end: to, text: '' },
  ];
}

/** A misplaced-field finding for `key`, or undefined when the key is simply unknown. */
export function misplacedField(visit: Visit, pair: Pair, key: string, ctx: WalkContext): K8sDiagnostic | undefined {
  const options = destinations(visit, key, ctx);
  if (!options.length) return undefined;
  const best = options[0];
  const keyNode = pair.key as Node;
  const typeName = shortTypeName(visit.typeName);
  const data = { field: key, type: typeName, via: best.via ?? '', target: shortTypeName(best.typeName) };
  const text = say(best.up ? 'rule.k8s/misplaced-field.up' : best.isList ? 'rule.k8s/misplaced-field.inItem' : 'rule.k8s/misplaced-field.inField', data);
  const edits = !best.up && best.isList ? moveIntoItem(visit, pair, best, ctx) : undefined;
  return {
    ruleId: RULE,
    severity: 'error',
    ...text,
    start: keyNode.range![0],
    end: keyNode.range![1],
    fieldPath: formatFieldPath([...visit.path, key]),
    url: ruleUrl(RULE),
    fix: edits ? { safe: false, ...sayFix('fix.k8s/misplaced-field.move', { field: key, via: best.via ?? '' }), edits } : undefined,
  };
}
