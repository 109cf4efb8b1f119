/**
 * What a YAML snippet is: a Kubernetes manifest (apiVersion + kind, even misspelled), a fragment of a
 * Kubernetes type (`livenessProbe:` alone is part of a Container), or other YAML (kubelet config,
 * kubeconfig, compose, a prose list). Works on broken YAML through the lenient outline.
 */
import type { SnippetMeta } from '../types.ts';
import { isMap, isPair, isScalar, type Document, type YAMLMap } from 'yaml';
import { parseYamlDocuments } from '../yaml/parse.ts';
import { buildOutline, resolveOutline, unquote, type Outline } from './outline.ts';
import { type KubernetesSchema, loadSchema, shortTypeName } from './schema.ts';
import { editDistance } from '../edit-distance.ts';

export interface Classification {
  kind: 'manifest' | 'yaml-fragment' | 'yaml';
  /** Short name of the type a fragment is validated as (`Container`, `PodSpec`, `Pod`). */
  assumedType?: string;
  /** Full schema name of that type. */
  assumedTypeName?: string;
}

/** API groups of component configuration files: YAML with apiVersion/kind that is not sent to the API server. */
const CONFIG_GROUPS = /(^|\.)(config\.k8s\.io|kubeadm\.k8s\.io|audit\.k8s\.io|apiserver\.k8s\.io|kind\.x-k8s\.io|kind\.sigs\.k8s\.io|kustomize\.config\.k8s\.io|client\.authentication\.k8s\.io)$/;

/** Tie-break between types that explain a fragment equally well: the ones lessons show most. */
const PREFERRED = ['Container', 'PodSpec', 'Pod', 'PodTemplateSpec', 'Deployment', 'DeploymentSpec', 'ServiceSpec', 'Service', 'ObjectMeta', 'Probe', 'ResourceRequirements', 'Volume', 'EnvVar'];

interface TopLevel {
  keys: string[];
  /** key -> scalar value text. */
  values: Map<string, string>;
  leafValues: string[];
}

function topLevelFromAst(docs: Document.Parsed[]): TopLevel[] | undefined {
  if (docs.some((d) => d.errors.length)) return undefined;
  return docs.map((doc) => {
    const top: TopLevel = { keys: [], values: new Map(), leafValues: [] };
    const contents = doc.contents;
    if (isMap(contents)) {
      for (const pair of (contents as YAMLMap).items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        top.keys.push(key);
        if (isScalar(pair.value) && pair.value.value !== null) {
          top.values.set(key, String(pair.value.value));
          top.leafValues.push(String(pair.value.value));
        }
      }
    }
    return top;
  });
}

function topLevelFromOutline(outline: Outline): TopLevel[] {
  return outline.roots.map((roots) => {
    const top: TopLevel = { keys: [], values: new Map(), leafValues: [] };
    for (const entry of roots) {
      if (entry.kind !== 'key') continue;
      top.keys.push(entry.key!);
      if (entry.value) {
        top.values.set(entry.key!, unquote(entry.value));
        top.leafValues.push(entry.value);
      }
    }
    return top;
  });
}

/** A value written as a sentence in a human language, not a Kubernetes value. */
export function looksLikeProse(value: string): boolean {
  return /\s/.test(value.trim()) && /[^\x00-\x7f]/.test(value);
}

function findKey(keys: string[], wanted: string): string | undefined {
  return keys.find((k) => k === wanted) ?? keys.find((k) => k.length >= 6 && editDistance(k.toLowerCase(), wanted.toLowerCase()) <= 2);
}

/** The named type a `kind=` meta names: a kind (`Pod`) or a type (`Container`, `Probe`). */
export function typeForMetaKind(schema: KubernetesSchema, kind: string): string | undefined {
  for (const kinds of Object.values(schema.data.gvk)) if (kinds[kind]) return kinds[kind];
  const matches = Object.keys(schema.data.types).filter((name) => shortTypeName(name) === kind).sort((a, b) => a.length - b.length);
  return matches.find((m) => m.startsWith('io.k8s.api.core.v1.')) ?? matches[0];
}

/** A fragment of the type the `kind=` meta names, if it names one. */
function fragmentOfMetaKind(meta: SnippetMeta, schema: KubernetesSchema): Classification | undefined {
  const typeName = typeof meta.kind === 'string' ? typeForMetaKind(schema, meta.kind) : undefined;
  return typeName ? { kind: 'yaml-fragment', assumedType: shortTypeName(typeName), assumedTypeName: typeName } : undefined;
}

/** Scores how well a type explains a fragment: keys resolved minus unknown ones (top-level unknowns disqualify). */
function fragmentScore(outline: Outline, schema: KubernetesSchema, typeName: string): { score: number; topUnknown: number } {
  const root = schema.type(typeName) ?? null;
  resolveOutline(outline, schema, outline.roots.map(() => root));
  let score = 0;
  let topUnknown = 0;
  for (const entry of outline.entries) {
    if (entry.kind !== 'key') continue;
    const parent = entry.parent ? entry.parent.resolved : root;
    if (!parent || parent.shape.t !== 'object') continue;
    if (entry.fieldName === entry.key) score += 1;
    else if (entry.fieldName) score += 0.5;
    else if (!parent.shape.add && !parent.shape.open) {
      score -= 1;
      if (!entry.parent) topUnknown++;
    }
  }
  return { score, topUnknown };
}

/** `documents`: the parsed `text`, when the caller has it already. */
export function classifyWithSchema(text: string, meta: SnippetMeta, schema: KubernetesSchema, documents?: Document.Parsed[]): Classification {
  if (meta.check === false) return { kind: 'yaml' };
  // The lenient outline only when the YAML does not parse, or for a fragment's score: a manifest
  // (most snippets) is told from its parsed top level alone.
  let lenient: Outline | undefined;
  const outlineOf = () => (lenient ??= buildOutline(text, 4));
  const tops = topLevelFromAst(documents ?? parseYamlDocuments(text)) ?? topLevelFromOutline(outlineOf());
  const allKeys = tops.flatMap((t) => t.keys);
  if (!allKeys.length) return fragmentOfMetaKind(meta, schema) ?? { kind: 'yaml' };
  const elided = /(^|\n)\.\.\.[ \t]*(\n|$)/.test(text) || /(^|\n)[ \t]*#?[ \t]*\.\.\.[ \t]*(\n|$)/.test(text);
  for (const top of tops) {
    const apiKey = findKey(top.keys, 'apiVersion');
    const kindKey = top.keys.includes('kind') ? 'kind' : undefined;
    const kindValue = kindKey ? top.values.get(kindKey) : undefined;
    const apiVersion = apiKey ? top.values.get(apiKey) ?? '' : '';
    if (kindValue === 'Config' && top.keys.some((k) => ['clusters', 'contexts', 'users', 'current-context'].includes(k))) return { kind: 'yaml' };
    if (apiKey && CONFIG_GROUPS.test(apiVersion.split('/')[0]) && apiVersion.includes('/')) return { kind: 'yaml' };
    if ((apiKey && kindKey) || (kindKey && top.keys.includes('metadata') && !elided && schema.apiVersionsOfKind(kindValue ?? '').length)) {
      if (meta.kind && typeof meta.kind === 'string' && !kindValue) {
        const forced = typeForMetaKind(schema, meta.kind);
        return { kind: 'manifest', assumedType: forced ? shortTypeName(forced) : meta.kind, assumedTypeName: forced };
      }
      return { kind: 'manifest' };
    }
  }
  const forced = fragmentOfMetaKind(meta, schema);
  if (forced) return forced;
  // `kind: Pod` with the rest elided (`...`): an excerpt of that kind.
  for (const top of tops) {
    const kindValue = top.values.get('kind');
    if (kindValue && schema.apiVersionsOfKind(kindValue).length) {
      const typeName = schema.typeForKind(schema.apiVersionsOfKind(kindValue)[0], kindValue)!;
      return { kind: 'yaml-fragment', assumedType: kindValue, assumedTypeName: typeName };
    }
  }
  const leaves = tops.flatMap((t) => t.leafValues);
  if (leaves.length && leaves.filter(looksLikeProse).length * 2 > leaves.length) return { kind: 'yaml' };
  const candidates = new Set<string>();
  for (const key of allKeys) for (const typeName of schema.typesWithField(key)) candidates.add(typeName);
  let best: { typeName: string; score: number; rank: number } | undefined;
  for (const typeName of [...candidates].sort()) {
    const { score, topUnknown } = fragmentScore(outlineOf(), schema, typeName);
    if (topUnknown > 0 || score < 1) continue;
    const preferred = PREFERRED.indexOf(shortTypeName(typeName));
    const rank = preferred < 0 ? PREFERRED.length : preferred;
    if (!best || score > best.score || (score === best.score && rank < best.rank)) best = { typeName, score, rank };
  }
  if (!best) return { kind: 'yaml' };
  // A single generic key (`name: x`, `version: 3`) is too little evidence for a Kubernetes type.
  const keyCount = outlineOf().entries.filter((e) => e.kind === 'key').length;
  if (keyCount < 2 && ['name', 'version', 'type', 'value', 'data', 'items', 'key', 'status', 'path', 'port', 'kind'].includes(allKeys[0])) return { kind: 'yaml' };
  return { kind: 'yaml-fragment', assumedType: shortTypeName(best.typeName), assumedTypeName: best.typeName };
}

export function classifyYaml(text: string, meta: SnippetMeta, kubernetesVersion = '1.32'): Classification {
  return classifyWithSchema(text, meta, loadSchema(kubernetesVersion));
}
