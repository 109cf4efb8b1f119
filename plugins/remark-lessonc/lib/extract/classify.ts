import { classifyYaml } from '../k8s/classify.ts';
import type { SnippetKind, SnippetMeta } from '../types.ts';

const SHELL_LANGS = new Set(['shell', 'sh', 'bash', 'zsh', 'console', 'shell-session', 'shellsession']);
const YAML_LANGS = new Set(['yaml', 'yml']);
const OUTPUT_LANGS = new Set(['output', 'console-output']);

/** Whether a fence language holds shell commands (`shell`, `sh`, `bash`, `console`, ...; any case). */
export function isShellLang(lang: string): boolean {
  return SHELL_LANGS.has(lang.toLowerCase());
}

/** Decides what a code block holds from its language, meta (`output`, `kind=`) and content. */
export function classifySnippet(lang: string | null, meta: SnippetMeta, value: string): SnippetKind {
  if (meta.output === true || (lang !== null && OUTPUT_LANGS.has(lang))) return 'output';
  if (lang !== null && isShellLang(lang)) return 'shell';
  if (lang !== null && YAML_LANGS.has(lang)) return classifyYaml(value, meta).kind;
  return 'other';
}
