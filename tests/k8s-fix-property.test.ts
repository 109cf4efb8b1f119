/**
 * Properties of the YAML fixes on generated manifests (seeded): whatever mix of tab indentation,
 * lost indentation, doubled indentation and key typos a manifest has, fixing is idempotent; and when
 * only its layout was damaged (tabs, doubled or lost indentation), fixing brings back the same objects.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { fixAll } from './fixtures/k8s/fix-all.ts';
import { PROPERTY_RUNS } from './helpers/lesson-arbitrary.ts';

const settings = { seed: 20261210, numRuns: Math.min(PROPERTY_RUNS, 200) };

const deployment = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: shop',
  '  labels:',
  '    app: shop',
  'spec:',
  '  replicas: 2',
  '  selector:',
  '    matchLabels:',
  '      app: shop',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app: shop',
  '    spec:',
  '      containers:',
  '      - name: shop',
  '        image: nginx:1.27',
  '        ports:',
  '        - containerPort: 80',
  '        livenessProbe:',
  '          httpGet:',
  '            path: /healthz',
  '            port: 80',
  '          periodSeconds: 5',
  '        env:',
  '        - name: MODE',
  '          value: "prod"',
];
const original = deployment.join('\n') + '\n';
const typos: Record<string, string> = { image: 'imgae', containers: 'contianers', periodSeconds: 'periodSecond', replicas: 'replica', path: 'pth' };

/** The whole manifest's layout: as written, tabs for each 2 spaces, doubled, or lost. */
const layout = fc.constantFrom('as-is', 'tabs', 'doubled', 'flat');
const withLayout = (lines: string[], kind: string): string[] =>
  lines.map((line) => {
    const indent = /^ */.exec(line)![0].length;
    if (kind === 'tabs') return '\t'.repeat(indent / 2) + line.slice(indent);
    if (kind === 'doubled') return ' '.repeat(indent * 2) + line.slice(indent);
    if (kind === 'flat') return line.slice(indent);
    return line;
  });
const data = (text: string) => JSON.stringify(parseAllDocuments(text).map((doc) => doc.toJS()));

describe('YAML fixes on generated manifests', () => {
  it('are idempotent, whatever the mix of layout damage and typos', () => {
    fc.assert(
      fc.property(layout, fc.array(fc.boolean(), { minLength: deployment.length, maxLength: deployment.length }), fc.boolean(), (kind, typoAt, unsafe) => {
        const lines = deployment.map((line, i) => (typoAt[i] ? line.replace(/[A-Za-z]+(?=:)/, (key) => typos[key] ?? key) : line));
        const text = withLayout(lines, kind).join('\n') + '\n';
        const once = fixAll(text, { unsafe }).text;
        expect(fixAll(once, { unsafe }).text).toBe(once);
      }),
      settings,
    );
  });

  it('bring back the same objects when only the layout was damaged', () => {
    for (const kind of ['tabs', 'flat']) {
      const text = withLayout(deployment, kind).join('\n') + '\n';
      const fixed = fixAll(text).text;
      expect(data(fixed), kind).toBe(data(original));
      // Tabs and lost indentation come back in canonical layout: the manifest as written here.
      expect(fixed, kind).toBe(original);
    }
    // Doubled indentation is valid YAML: nothing to fix.
    const doubled = withLayout(deployment, 'doubled').join('\n') + '\n';
    expect(fixAll(doubled).text).toBe(doubled);
  });
});
