import type { Document } from 'yaml';
import { parseYamlDocuments } from '../yaml/parse.ts';
import { fixSnippetText } from '../fix/snippet.ts';
import { editDistanceWithin, nearestByDistance } from '../edit-distance.ts';
import { bundledKubectlGrammar } from '../kubectl/bundled-grammar.ts';
import { checkShellSnippet } from '../kubectl/check.ts';
import { resolveResourceType } from '../kubectl/grammar.ts';
import { splitCommandLines, snippetRange } from '../kubectl/logical-lines.ts';
import { promptAt } from '../extract/prompts.ts';
import { escapeRegExp } from '../regexp.ts';
import type { Diagnostic, Snippet } from '../types.ts';
import type { LessonDiagnostic, LessonRuleContext } from '../validate.ts';
import {
  createObject,
  createUnknownObjects,
  deleteAll,
  deleteObject,
  emptyCluster,
  existingNames,
  isClosed,
  isKnown,
  type ClusterState,
  type TrackedObject,
} from './cluster.ts';
import { commandEffects, normalizePath, type NamedObject } from './commands.ts';
import { say, sayFix } from '../messages.ts';
import { textMemo } from '../memo.ts';

/** Types the lesson can create and refer to by name in the default namespace. */
const CHECKED_RESOURCES = new Set(['pods', 'deployments', 'services', 'replicasets', 'daemonsets', 'statefulsets', 'jobs', 'cronjobs', 'configmaps', 'secrets', 'persistentvolumeclaims']);

/** What every cluster has in the default namespace before the lesson starts. */
const PREEXISTING: TrackedObject[] = [
  { resource: 'services', name: 'kubernetes' },
  { resource: 'configmaps', name: 'kube-root-ca.crt' },
];

/** Commands that show or edit a file, so the YAML block after them is that file's content. */
const FILE_COMMAND = /^(?:sudo\s+)?(?:cat|vi|vim|nano|less|more|view)\s+(\S+)\s*$/;

/**
 * The lesson-state rule: walks the lesson in order, keeping the model of the cluster the learner
 * has built, and warns where a command names an object that does not exist at that point.
 */
export function checkLessonState(snippets: readonly Snippet[], context: LessonRuleContext): LessonDiagnostic[] {
  const state = emptyCluster();
  for (const object of PREEXISTING) createObject(state, object);
  const diagnostics: LessonDiagnostic[] = [];
  // A section is part of the lab's sequence when it creates something or acts on what the lesson
  // made; one whose commands only act on objects it never creates (a reference, a cheat sheet) is
  // not checked against the model (its deletions still count).
  let section: SectionWalk = { sequence: false, diagnostics: [] };
  const endSection = () => {
    if (section.sequence) diagnostics.push(...section.diagnostics);
    section = { sequence: false, diagnostics: [] };
  };
  snippets.forEach((snippet, position) => {
    if (position > 0 && snippet.section !== snippets[position - 1]!.section) endSection();
    if (snippet.kind === 'manifest') {
      const path = manifestPath(snippet, snippets[position - 1]);
      if (path) state.files.set(path, manifestObjects(snippet, context));
      if (path && STATIC_POD_DIRECTORY.test(path)) createUnknownObjects(state);
    } else if (snippet.kind === 'shell') {
      for (const diagnostic of walkShellSnippet(snippet, state, section)) section.diagnostics.push({ ...diagnostic, snippetIndex: snippet.index });
    }
  });
  endSection();
  return diagnostics;
}

/** What the walk has seen of one section: whether it belongs to the lab's sequence, and its findings. */
interface SectionWalk {
  sequence: boolean;
  diagnostics: LessonDiagnostic[];
}

function manifestPath(snippet: Snippet, previous: Snippet | undefined): string | undefined {
  if (typeof snippet.meta.title === 'string') return normalizePath(snippet.meta.title);
  if (previous?.kind !== 'shell') return undefined;
  const last = previous.value.trim().split('\n').at(-1) ?? '';
  const lastLine = last.slice(promptAt(last)?.length ?? 0).trim();
  const match = FILE_COMMAND.exec(lastLine);
  return match ? normalizePath(match[1]!) : undefined;
}

/** The objects of a manifest as its author meant it: read after its fixes (tabs, typos). */
function manifestObjects(snippet: Snippet, context: LessonRuleContext): TrackedObject[] {
  const corrected = context.corrected(snippet);
  return parseYamlDocuments(corrected)
    .filter((document): document is Document.Parsed => 'contents' in document)
    .flatMap((document) => {
      const kind = document.get('kind');
      const name = document.getIn(['metadata', 'name']);
      const type = typeof kind === 'string' ? resolveResourceType(bundledKubectlGrammar, kind) : undefined;
      return type && typeof name === 'string' ? [{ resource: type.plural, name }] : [];
    });
}

/**
 * The kubelet runs every manifest in its static pod directory as a pod named `NAME-NODE`. A line that
 * puts a file there (`cat <<EOF >/etc/kubelet.d/web.yaml`, `mv web.yaml /etc/kubernetes/manifests/`)
 * creates pods whose names the lesson cannot know.
 */
const STATIC_POD_DIRECTORY = /(?:^|[\s>='"])\/etc\/(?:kubernetes\/manifests|kubelet\.d)\b/;

/**
 * A command line as the walk reads it: as meant (`delete pod -all` deletes all pods once its safe
 * fix is applied) and what it does to the cluster. Both follow from the line alone, and lessons
 * repeat lines (`kubectl get pods`), so they are kept by the line's text (bounded by the characters
 * held); the walk only reads the effects.
 */
interface CommandLineReading {
  meant: string;
  effects: ReturnType<typeof commandEffects>;
}

const lineReadings = textMemo<CommandLineReading>(4 * 1024 * 1024);

function readCommandLine(text: string): CommandLineReading {
  let reading = lineReadings.get(text);
  if (!reading) {
    const meant = fixSnippetText(text, checkShellSnippet, { unsafe: false });
    reading = { meant, effects: commandEffects(meant) };
    lineReadings.set(text, reading);
  }
  return reading;
}

function walkShellSnippet(snippet: Snippet, state: ClusterState, section: SectionWalk): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const line of splitCommandLines(snippet.value)) {
    if (line.output) continue;
    if (STATIC_POD_DIRECTORY.test(line.text) && !/^\s*(?:sudo\s+)?kubectl\b/.test(line.text)) createUnknownObjects(state);
    const { meant, effects } = readCommandLine(line.text);
    for (const effect of effects) {
      if (effect.creates.length || effect.appliesFiles.length || effect.createsUnknown || effect.writesFile) section.sequence = true;
      const report = (object: NamedObject, deleting: boolean) => {
        if (actsOnLessonObject(state, object)) section.sequence = true;
        const at = locateWord(line.text, meant, object);
        const range = snippetRange(line, at.start, at.end);
        const diagnostic = missingObject(object, state, deleting, range);
        if (diagnostic) diagnostics.push(diagnostic);
      };
      for (const object of effect.references) report(object, false);
      for (const object of effect.deletes) {
        report(object, true);
        deleteObject(state, object);
      }
      for (const resource of effect.deletesAll) deleteAll(state, resource);
      for (const path of effect.deletesFiles) {
        const objects = state.files.get(path);
        if (Array.isArray(objects)) for (const object of objects) deleteObject(state, object);
      }
      for (const path of effect.appliesFiles) {
        const objects = state.files.get(path);
        if (Array.isArray(objects)) for (const object of objects) createObject(state, object);
        else createUnknownObjects(state);
      }
      for (const object of effect.creates) createObject(state, object);
      if (effect.createsUnknown) createUnknownObjects(state);
      if (effect.writesFile) state.files.set(effect.writesFile.path, effect.writesFile.objects);
    }
  }
  return diagnostics;
}

/**
 * Whether a command acts on an object the lesson made (not one every cluster has), or on a near miss
 * of one (`webserevr` after `kubectl run webserver`): then its section follows the lab.
 */
function actsOnLessonObject(state: ClusterState, object: NamedObject): boolean {
  if (PREEXISTING.some((known) => known.resource === object.resource && known.name === object.name)) return false;
  if (isKnown(state, object)) return true;
  return object.name.length > 3 && existingNames(state, object.resource).some((name) => editDistanceWithin(name, object.name, 2) <= 2);
}

function missingObject(object: NamedObject, state: ClusterState, deleting: boolean, range: { start: number; end: number }): Diagnostic | null {
  if (!CHECKED_RESOURCES.has(object.resource) || !isClosed(state, object.resource) || isKnown(state, object)) return null;
  const singular = resolveResourceType(bundledKubectlGrammar, object.resource)?.singular ?? object.resource;
  const nearest = nearestByDistance(object.name, existingNames(state, object.resource));
  const data = { resource: singular, name: object.name, expected: nearest ?? '' };
  const text = deleting
    ? say(nearest ? 'rule.state/unknown-object.deletedNearest' : 'rule.state/unknown-object.deleted', data)
    : say(nearest ? 'rule.state/unknown-object.missingNearest' : 'rule.state/unknown-object.missing', data);
  return {
    ruleId: 'state/unknown-object',
    severity: 'warning',
    ...text,
    ...range,
    ...(nearest ? { fix: { safe: false, ...sayFix('fix.replace', { found: object.name, expected: nearest }), edits: [{ ...range, text: nearest }] } } : {}),
  };
}

/**
 * Where the named word is in the line as written. The command was read after its safe fixes, so
 * offsets are re-found in the original line (the name itself is never what a safe fix changed).
 */
function locateWord(original: string, meant: string, object: NamedObject): { start: number; end: number } {
  if (original === meant) return { start: object.word.start, end: object.word.end };
  const pattern = new RegExp(`(?<=[\\s/])${escapeRegExp(object.word.raw)}(?=\\s|$)`, 'g');
  const matches = [...original.matchAll(pattern)];
  const match = matches.at(-1);
  return match?.index !== undefined ? { start: match.index, end: match.index + match[0].length } : { start: 0, end: original.length };
}
