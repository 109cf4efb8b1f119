import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../scripts/gen-k8s-schema.ts';
import { splitDescriptions, withDescriptions } from '../plugins/remark-lessonc/lib/k8s/schema-descriptions.ts';
import { loadDescribedSchema, loadSchema } from '../plugins/remark-lessonc/lib/k8s/schema.ts';
import { repoRoot, sharedDir } from './helpers/paths.ts';

/**
 * The compact schema ships as two files: the shapes, which checking and the browser's grader read,
 * and their one-sentence descriptions, which only field hints and completion read.
 */
const data = (name: string) => JSON.parse(readFileSync(path.join(repoRoot, 'plugins', 'remark-lessonc', 'data', name), 'utf8'));
const generated = generate(path.join(sharedDir, 'kubernetes-openapi'), '1.32');

describe('the schema and its descriptions', () => {
  it('are, as committed, what scripts/gen-k8s-schema.ts writes from the v1.32 API schemas', () => {
    const { schema, descriptions } = splitDescriptions(generated);
    expect(data('k8s-schema-1.32.json')).toEqual(schema);
    expect(data('k8s-schema-descriptions-1.32.json')).toEqual(descriptions);
  });

  it('put back together, are the generated schema, every description in its place', () => {
    const { schema, descriptions } = splitDescriptions(generated);
    expect(withDescriptions(schema, descriptions)).toEqual(generated);
    expect(loadDescribedSchema('1.32').data).toEqual(generated);
    const probe = loadDescribedSchema('1.32').type('io.k8s.api.core.v1.Probe')!.shape;
    expect(probe.d).toMatch(/^Probe describes a health check/);
    expect(probe.p!.periodSeconds!.d).toMatch(/How often \(in seconds\) to perform the probe/);
  });

  it('leave the shapes a check reads without a single description', () => {
    expect(JSON.stringify(loadSchema('1.32').data)).not.toMatch(/"d":/);
    expect(JSON.stringify(generated)).toMatch(/"d":/);
  });
});
