/**
 * Short descriptions of the Kubernetes fields a YAML snippet uses, by line: the site shows them when
 * a learner hovers a line of a manifest (the schema keeps one sentence per field for this).
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { SnippetMeta } from '../types.ts';
import { parseYamlDocuments } from '../yaml/parse.ts';
import { lineStartOffsets, markdownPoint } from '../extract/positions.ts';
import { classifyWithSchema } from './classify.ts';
import { loadDescribedSchema, type KubernetesSchema } from './schema.ts';
import type { Shape } from './schema-types.ts';

/** 0-based line → `field: description` for the first described field written on that line. */
export function fieldDescriptions(text: string, meta: SnippetMeta, kubernetesVersion: string): Map<number, string> {
  const descriptions = new Map<number, string>();
  const schema = loadDescribedSchema(kubernetesVersion);
  const documents = parseYamlDocuments(text);
  const classification = classifyWithSchema(text, meta, schema, documents);
  if (classification.kind === 'yaml') return descriptions;
  const starts = lineStartOffsets(text);
  const lineOf = (offset: number) => markdownPoint(starts, offset).line - 1;
  for (const document of documents) {
    if (document.errors.length > 0) continue;
    const apiVersion = document.get('apiVersion');
    const kind = document.get('kind');
    const typeName =
      classification.kind === 'yaml-fragment'
        ? classification.assumedTypeName
        : typeof kind === 'string'
          ? (typeof apiVersion === 'string' ? schema.typeForKind(apiVersion, kind) : undefined) ?? schema.newestTypeForKind(kind)
          : undefined;
    const root = typeName ? schema.type(typeName)?.shape : undefined;
    if (root) describe(document.contents, root, schema, (offset, entry) => {
      const line = lineOf(offset);
      if (!descriptions.has(line)) descriptions.set(line, entry);
    });
  }
  return descriptions;
}

function describe(node: Node | null, shape: Shape, schema: KubernetesSchema, found: (offset: number, entry: string) => void): void {
  if (isSeq(node)) {
    const items = schema.resolve(shape.items)?.shape;
    if (items) for (const item of node.items) describe(item as Node, items, schema, found);
    return;
  }
  if (!isMap(node)) return;
  for (const pair of node.items) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string' || !pair.key.range) continue;
    const field = shape.p?.[pair.key.value] ?? shape.add;
    if (!field) continue;
    if (field.d && shape.p?.[pair.key.value]) found(pair.key.range[0], `${pair.key.value}: ${field.d}`);
    const value = schema.resolve(field)?.shape;
    if (value) describe(pair.value as Node | null, value, schema, found);
  }
}
