/**
 * Generates the compact Kubernetes schema that lessonc validates YAML snippets against.
 *
 * Provenance: the OpenAPI v3 documents in `shared/kubernetes-openapi/v<version>/` (one file per
 * group/version, `api/v1.json` for the core group), which are the built-in schemas of
 * kubernetes-sigs/kubectl-validate at commit a97ccfaca20b (`pkg/openapiclient/builtins/<version>/`,
 * Apache-2.0), plus that project's `patches/manual-api-v1.json` (Container requires name and image;
 * ContainerPort.protocol is an enum). On top, LESSONC_ENUMS below: enum values that the API server
 * enforces in its hand-written validation code but the published schema does not list (the v1.32
 * documents carry no `enum` at all). Each entry names the Go validation it mirrors.
 *
 * The output closes every object that has neither `additionalProperties` nor
 * `x-kubernetes-preserve-unknown-fields` (the API server decodes strictly), except schema-less
 * placeholders (RawExtension, FieldsV1, JSON) which accept anything.
 *
 * Usage: npm run gen:schema -- [--version 1.32] [--source ../shared/kubernetes-openapi]
 * Writes plugins/remark-lessonc/data/k8s-schema-<version>.json. Output is deterministic (sorted keys,
 * no timestamps), so re-running on the same input gives the same bytes.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompactSchema, Shape, NamedType } from '../plugins/remark-lessonc/lib/k8s/schema-types.ts';
import { splitDescriptions } from '../plugins/remark-lessonc/lib/k8s/schema-descriptions.ts';

const KUBECTL_VALIDATE_COMMIT = 'a97ccfaca20b';

/** Enums enforced by API server validation code (pkg/apis/<group>/validation), missing from OpenAPI. */
const LESSONC_ENUMS: Record<string, Record<string, string[]>> = {
  // validateContainers / validatePullPolicy
  'io.k8s.api.core.v1.Container': {
    imagePullPolicy: ['Always', 'IfNotPresent', 'Never'],
    terminationMessagePolicy: ['File', 'FallbackToLogsOnError'],
    restartPolicy: ['Always'],
  },
  'io.k8s.api.core.v1.EphemeralContainer': {
    imagePullPolicy: ['Always', 'IfNotPresent', 'Never'],
    terminationMessagePolicy: ['File', 'FallbackToLogsOnError'],
  },
  // validateRestartPolicy, validateDNSPolicy
  'io.k8s.api.core.v1.PodSpec': {
    restartPolicy: ['Always', 'OnFailure', 'Never'],
    dnsPolicy: ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'],
  },
  // ValidateService
  'io.k8s.api.core.v1.ServiceSpec': {
    type: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
    sessionAffinity: ['ClientIP', 'None'],
    externalTrafficPolicy: ['Cluster', 'Local'],
    internalTrafficPolicy: ['Cluster', 'Local'],
  },
  'io.k8s.api.core.v1.ServicePort': { protocol: ['SCTP', 'TCP', 'UDP'] },
  'io.k8s.api.networking.v1.NetworkPolicyPort': { protocol: ['SCTP', 'TCP', 'UDP'] },
  'io.k8s.api.core.v1.HTTPGetAction': { scheme: ['HTTP', 'HTTPS'] },
  'io.k8s.api.core.v1.NodeSelectorRequirement': { operator: ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] },
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement': { operator: ['In', 'NotIn', 'Exists', 'DoesNotExist'] },
  'io.k8s.api.core.v1.PersistentVolumeSpec': { persistentVolumeReclaimPolicy: ['Retain', 'Delete', 'Recycle'] },
  // ValidateDeploymentStrategy, ValidateStatefulSetSpec, ValidateJobSpec, ValidateCronJobSpec
  'io.k8s.api.apps.v1.DeploymentStrategy': { type: ['Recreate', 'RollingUpdate'] },
  'io.k8s.api.apps.v1.StatefulSetSpec': { podManagementPolicy: ['OrderedReady', 'Parallel'] },
  'io.k8s.api.batch.v1.JobSpec': { completionMode: ['NonIndexed', 'Indexed'] },
  'io.k8s.api.batch.v1.CronJobSpec': { concurrencyPolicy: ['Allow', 'Forbid', 'Replace'] },
  // apiextensions validation: supported types of a structural schema
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps': {
    type: ['array', 'boolean', 'integer', 'number', 'object', 'string'],
  },
};

/** Array-of-enum fields (the enum applies to each item). */
const LESSONC_ITEM_ENUMS: Record<string, Record<string, string[]>> = {
  'io.k8s.api.core.v1.PersistentVolumeClaimSpec': {
    accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  },
  'io.k8s.api.core.v1.PersistentVolumeSpec': {
    accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  },
};

type Json = any;

/**
 * Fields whose description lists fewer values than the API server accepts: Toleration.operator
 * takes `""` (Equal) and, in the kubernetes.io examples, `Gt`/`Lt` (numeric tolerations).
 */
const PROSE_ENUM_EXCLUDED = new Set(['io.k8s.api.core.v1.Toleration.operator']);

/** The phrases after which a description lists a field's values. */
const VALUE_LIST = /(?:Possible enum values|Valid values are|Allowed values are|allowed values are|Acceptable values are|Valid options are|Supported values(?: are)?|Possible values are|Valid operators are|can be one of the following values|cares about -)\s*:?\s*/;
const WORD = String.raw`[A-Za-z*][A-Za-z0-9*]*`;
const QUOTED = String.raw`"[A-Za-z*][A-Za-z0-9* ]*"|'[A-Za-z*][A-Za-z0-9* ]*'|\x60"?[A-Za-z*][A-Za-z0-9*]*"?\x60`;

/**
 * The values a description lists in prose, when it lists them plainly: `Valid values are "Merge"
 * and "Strict"`, `allowed values are NoSchedule, PreferNoSchedule and NoExecute`, a bulleted list
 * (`- "Allow" (default): ...`, `* Exact: ...`, `Localhost - ...`), or Kubernetes' own `Possible enum
 * values:` list. Anything less plain (`either:`, `integers greater than 0`, `["Ingress"]`, values
 * with descriptions in between) gives nothing: a wrong enum would be a false alarm. A description
 * that says what empty means allows the empty string too.
 */
export function enumFromProse(description: string | undefined): string[] | undefined {
  if (!description) return undefined;
  const match = VALUE_LIST.exec(description);
  if (!match) return undefined;
  const rest = description.slice(match.index + match[0].length);
  const values = inlineList(rest) ?? bulletList(rest);
  if (!values || values.length < 2 || new Set(values).size !== values.length) return undefined;
  if (/\b(empty|unset) (means|value)|\bif empty\b|\bwhen empty\b|\bEmpty means\b/i.test(description)) values.push('');
  return values;
}

function unquoteValue(token: string): string {
  return token.replace(/^[`"']+|[`"']+$/g, '');
}

/** `A, B and C` / `"A", "B", or "C"`: every item quoted alike, the list ending a sentence or clause. */
function inlineList(text: string): string[] | undefined {
  const item = new RegExp(String.raw`^(${QUOTED}|${WORD})`);
  const separator = /^(,\s*(and|or)\s+|,\s*|\s+(and|or)\s+)/;
  const values: string[] = [];
  let rest = text;
  let style: string | undefined;
  for (;;) {
    const found = item.exec(rest);
    if (!found) return undefined;
    const token = found[1]!;
    const tokenStyle = /^[`"']/.test(token) ? token[0] : 'bare';
    if (style && tokenStyle !== style) return undefined;
    style = tokenStyle;
    values.push(unquoteValue(token));
    rest = rest.slice(token.length);
    const sep = separator.exec(rest);
    if (!sep) break;
    rest = rest.slice(sep[0].length);
  }
  // What follows the list: the end of a sentence or clause, or (quoted lists) the next sentence.
  if (!/^(\s*$|[.;]|\s*\n|\s+\(|\s+["'`]|\s+for all\b)/.test(rest)) return undefined;
  const allOf = values.at(-1) === '*' && /^\s+for all\b/.test(rest);
  if (style === 'bare' && !allOf && !/^(\s*$|\.(\s|$)|\s*\n|\s+\()/.test(rest)) return undefined;
  return values;
}

/** Bulleted values: `- "Allow" (default): ...`, `* Exact: ...`, `- In: ...`, `Localhost - ...`. */
function bulletList(text: string): string[] | undefined {
  // Kubernetes' own list: `Possible enum values:\n - \`"Always"\` means ...`.
  const generated = [...text.matchAll(/(?:^|\n)\s*-\s+`"([^"`]*)"`/g)].map((m) => m[1]!);
  if (generated.length >= 2) return generated;
  const marked = [...text.matchAll(/(?:^|\n|;\s|\.\s)\s*[-*]\s+[`"']*([A-Za-z][A-Za-z0-9]*)[`"']*(?:\s*\(default\))?\s*:/g)].map((m) => m[1]!);
  if (marked.length >= 2) return marked;
  const dashed = [...text.matchAll(/(?:^|\n|\.\s)[ \t]*([A-Z][A-Za-z0-9]*) - /g)].map((m) => m[1]!);
  if (dashed.length >= 2) return dashed;
  return undefined;
}

/** First sentence of an API description, short enough for hover text and errata. */
export function shortDescription(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const flat = text.replace(/\s+/g, ' ').trim();
  const match = /^(.+?[.?!])(\s|$)/.exec(flat);
  let sentence = match ? match[1] : flat;
  if (sentence.length > 200) sentence = sentence.slice(0, 197).replace(/\s+\S*$/, '') + '...';
  return sentence;
}

function refName(ref: string): string {
  return ref.replace('#/components/schemas/', '');
}

function deepMerge(target: Json, patch: Json): Json {
  if (Array.isArray(patch) || typeof patch !== 'object' || patch === null) return patch;
  const out: Json = { ...(target ?? {}) };
  for (const [key, value] of Object.entries(patch)) out[key] = deepMerge(out[key], value);
  return out;
}

function convert(schema: Json, listKeyFields: Set<string>, ownerName: string | null): Shape {
  if (schema.$ref) return { ref: refName(schema.$ref) };
  if (schema.allOf && schema.allOf.length === 1 && schema.allOf[0].$ref) return { ref: refName(schema.allOf[0].$ref) };
  if (schema['x-kubernetes-int-or-string'] || schema.format === 'int-or-string') return { t: 'int-or-string' };
  if (schema['x-kubernetes-preserve-unknown-fields'] && !schema.properties) return { t: 'any' };
  const type = schema.type;
  if (type === 'object') {
    const shape: Shape = { t: 'object' };
    if (schema.properties) {
      shape.p = {};
      for (const name of Object.keys(schema.properties).sort()) {
        const prop = schema.properties[name];
        const field: Shape = convert(prop, listKeyFields, null);
        const d = shortDescription(prop.description);
        if (d) field.d = d;
        if (ownerName && listKeyFields.has(`${ownerName}.${name}`) && prop.default !== undefined && typeof prop.default !== 'object') {
          field.def = prop.default;
        }
        if (ownerName && LESSONC_ENUMS[ownerName]?.[name]) field.enum = LESSONC_ENUMS[ownerName][name];
        else if (!field.enum) {
          const prose = PROSE_ENUM_EXCLUDED.has(`${ownerName}.${name}`) ? undefined : enumFromProse(prop.description);
          if (prose && field.t === 'string') field.enum = prose;
          else if (prose && field.t === 'array' && field.items?.t === 'string' && !field.items.enum) field.items = { ...field.items, enum: prose };
        }
        if (ownerName && LESSONC_ITEM_ENUMS[ownerName]?.[name] && field.t === 'array' && field.items) {
          field.items = { ...field.items, enum: LESSONC_ITEM_ENUMS[ownerName][name] };
        }
        shape.p[name] = field;
      }
      if (schema.required?.length) shape.req = [...schema.required].sort();
      if (schema['x-kubernetes-preserve-unknown-fields']) shape.open = true;
    }
    if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) {
      shape.add = schema.additionalProperties === true ? { t: 'any' } : convert(schema.additionalProperties, listKeyFields, null);
    }
    // An object schema with no properties and no additionalProperties is a placeholder (RawExtension, FieldsV1).
    if (!schema.properties && schema.additionalProperties === undefined) shape.open = true;
    return shape;
  }
  if (type === 'array') {
    const shape: Shape = { t: 'array', items: schema.items ? convert(schema.items, listKeyFields, null) : { t: 'any' } };
    if (schema['x-kubernetes-list-type'] === 'map' && schema['x-kubernetes-list-map-keys']) {
      shape.keys = [...schema['x-kubernetes-list-map-keys']];
    }
    return shape;
  }
  if (type === 'string' || type === 'integer' || type === 'number' || type === 'boolean') {
    const shape: Shape = { t: type };
    if (schema.enum) shape.enum = [...schema.enum];
    if (type === 'string' && (schema.format === 'byte' || schema.format === 'date-time')) shape.fmt = schema.format;
    return shape;
  }
  if (schema.oneOf) {
    const kinds = schema.oneOf.map((s: Json) => s.type).sort().join(',');
    if (kinds === 'number,string') return { t: 'quantity' };
    if (kinds === 'integer,string') return { t: 'int-or-string' };
  }
  return { t: 'any' };
}

export function generate(sourceRoot: string, version: string): CompactSchema {
  const versionDir = join(sourceRoot, `v${version}`);
  const files: string[] = [join(versionDir, 'api', 'v1.json')];
  const apisDir = join(versionDir, 'apis');
  for (const group of readdirSync(apisDir).sort()) {
    for (const file of readdirSync(join(apisDir, group)).sort()) files.push(join(apisDir, group, file));
  }
  const raw: Record<string, Json> = {};
  for (const file of files) {
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) raw[name] = schema;
  }
  const patchFile = join(versionDir, 'patches', 'manual-api-v1.json');
  if (existsSync(patchFile)) {
    const patch = JSON.parse(readFileSync(patchFile, 'utf8'));
    for (const [name, schema] of Object.entries(patch.components?.schemas ?? {})) raw[name] = deepMerge(raw[name], schema);
  }

  // List-map keys (containerPort+protocol) need their defaults to detect duplicates like the server does.
  const listKeyFields = new Set<string>();
  for (const schema of Object.values(raw)) {
    for (const prop of Object.values<Json>(schema.properties ?? {})) {
      const itemRef = prop.items?.allOf?.[0]?.$ref ?? prop.items?.$ref;
      if (prop['x-kubernetes-list-type'] === 'map' && itemRef) {
        for (const key of prop['x-kubernetes-list-map-keys'] ?? []) listKeyFields.add(`${refName(itemRef)}.${key}`);
      }
    }
  }

  const types: Record<string, NamedType> = {};
  const gvk: Record<string, Record<string, string>> = {};
  for (const name of Object.keys(raw).sort()) {
    const schema = raw[name];
    const shape = convert(schema, listKeyFields, name) as NamedType;
    const d = shortDescription(schema.description);
    if (d) shape.d = d;
    types[name] = shape;
    for (const entry of schema['x-kubernetes-group-version-kind'] ?? []) {
      // List kinds, options and watch events are API plumbing, never written in a manifest.
      if (/List$|Options$/.test(entry.kind) || entry.kind === 'WatchEvent' || entry.kind === 'Status' || entry.kind === 'APIGroup' || entry.kind === 'APIResourceList' || entry.kind === 'APIGroupList' || entry.kind === 'APIVersions') continue;
      if (!schema.properties?.metadata && !schema.properties?.apiVersion) continue;
      const apiVersion = entry.group ? `${entry.group}/${entry.version}` : entry.version;
      (gvk[apiVersion] ??= {})[entry.kind] = name;
    }
  }
  const sortedGvk: Record<string, Record<string, string>> = {};
  for (const apiVersion of Object.keys(gvk).sort()) {
    sortedGvk[apiVersion] = {};
    for (const kind of Object.keys(gvk[apiVersion]).sort()) sortedGvk[apiVersion][kind] = gvk[apiVersion][kind];
  }
  return {
    version,
    source: {
      documents: files.map((f) => relative(sourceRoot, f)).concat(existsSync(patchFile) ? [relative(sourceRoot, patchFile)] : []),
      origin: `kubernetes-sigs/kubectl-validate@${KUBECTL_VALIDATE_COMMIT} pkg/openapiclient/builtins/${version}`,
      lessonc: 'enums from API server validation code (scripts/gen-k8s-schema.ts LESSONC_ENUMS) and from the value lists of field descriptions (enumFromProse)',
    },
    gvk: sortedGvk,
    types,
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string): string => {
    const index = args.indexOf(name);
    return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
  };
  const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
  const version = option('--version', '1.32');
  const sourceRoot = option('--source', join(repoRoot, '..', 'shared', 'kubernetes-openapi'));
  // The shapes and their descriptions go to two files: checking reads only the first (lib/k8s/schema-descriptions.ts).
  const { schema, descriptions } = splitDescriptions(generate(sourceRoot, version));
  const data = join(repoRoot, 'plugins', 'remark-lessonc', 'data');
  const out = join(data, `k8s-schema-${version}.json`);
  const descriptionsOut = join(data, `k8s-schema-descriptions-${version}.json`);
  writeFileSync(out, JSON.stringify(schema) + '\n');
  writeFileSync(descriptionsOut, JSON.stringify(descriptions) + '\n');
  const kinds = Object.values(schema.gvk).reduce((n, kinds) => n + Object.keys(kinds).length, 0);
  console.log(`${relative(repoRoot, out)}: ${statSync(out).size} bytes, ${Object.keys(schema.types).length} types, ${kinds} kinds; ${relative(repoRoot, descriptionsOut)}: ${statSync(descriptionsOut).size} bytes`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
