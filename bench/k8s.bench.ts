/**
 * Validation time per snippet over the shared corpus (k8s-examples, ko-docs yaml blocks,
 * kubectl-validate manifests): mean and p95 of checkYamlSnippet (syntax + classification + schema
 * walk). Then the measurement behind "walker, not ajv": the same schema translated to JSON Schema
 * and validated by ajv (schema walk only, no positions, no fixes).
 *
 * Run: npm run bench (or: npx node bench/k8s.bench.ts)
 */
import { parseAllDocuments } from 'yaml';
import { Ajv } from 'ajv';
import { checkYamlSnippet } from '../plugins/remark-lessonc/lib/k8s/check.ts';
import { loadSchema } from '../plugins/remark-lessonc/lib/k8s/schema.ts';
import type { Shape } from '../plugins/remark-lessonc/lib/k8s/schema-types.ts';
import { corpusFiles, fencedYamlBlocks } from '../tests/fixtures/k8s/corpus.ts';

const snippets: string[] = [
  ...corpusFiles('k8s-examples', '.yaml').map((f) => f.text),
  ...corpusFiles('kubectl-validate', '.yaml').map((f) => f.text),
  ...corpusFiles('ko-docs', '.md').flatMap((p) => fencedYamlBlocks(p.text).map((b) => b.text)),
];

function stats(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
  return `mean ${mean.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms`;
}

function time<T>(fn: () => T): [number, T] {
  const start = performance.now();
  const value = fn();
  return [performance.now() - start, value];
}

const ctx = { kubernetesVersion: '1.32' };
const [loadMs] = time(() => loadSchema('1.32'));
checkYamlSnippet(snippets[0], {}, ctx); // warm up JIT and lazy data
const ROUNDS = 5;
const times: number[] = [];
for (let round = 0; round < ROUNDS; round++) for (const text of snippets) times.push(time(() => checkYamlSnippet(text, {}, ctx))[0]);
console.log(`snippets: ${snippets.length}; schema load ${loadMs.toFixed(1)} ms`);
console.log(`lessonc checkYamlSnippet (all rules): ${stats(times)}`);

// --- ajv over the same data --------------------------------------------------------------
const schema = loadSchema('1.32');
function toJsonSchema(shape: Shape): object {
  if (shape.ref) return { $ref: `#/definitions/${shape.ref}` };
  switch (shape.t) {
    case 'object': {
      const out: Record<string, unknown> = { type: 'object' };
      if (shape.p) out.properties = Object.fromEntries(Object.entries(shape.p).map(([k, v]) => [k, { anyOf: [toJsonSchema(v), { type: 'null' }] }]));
      if (shape.req) out.required = shape.req;
      if (shape.add) out.additionalProperties = toJsonSchema(shape.add);
      else if (!shape.open) out.additionalProperties = false;
      return out;
    }
    case 'array':
      return { type: 'array', items: toJsonSchema(shape.items ?? { t: 'any' }) };
    case 'int-or-string':
      return { type: ['integer', 'string'] };
    case 'quantity':
      return { type: ['number', 'string'] };
    case 'any':
    case undefined:
      return {};
    default:
      return shape.enum ? { type: shape.t, enum: shape.enum } : { type: shape.t };
  }
}
const definitions = Object.fromEntries(Object.entries(schema.data.types).map(([name, shape]) => [name, toJsonSchema(shape)]));
const ajv = new Ajv({ allErrors: true, strict: false });
const [compileMs] = time(() => ajv.addSchema({ $id: 'k8s', definitions }));
const validators = new Map<string, ReturnType<Ajv['compile']>>();
let firstCompileMs = 0;
const docs = snippets.flatMap((text) =>
  Array.from(parseAllDocuments(text) as Iterable<{ errors: unknown[]; toJS(): unknown }>)
    .filter((d) => !d.errors.length)
    .map((d) => d.toJS() as { apiVersion?: string; kind?: string })
    .filter((o) => o && typeof o === 'object' && o.kind && o.apiVersion && schema.typeForKind(o.apiVersion, o.kind)),
);
const ajvTimes: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const object of docs) {
    const typeName = schema.typeForKind(object.apiVersion!, object.kind!)!;
    let validate = validators.get(typeName);
    if (!validate) {
      const [ms, compiled] = time(() => ajv.getSchema(`k8s#/definitions/${typeName}`)!);
      firstCompileMs += ms;
      validate = compiled;
      validators.set(typeName, validate);
    }
    ajvTimes.push(time(() => validate!(object))[0]);
  }
}
console.log(`ajv: addSchema ${compileMs.toFixed(1)} ms, compiling ${validators.size} kinds ${firstCompileMs.toFixed(1)} ms; validate per document (plain JS, no YAML parse): ${stats(ajvTimes)}`);
