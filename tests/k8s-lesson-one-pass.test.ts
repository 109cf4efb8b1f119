/**
 * The YAML side of issue 10 in a whole lesson (a Korean note written for this test): one `check`
 * reports every mistake, in Korean from the catalogue; placeholders stay quiet; `fix` rebuilds lost
 * indentation and re-indents a tab fragment canonically, and fixing again changes nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { analyzeLesson, fixLesson } from '../plugins/remark-lessonc/index.ts';
import { localizeLessonMessage } from '../plugins/remark-lessonc/lib/messages.ts';

const notes = readFileSync(new URL('./fixtures/k8s/one-pass-notes.md', import.meta.url), 'utf8');
const yamlRules = /^(k8s|yaml)\//;

describe('a Korean note with YAML mistakes', () => {
  const messages = analyzeLesson(notes).messages.filter((m) => yamlRules.test(m.ruleId));

  it('reports every mistake in one check, and nothing about the placeholders', () => {
    expect(messages.map((m) => m.ruleId).sort()).toEqual(
      ['k8s/enum', 'k8s/lost-indentation', 'k8s/unknown-field', 'k8s/unknown-field', 'yaml/tab-indent', 'yaml/tab-indent', 'yaml/tab-indent'].sort(),
    );
    expect(messages.filter((m) => /`<image>`|`\{claimName\}`|k8s\/type|k8s\/image-name/.test(`${m.ruleId} ${m.message}`))).toEqual([]);
  });

  it('words them in Korean', () => {
    for (const message of messages) expect(localizeLessonMessage('ko', message), message.message).toMatch(/[\uac00-\ud7a3]/);
  });

  it('fixes them, with canonical indentation, and a second fix changes nothing', () => {
    const fixed = fixLesson(notes).output;
    expect(fixed).toContain('```yaml title="shop.yaml"\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: shop\n  template:\n    metadata:\n      labels:\n        app: shop\n    spec:\n      containers:\n      - name: shop\n        image: nginx:1.27\n```');
    expect(fixed).toContain('```yaml\nreadinessProbe:\n  httpGet:\n    path: /ready\n    port: 8080\n```');
    expect(fixed).toContain('spec:\n  containers:\n  - name: web\n    image: <image>\n    imagePullPolicy: Always\n');
    expect(fixLesson(fixed).output).toBe(fixed);
    expect(analyzeLesson(fixed).messages.filter((m) => yamlRules.test(m.ruleId) && m.severity === 'error')).toEqual([]);
  });
});
