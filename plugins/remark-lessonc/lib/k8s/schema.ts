/**
 * Loads the compact Kubernetes schema of one version and answers questions about it: which named
 * type an apiVersion/kind is, what a field's shape is, which types have a given field.
 */
import type { CompactSchema, Shape } from './schema-types.ts';
import { withDescriptions, type SchemaDescriptions } from './schema-descriptions.ts';

export interface ResolvedShape {
  shape: Shape;
  /** Full name of the named type (`io.k8s.api.core.v1.Probe`) when the shape came from a ref. */
  typeName?: string;
}

export class KubernetesSchema {
  readonly data: CompactSchema;
  /** field name -> named object types that have it (for fragments and misplaced fields). */
  private readonly typesByField = new Map<string, string[]>();
  /** lower-case kind -> [apiVersion, kind] pairs. */
  private readonly kindsByLowerName = new Map<string, [string, string][]>();

  constructor(data: CompactSchema) {
    this.data = data;
    for (const [name, type] of Object.entries(data.types)) {
      for (const field of Object.keys(type.p ?? {})) {
        const list = this.typesByField.get(field) ?? [];
        list.push(name);
        this.typesByField.set(field, list);
      }
    }
    for (const [apiVersion, kinds] of Object.entries(data.gvk)) {
      for (const kind of Object.keys(kinds)) {
        const list = this.kindsByLowerName.get(kind.toLowerCase()) ?? [];
        list.push([apiVersion, kind]);
        this.kindsByLowerName.set(kind.toLowerCase(), list);
      }
    }
  }

  resolve(shape: Shape | undefined): ResolvedShape | undefined {
    if (!shape) return undefined;
    let typeName: string | undefined;
    let current: Shape = shape;
    for (let depth = 0; current.ref && depth < 8; depth++) {
      typeName = current.ref;
      const target = this.data.types[current.ref];
      if (!target) return { shape: { t: 'any' }, typeName };
      current = target;
    }
    return { shape: current, typeName };
  }

  type(name: string): ResolvedShape | undefined {
    return this.data.types[name] ? { shape: this.data.types[name], typeName: name } : undefined;
  }

  /** The named type for apiVersion + kind, if built in. */
  typeForKind(apiVersion: string, kind: string): string | undefined {
    return this.data.gvk[apiVersion]?.[kind];
  }

  /** Built-in apiVersions that serve this kind (exact spelling). */
  apiVersionsOfKind(kind: string): string[] {
    return (this.kindsByLowerName.get(kind.toLowerCase()) ?? []).filter(([, k]) => k === kind).map(([v]) => v);
  }

  /** The newest served type of a built-in kind, whatever apiVersion was written (`Deployment` -> apps/v1). */
  newestTypeForKind(kind: string): string | undefined {
    const served = this.apiVersionsOfKind(kind);
    return served.length ? this.typeForKind(served[served.length - 1], kind) : undefined;
  }

  /** Kinds of apiVersion whose name matches case-insensitively (`configmap` in v1 -> ConfigMap). */
  kindsNamedLike(apiVersion: string, kind: string): string[] {
    return (this.kindsByLowerName.get(kind.toLowerCase()) ?? []).filter(([v]) => v === apiVersion).map(([, k]) => k);
  }

  /** True when the API group of apiVersion is one the schema knows (then an unknown kind is a mistake, not a CRD). */
  isBuiltInGroup(apiVersion: string): boolean {
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
    return Object.keys(this.data.gvk).some((v) => (v.includes('/') ? v.split('/')[0] : '') === group);
  }

  typesWithField(field: string): string[] {
    return this.typesByField.get(field) ?? [];
  }
}

/** Short, human name of a named type: `io.k8s.api.core.v1.Probe` -> `Probe`. */
export function shortTypeName(typeName: string | undefined): string {
  if (!typeName) return 'value';
  return typeName.slice(typeName.lastIndexOf('.') + 1);
}

const cache = new Map<string, KubernetesSchema>();

/** `1.32` of `1.32`, `v1.32` or `1.32.4`. */
const minorOf = (version: string) => /^v?(\d+\.\d+)/.exec(version)?.[1] ?? version;

/** Makes `data` the schema of `version` without reading a file (the browser imports the JSON). */
export function registerSchemaData(version: string, data: CompactSchema): void {
  cache.set(minorOf(version), new KubernetesSchema(data));
}

/** The shipped data file `k8s-schema<suffix>-<minor>.json`, or 1.32's when that minor has none. */
function readSchemaFile(minor: string, suffix: string): unknown {
  // Read from disk in Node only (the browser registers the data): not imported, so the quiz client's
  // bundle has no `node:fs` to stub.
  const fs = process.getBuiltinModule('node:fs');
  let url = new URL(`../../data/k8s-schema${suffix}-${minor}.json`, import.meta.url);
  if (!fs.existsSync(url)) url = new URL(`../../data/k8s-schema${suffix}-1.32.json`, import.meta.url);
  return JSON.parse(fs.readFileSync(url, 'utf8'));
}

/** The schema for a Kubernetes minor version (`1.32`); falls back to the newest shipped one. No field descriptions. */
export function loadSchema(version: string): KubernetesSchema {
  const minor = minorOf(version);
  const cached = cache.get(minor);
  if (cached) return cached;
  const schema = new KubernetesSchema(readSchemaFile(minor, '') as CompactSchema);
  cache.set(minor, schema);
  return schema;
}

const describedCache = new Map<string, KubernetesSchema>();

/**
 * The schema with every shape's one-sentence description (`d`), for a page's field hints and the
 * editor's completion; checking never needs them (k8s/schema-descriptions.ts).
 */
export function loadDescribedSchema(version: string): KubernetesSchema {
  const minor = minorOf(version);
  const cached = describedCache.get(minor);
  if (cached) return cached;
  const schema = new KubernetesSchema(withDescriptions(loadSchema(minor).data, readSchemaFile(minor, '-descriptions') as SchemaDescriptions));
  describedCache.set(minor, schema);
  return schema;
}
