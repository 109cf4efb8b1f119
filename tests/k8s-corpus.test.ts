import { describe, it, expect } from 'vitest';
import { corpusFiles, fencedYamlBlocks, serverVerdicts } from './fixtures/k8s/corpus.ts';
import { checkYamlSnippetDetailed } from '../plugins/remark-lessonc/lib/k8s/check.ts';

const ctx = { kubernetesVersion: '1.32' };

/**
 * Field paths in one notation: the server writes map keys as `[key]` and reports a CRD's schema at its
 * internal-version place `spec.validation` (v1 manifests have it at `spec.versions[N].schema`).
 */
function normalizePath(path: string): string {
  return path
    .replace(/\[([^\]0-9][^\]]*)\]/g, '.$1')
    .replace(/^spec\.versions\[\d+\]\.schema\./, 'spec.validation.');
}

function problems(text: string, result = checkYamlSnippetDetailed(text, {}, ctx)): string[] {
  return result
    .diagnostics.filter((d) => d.severity !== 'info')
    .map((d) => `${d.severity} ${d.ruleId} ${d.fieldPath ?? ''} ${JSON.stringify(text.slice(d.start, d.end))}: ${d.message}`);
}

describe('corpus: kubernetes/website examples are accepted', () => {
  const files = corpusFiles('k8s-examples', '.yaml');
  it('has the 145 example files', () => expect(files.length).toBe(145));
  it('reports no error and no warning on any of them', () => {
    const disagreements: string[] = [];
    for (const file of files) {
      const result = checkYamlSnippetDetailed(file.text, {}, ctx);
      if (result.classification.kind !== 'manifest') disagreements.push(`${file.name}: classified as ${result.classification.kind}`);
      for (const problem of problems(file.text, result)) disagreements.push(`${file.name}: ${problem}`);
    }
    expect(disagreements).toEqual([]);
  });
});

describe('corpus: Korean docs yaml blocks are accepted', () => {
  const pages = corpusFiles('ko-docs', '.md');
  it('reports no error and no warning', () => {
    const disagreements: string[] = [];
    let blocks = 0;
    for (const page of pages) {
      for (const block of fencedYamlBlocks(page.text)) {
        blocks++;
        for (const problem of problems(block.text)) disagreements.push(`${page.name}:${block.line}: ${problem}`);
      }
    }
    expect(blocks).toBeGreaterThanOrEqual(14);
    expect(disagreements).toEqual([]);
  });
});

describe('corpus: kubectl-validate verdicts', () => {
  const files = corpusFiles('kubectl-validate', '.yaml');
  it('has the 27 test files', () => expect(files.length).toBe(27));
  it('agrees with the API server on every file and names every rejected field', () => {
    const disagreements: string[] = [];
    for (const file of files) {
      const verdicts = serverVerdicts(file.text);
      const expectedValid = verdicts.every((v) => v.valid);
      const expectedFields = verdicts.flatMap((v) => v.fields);
      const diagnostics = checkYamlSnippetDetailed(file.text, {}, ctx).diagnostics;
      const errors = diagnostics.filter((d) => d.severity === 'error');
      if (expectedValid !== (errors.length === 0)) {
        disagreements.push(`${file.name}: server says ${expectedValid ? 'valid' : 'invalid'}, lessonc found ${errors.length} errors: ${errors.map((e) => `${e.ruleId} ${e.message}`).join('; ')}`);
      }
      for (const field of expectedFields) {
        // The server may name the field or the map that holds the bad entry (metadata.labels).
        const wanted = normalizePath(field);
        const reported = errors.some((e) => {
          const got = normalizePath(e.fieldPath ?? '');
          return got === wanted || got.startsWith(wanted + '.') || got.startsWith(wanted + '[');
        });
        if (!reported) disagreements.push(`${file.name}: field ${field} not reported (got ${errors.map((e) => e.fieldPath ?? e.ruleId).join(', ') || 'nothing'})`);
      }
    }
    expect(disagreements).toEqual([]);
  });
  it('reports the custom resource once as info', () => {
    const text = files.find((f) => f.name === 'multiple_resources.yaml')!.text;
    const infos = checkYamlSnippetDetailed(text, {}, ctx).diagnostics.filter((d) => d.ruleId === 'k8s/unknown-kind');
    expect(infos).toHaveLength(1);
    expect(infos[0].severity).toBe('info');
  });
});
