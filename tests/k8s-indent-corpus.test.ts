/**
 * Canonical indentation and lost-indentation rebuilding against the kubernetes.io example manifests:
 * re-indenting never changes what a manifest says, and a flattened manifest that the schema rebuilds
 * with a safe fix comes back as the same objects.
 */
import { describe, it, expect } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { corpusFiles } from './fixtures/k8s/corpus.ts';
import { canonicalIndentation } from '../plugins/remark-lessonc/lib/yaml/canonical-indent.ts';
import { checkYamlSnippetDetailed } from '../plugins/remark-lessonc/lib/k8s/check.ts';
import { applyEdits } from '../plugins/remark-lessonc/lib/fix/apply.ts';

const ctx = { kubernetesVersion: '1.32' };
const files = corpusFiles('k8s-examples', '.yaml');
const data = (text: string) => JSON.stringify(parseAllDocuments(text).map((doc) => doc.toJS()));
const flatten = (text: string) => text.split('\n').map((line) => line.trimStart()).join('\n');

describe('canonical indentation on the kubernetes.io examples', () => {
  it('keeps every manifest the same objects, and is idempotent', () => {
    const changed: string[] = [];
    let reindented = 0;
    for (const file of files) {
      const once = canonicalIndentation(file.text);
      if (once !== file.text) reindented++;
      if (data(once) !== data(file.text)) changed.push(file.name);
      expect(canonicalIndentation(once), file.name).toBe(once);
    }
    expect(changed).toEqual([]);
    // Many examples indent list items under their key: they are re-indented, not left alone.
    expect(reindented).toBeGreaterThanOrEqual(14);
  });
});

describe('flattened kubernetes.io examples', () => {
  it('come back as the same objects wherever the fix is safe', () => {
    const wrong: string[] = [];
    let safe = 0;
    let unsafe = 0;
    for (const file of files) {
      // Block scalars and multi-line flow values lose meaning when flattened: not a lost-indentation case.
      if (/[|>][-+]?\s*$/m.test(file.text) || /^\s+[^\s#-][^:]*$/m.test(file.text)) continue;
      const flat = flatten(file.text);
      const lost = checkYamlSnippetDetailed(flat, {}, ctx).diagnostics.find((d) => d.ruleId === 'k8s/lost-indentation');
      if (!lost?.fix) continue;
      if (!lost.fix.safe) {
        unsafe++;
        continue;
      }
      safe++;
      if (data(applyEdits(flat, lost.fix.edits)) !== data(file.text)) wrong.push(file.name);
    }
    expect(wrong).toEqual([]);
    expect(safe).toBeGreaterThanOrEqual(36);
  });
});
