/**
 * The Kubernetes walker calls rules from a registry (rules/index.ts), as ESLint does; rules import
 * only the shared AST helpers (ast.ts), so there is no walk.ts <-> rules import circle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseDocument } from 'yaml';
import { k8sRules, type K8sRule } from '../plugins/remark-lessonc/lib/k8s/rules/index.ts';
import { walkDocument } from '../plugins/remark-lessonc/lib/k8s/walk.ts';
import { newWalkContext } from '../plugins/remark-lessonc/lib/k8s/ast.ts';
import { loadSchema } from '../plugins/remark-lessonc/lib/k8s/schema.ts';

const rulesDir = new URL('../plugins/remark-lessonc/lib/k8s/rules/', import.meta.url);

describe('k8s rule registry', () => {
  it('has no rule importing the walker', () => {
    const importers = readdirSync(rulesDir).filter((name) => /from '\.\.\/walk\.ts'/.test(readFileSync(new URL(name, rulesDir), 'utf8')));
    expect(importers).toEqual([]);
    expect(readFileSync(new URL('../ast.ts', rulesDir), 'utf8')).not.toMatch(/from '\.\/(walk|rules\/)/);
  });

  it('registers each walked rule once, with an id and at least one hook', () => {
    const ids = k8sRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of k8sRules) {
      const hooks = Object.keys(rule).filter((key) => key !== 'id');
      expect(hooks.length, rule.id).toBeGreaterThan(0);
    }
    expect(ids).toEqual(expect.arrayContaining(['k8s/type', 'k8s/enum', 'k8s/unknown-field', 'k8s/required', 'k8s/duplicate-key', 'k8s/split-list-item', 'k8s/dns-name', 'k8s/label', 'k8s/image-name']));
  });

  it('walks with whatever registry it is given, calling each hook where it applies', () => {
    const schema = loadSchema('1.32');
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    imagPullPolicy: Always\n';
    const doc = parseDocument(text);
    const ctx = newWalkContext(schema, text, doc as never, false);
    const seen: string[] = [];
    const probe: K8sRule = {
      id: 'test/probe',
      scalar: (visit) => void seen.push(`scalar ${visit.path.join('.')}`),
      seqEnter: (visit) => void seen.push(`seq ${visit.path.join('.')}`),
      unknownField: (_visit, _pair, key) => {
        seen.push(`unknown ${key}`);
        return 'imagePullPolicy';
      },
      document: () => void seen.push('document'),
    };
    const typeName = schema.typeForKind('v1', 'Pod')!;
    walkDocument({ node: doc.contents as never, path: [], shape: schema.type(typeName)!.shape, typeName }, ctx, [probe]);
    expect(seen).toEqual([
      'scalar apiVersion',
      'scalar kind',
      'scalar metadata.name',
      'seq spec.containers',
      'scalar spec.containers.0.name',
      'scalar spec.containers.0.image',
      'unknown imagPullPolicy',
      // The near match is walked as the field it stands for.
      'scalar spec.containers.0.imagePullPolicy',
      'document',
    ]);
    expect(ctx.findings).toEqual([]);
  });
});
