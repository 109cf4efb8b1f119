import { classifyYaml } from '../k8s/classify.ts';
import { readsAsCommand } from '../kubectl/check.ts';
import type { SnippetKind, SnippetMeta } from '../types.ts';
import { isTranscript, promptAt } from './prompts.ts';

const SHELL_LANGS = new Set(['shell', 'sh', 'bash', 'zsh', 'console', 'shell-session', 'shellsession', 'terminal']);
const YAML_LANGS = new Set(['yaml', 'yml']);
const OUTPUT_LANGS = new Set(['output', 'console-output']);
const JSON_LANGS = new Set(['json', 'jsonc']);

/** Whether a fence language holds shell commands (`shell`, `sh`, `bash`, `console`, ...; any case). */
export function isShellLang(lang: string): boolean {
  return SHELL_LANGS.has(lang.toLowerCase());
}

/** What a code block holds, and whether that was read from its content rather than its language. */
export interface SnippetClass {
  kind: SnippetKind;
  /** The block says nothing (no language, an indented block) or says something else (a transcript in a `yaml` fence). */
  inferred?: boolean;
  /** A JSON manifest (`json` fence, or JSON content): checked as YAML, fixed as JSON. */
  syntax?: 'json';
}

/**
 * Decides what a code block holds. A labelled block is what its language says; a block without a
 * language (or an indented one) is read by its content: kubectl lines or a prompt make it shell, a
 * manifest or keys of a Kubernetes type make it YAML (or JSON); anything else is not checked, so a
 * guess never turns into an error. A `yaml` fence that starts with a prompt is a transcript.
 */
export function classifyCode(lang: string | null, meta: SnippetMeta, value: string): SnippetClass {
  if (meta.output === true || (lang !== null && OUTPUT_LANGS.has(lang))) return { kind: 'output' };
  if (lang !== null && isShellLang(lang)) return { kind: 'shell' };
  if (lang !== null && YAML_LANGS.has(lang)) {
    const first = value.split('\n').find((line) => line.trim() !== '') ?? '';
    if (promptAt(first)?.strength === 'strong') return { kind: 'shell', inferred: true };
    return { kind: classifyYaml(value, meta).kind };
  }
  if (lang !== null && JSON_LANGS.has(lang)) return jsonClass(value, meta) ?? { kind: 'other' };
  if (lang !== null) return { kind: 'other' };
  if (meta.check === false) return { kind: 'other' };
  return inferFromContent(value, meta);
}

function inferFromContent(value: string, meta: SnippetMeta): SnippetClass {
  if (isTranscript(value) || holdsKubectlLine(value)) return { kind: 'shell', inferred: true };
  const json = jsonClass(value, meta);
  if (json) return { ...json, inferred: true };
  if (/^\s*[[{]/.test(value)) return { kind: 'other' };
  const kind = classifyYaml(value, meta).kind;
  if (kind === 'manifest') return { kind, inferred: true };
  // A fragment only where its first key is one Kubernetes is known by: `port:` alone is anyone's YAML.
  const firstKey = /^[ \t]*(?:-[ \t]+)?([A-Za-z]+)[ \t]*:/m.exec(value)?.[1];
  return kind === 'yaml-fragment' && firstKey && KUBERNETES_KEYS.has(firstKey) ? { kind, inferred: true } : { kind: 'other' };
}

/** Keys that make a block without a language a piece of a Kubernetes object. */
const KUBERNETES_KEYS = new Set([
  'metadata', 'spec', 'template', 'containers', 'initContainers', 'volumes', 'volumeMounts', 'livenessProbe', 'readinessProbe',
  'startupProbe', 'resources', 'env', 'envFrom', 'securityContext', 'affinity', 'tolerations', 'nodeSelector', 'imagePullPolicy',
  'restartPolicy', 'serviceAccountName', 'selector', 'matchLabels', 'strategy', 'replicas', 'containerPort', 'lifecycle',
]);

/**
 * A line that is a kubectl command (a prompt before it or not): `kubectl get pods`, `k get po`.
 * `kubectl` and a word is a command even with a typo in it (`kubectl gt pods`, found as one); after
 * the one-letter alias the word must be a command kubectl has.
 */
function holdsKubectlLine(value: string): boolean {
  return value.split('\n').some((line) => {
    const command = line.slice(promptAt(line)?.length ?? 0).replace(/^\s*sudo\s+/, '');
    if (/^\s*kubectl[ \t]+-{0,2}[a-z][a-z-]*(?:[ \t=]|$)/.test(command)) return true;
    return /^\s*k\s/.test(command) && readsAsCommand(command);
  });
}

/** A JSON document holding a Kubernetes object (`apiVersion` and `kind`): a manifest kubectl takes. */
function jsonClass(value: string, meta: SnippetMeta): SnippetClass | null {
  if (!/^\s*[[{]/.test(value)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    // Broken JSON with a Kubernetes shape is still the author's manifest: check it as YAML sees it.
    if (!/"apiVersion"\s*:/.test(value) || !/"kind"\s*:/.test(value)) return null;
    return { kind: classifyYaml(value, meta).kind === 'manifest' ? 'manifest' : 'other', syntax: 'json' };
  }
  const object = (Array.isArray(parsed) ? parsed[0] : parsed) as Record<string, unknown> | null;
  if (!object || typeof object !== 'object' || typeof object.kind !== 'string' || !('apiVersion' in object)) return null;
  return { kind: 'manifest', syntax: 'json' };
}
