/**
 * The shared vocabulary of the lesson compiler: snippets, diagnostics and fixes.
 *
 * Every rule (YAML syntax, Kubernetes schema, kubectl grammar, lesson state) works on the text of one
 * snippet and reports positions as offsets into that text; the compiler maps them to Markdown
 * line/column. Fixes are text edits against the same snippet text (like ESLint), marked safe or
 * unsafe (like ruff): unsafe fixes are applied only on request.
 */

import type { MessageKey } from './i18n.ts';
import type { MessageData } from './messages.ts';

export type Severity = 'error' | 'warning' | 'info';

/** Replace `text[start, end)` with `text`. Offsets are UTF-16 indices into the snippet value. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  /** Safe fixes are applied by `lessonc fix`; unsafe ones only with `--unsafe`. */
  safe: boolean;
  /** Human description, e.g. "Replace `prot` with `port`" (English; see `descriptionId`). */
  description: string;
  /** Catalogue id and parameters of the description (`sayFix`), to word it in another language. */
  descriptionId?: MessageKey;
  descriptionData?: MessageData;
  /** Non-overlapping edits, all relative to the same original snippet text. */
  edits: Edit[];
}

export interface Diagnostic {
  /** Namespaced rule id: `yaml/tab-indent`, `k8s/unknown-field`, `kubectl/unknown-flag`, ... */
  ruleId: string;
  severity: Severity;
  /** Worded like remark-lint: "Unexpected `prot`, expected `port`" (English; see `messageId`). */
  message: string;
  /** Catalogue id and parameters of the message (`say`), to word it in another language. */
  messageId?: MessageKey;
  data?: MessageData;
  /** Offsets into the snippet value (UTF-16), end exclusive. */
  start: number;
  end: number;
  fix?: Fix;
  /** Documentation link for the rule. */
  url?: string;
}

/**
 * What a fenced block (or a block the importer produced) holds.
 * - manifest: YAML with apiVersion/kind (maybe multi-document)
 * - yaml-fragment: YAML whose top-level keys belong to a Kubernetes type (e.g. a bare livenessProbe)
 * - yaml: YAML that is not a Kubernetes object (kubelet config, kubeconfig, compose)
 * - shell: command lines (prompts already stripped)
 * - output: printed output of a command; never checked as a command
 * - other: anything else
 */
export type SnippetKind = 'manifest' | 'yaml-fragment' | 'yaml' | 'shell' | 'output' | 'other';

/** Parsed code meta: ```yaml kind=Pod intentional title="redis.yaml" check=false``` */
export interface SnippetMeta {
  /** Force the Kubernetes kind the YAML is validated as. */
  kind?: string;
  /** `check=false` turns validation off for the block. */
  check?: boolean;
  /**
   * The author broke this snippet on purpose: bare `intentional` covers every rule (shown as written
   * with a badge, never an error, never fixed); `intentional="k8s/image-name"` only the rules listed
   * (comma-separated), so the snippet's other mistakes are still fixed.
   */
  intentional?: boolean | string;
  /** A file name the snippet is the content of (caption), e.g. `redis.yaml`. */
  title?: string;
  /** Any other `key=value` or bare flags. */
  [key: string]: string | boolean | undefined;
}

export interface Snippet {
  /** Index of the snippet in document order (0-based). */
  index: number;
  kind: SnippetKind;
  /** The fence info string language (`yaml`, `shell`, `text`, ...), or null. */
  lang: string | null;
  meta: SnippetMeta;
  /** The code text exactly as in the block (no fences). */
  value: string;
  /** 1-based Markdown line of the first content line. */
  line: number;
  /** Markdown offset of each content line's first character (length = number of value lines). */
  lineStarts: number[];
  /**
   * The kind was read from the content, not the fence language: a block without a language, an
   * indented block, a transcript in a `yaml` fence, or a command line in a paragraph (`prose`).
   */
  inferred?: boolean | 'prose';
  /** The snippet is JSON (a `json` fence or JSON content) checked as YAML: fixes must keep it JSON. */
  syntax?: 'json';
  /** Index of the section (the heading before it, 0 before the first heading) the snippet is in. */
  section?: number;
}

/** Context shared by rules of one lesson. */
export interface RuleContext {
  /** Kubernetes version from the lesson frontmatter (`1.32`). */
  kubernetesVersion: string;
}
