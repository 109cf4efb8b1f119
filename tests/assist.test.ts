import { describe, expect, it } from 'vitest';
import { kubectlCompletions, kubectlWordAt } from '../plugins/remark-lessonc/lib/assist/kubectl-words.ts';
import { snippetAt } from '../plugins/remark-lessonc/lib/assist/snippet-at.ts';
import { fieldAt, fieldCompletions, valueCompletions } from '../plugins/remark-lessonc/lib/assist/yaml-fields.ts';
import { extractSnippets } from '../plugins/remark-lessonc/lib/extract/snippets.ts';
import { snippetOffsetToMarkdown } from '../plugins/remark-lessonc/lib/extract/positions.ts';
import { parseLesson } from '../plugins/remark-lessonc/lib/parse.ts';
import { flagHelp } from '../plugins/remark-lessonc/lib/kubectl/flag-help.ts';
import { loadDescribedSchema } from '../plugins/remark-lessonc/lib/k8s/schema.ts';

const schema = loadDescribedSchema('1.32');
const describedAs = (type: string, field: string) => schema.type(type)!.shape.p![field]!.d;

describe('snippetAt', () => {
  it('maps a place in the lesson to its snippet and back, through list indentation', () => {
    const markdown = '# x\n\n1. step\n\n   ```shell\n   kubectl get pods\n   ```\n';
    const snippets = extractSnippets(parseLesson(markdown), markdown);
    const offset = markdown.indexOf('get');
    const place = snippetAt(snippets, offset)!;
    expect(place.snippet.value.slice(place.offset, place.offset + 3)).toBe('get');
    expect(snippetOffsetToMarkdown(place.snippet, place.offset)).toBe(offset);
    expect(snippetAt(snippets, markdown.indexOf('step'))).toBeUndefined();
  });
});

describe('fieldAt', () => {
  it('reads a tab-indented fragment whose keys lack colons, and a key that is a typo of a field', () => {
    const fragment = '  livenessProbe\t\n\thttpGet:\n\t\tpatch /\n\t\tport 80';
    expect(fieldAt(fragment, fragment.indexOf('httpGet') + 1, {})).toMatchObject({ name: 'httpGet', type: 'HTTPGetAction', owner: 'Probe', path: 'livenessProbe.httpGet' });
    expect(fieldAt(fragment, fragment.indexOf('patch') + 1, {})).toMatchObject({ name: 'path', type: 'string', owner: 'HTTPGetAction', description: describedAs('io.k8s.api.core.v1.HTTPGetAction', 'path') });
    expect(fieldAt(fragment, fragment.indexOf('port') + 1, {})).toMatchObject({ name: 'port', type: 'int-or-string', required: true });
  });

  it('names list and map types and the values a field allows; nothing for a value or for non-Kubernetes YAML', () => {
    const manifest = 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    app: web\nspec:\n  containers:\n  - name: web\n    imagePullPolicy: Always\n';
    expect(fieldAt(manifest, manifest.indexOf('containers'), {})).toMatchObject({ type: '[]Container', required: true });
    expect(fieldAt(manifest, manifest.indexOf('labels'), {})).toMatchObject({ type: 'map[string]string' });
    expect(fieldAt(manifest, manifest.indexOf('imagePullPolicy'), {})?.allowed).toEqual(['Always', 'IfNotPresent', 'Never']);
    expect(fieldAt(manifest, manifest.indexOf('Always'), {})).toBeUndefined();
    expect(fieldAt('services:\n  web:\n    image: nginx\n', 3, {})).toBeUndefined();
  });
});

describe('fieldCompletions', () => {
  it('offers an item\'s fields on a new `- ` line, required ones first', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - ';
    const names = fieldCompletions(text, text.length, {})!.fields.map((f) => f.name);
    const required = [...schema.type('io.k8s.api.core.v1.Container')!.shape.req!].sort();
    expect(required.length).toBeGreaterThan(0);
    expect(names.slice(0, required.length)).toEqual(required);
    expect(names).toContain('livenessProbe');
  });

  it('reads the document the cursor is in, and nothing in value position', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n---\napiVersion: v1\nkind: Service\nspec:\n  ';
    const names = fieldCompletions(text, text.length, {})!.fields.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['ports', 'selector', 'type']));
    expect(names).not.toContain('containers');
    const value = 'apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: Al';
    expect(fieldCompletions(value, value.length, {})).toBeUndefined();
  });

  it('completes inside a tab-indented fragment at the tab width the checker chose', () => {
    const text = '  livenessProbe:\n\texec:\n\t\tcommand:\n\t\t- ls\n\t';
    const found = fieldCompletions(text, text.length, {})!;
    expect(found.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['httpGet', 'periodSeconds']));
    expect(found.fields.map((f) => f.name)).not.toContain('exec');
  });
});

describe('valueCompletions', () => {
  it('offers the values a field allows after its colon', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: O\n  containers:\n  - name: web\n    stdin: ';
    const policy = valueCompletions(text, text.indexOf('O\n') + 1, {})!;
    expect(policy.values).toEqual(['OnFailure']);
    expect(text.slice(policy.start, policy.end)).toBe('O');
    expect(valueCompletions(text, text.length, {})!.values).toEqual([true, false]);
    const name = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ';
    expect(valueCompletions(name, name.length, {})).toBeUndefined();
  });
});

describe('kubectl words', () => {
  it('explains a flag across a continuation line and inside `$(...)`', () => {
    const continued = 'kubectl get pods \\\n  -o wide';
    expect(kubectlWordAt(continued, continued.indexOf('-o'))).toMatchObject({ kind: 'flag', name: 'output', help: flagHelp(['get'], 'output') });
    const substituted = 'POD=$(kubectl get pods -l app=web -o name)';
    expect(kubectlWordAt(substituted, substituted.indexOf('-l') + 1)).toMatchObject({ kind: 'flag', name: 'selector', command: ['get'] });
    expect(kubectlWordAt('kubectl create deployment web --image=nginx', 16)).toMatchObject({ kind: 'command', command: ['create', 'deployment'] });
    expect(kubectlWordAt('ls -la', 3)).toBeUndefined();
  });

  it('offers a subcommand group\'s subcommands, a command\'s own flags, and resource types', () => {
    const create = 'kubectl create deploy';
    expect(kubectlCompletions(create, create.length)!.suggestions.map((s) => s.label)).toEqual(['deployment']);
    const flags = 'kubectl create deployment web --rep';
    expect(kubectlCompletions(flags, flags.length)!.suggestions.map((s) => s.label)).toEqual(['--replicas']);
    const resources = 'kubectl get deploy';
    expect(kubectlCompletions(resources, resources.length)!.suggestions.map((s) => s.label)).toEqual(['deployments']);
    expect(kubectlCompletions('kubectl', 7)).toBeUndefined();
  });
});
