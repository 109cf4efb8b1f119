/**
 * Line-level recognizers for instructor notes: what a single line (or a run of lines starting at one)
 * is. The notes are plain text copied from slides and terminals, so every test here is a heuristic;
 * each one says which kind of real line it was written for.
 */
import { promptAt, SHELL_PROGRAMS } from '../extract/prompts.ts';

/** One line of the notes, with its indentation measured the way Markdown does (tab stops of 4). */
export interface NoteLine {
  /** The line exactly as in the notes (line ending removed). */
  raw: string;
  /** The line without leading and trailing whitespace. */
  text: string;
  /** Visual width of the leading whitespace. */
  indent: number;
  /** Empty or whitespace only. */
  blank: boolean;
}

export function splitNoteLines(notes: string): NoteLine[] {
  const normalized = notes.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const raws = normalized.split('\n');
  // A final newline ends the last line; it does not start an empty one.
  if (raws.at(-1) === '') raws.pop();
  return raws.map((raw) => {
    const text = raw.trim();
    return { raw, text, indent: indentWidth(raw), blank: text === '' };
  });
}

function indentWidth(raw: string): number {
  let width = 0;
  for (const char of raw) {
    if (char === ' ') width += 1;
    else if (char === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

export function hasHangul(text: string): boolean {
  return HANGUL.test(text);
}

// ---------------------------------------------------------------------------------------------
// Commands

/** `# cmd` — in these notes `#` at the start of a line is the root prompt, not a Markdown heading. */
const ROOT_PROMPT = /^#(\s*)(\S.*)$/;
/** The first word after `#` must look like a program (`kubectl`, `./run.sh`, `/usr/bin/x`). */
const PROGRAM_WORD = /^(?:[a-z][a-z0-9._+-]*|\.{0,2}\/[\w./-]*)$/;

/** The command of a prompt line (`# kubectl get pods` → `kubectl get pods`), or null. */
export function promptCommand(line: NoteLine): string | null {
  const text = line.text;
  // The prompts a terminal prints (`$ `, `user@host:~$ `, `controlplane $ `, `root@host ~ ➜ `): the checker's own.
  const prompt = promptAt(text);
  if (prompt?.strength === 'strong') return text.slice(prompt.length).trimEnd();
  // In raw notes `#` at the start of a line is the root prompt before any program, not only
  // before kubectl as in a lesson's snippet (where it may be a comment).
  const root = ROOT_PROMPT.exec(text);
  if (root) {
    const command = root[2]!;
    const program = command.split(/\s+/, 1)[0]!;
    // `#kubectl` (no space) is still a prompt for a known program; `#태그` or `#!/bin/sh` is not.
    if (PROGRAM_WORD.test(program) && (root[1] !== '' || SHELL_PROGRAMS.has(program))) return command.trimEnd();
  }
  return null;
}

/** A command typed without a prompt: `cat redis.yaml`, `kubectl get pods -o wide`. */
export function bareCommand(line: NoteLine): string | null {
  const text = line.text;
  const program = text.split(/\s+/, 1)[0]!;
  if (!SHELL_PROGRAMS.has(program)) return null;
  // Prose that happens to start with a program name has Korean in it or ends like a sentence.
  if (!/^[\x20-\x7e\t]+$/.test(text) || /[.?!,:]$/.test(text)) return null;
  return text;
}

export function lineCommand(line: NoteLine): string | null {
  return promptCommand(line) ?? bareCommand(line);
}

// ---------------------------------------------------------------------------------------------
// Lists and questions

export interface QuestionLine {
  /** `12.` or `3)` as written. */
  marker: string;
  /** The whitespace between the marker and the text (kept so the line reads as written). */
  gap: string;
  text: string;
}

export function questionLine(line: NoteLine): QuestionLine | null {
  if (line.indent > 3) return null;
  const match = /^(\d{1,9}[.)])([ \t]+)(\S.*)$/.exec(line.text);
  if (!match) return null;
  return { marker: match[1]!, gap: normalizeGap(match[2]!), text: match[3]! };
}

export interface BulletLine {
  marker: '-' | '*' | '+';
  gap: string;
  text: string;
}

export function bulletLine(line: NoteLine): BulletLine | null {
  const match = /^([-*+])([ \t]+)(\S.*)$/.exec(line.text);
  if (!match) return null;
  return { marker: match[1] as BulletLine['marker'], gap: normalizeGap(match[2]!), text: match[3]! };
}

/** Up to four spaces keep their width; tabs or wider gaps become one space (5+ would open code). */
function normalizeGap(gap: string): string {
  return /^ {1,4}$/.test(gap) ? gap : ' ';
}

/**
 * An indented `term: definition` line whose definition is prose, e.g.
 * `\tperiodSeconds: health check 반복 실행 시간(초)` — a definition list, not YAML.
 */
export function isDefinitionLine(line: NoteLine): boolean {
  return line.indent > 0 && /^[^\s:][^:]*:\s+\S/.test(line.text);
}

// ---------------------------------------------------------------------------------------------
// YAML

/** `key:`, `key: value`, `- key: value`, `"key": value` */
const KEY_LINE = /^(?:-[ \t]+)?["']?[A-Za-z_][\w.\/-]*["']?[ \t]*:(?:[ \t]|$)/;
/** A mapping key opening a nested block: `livenessProbe:` — or with the colon forgotten: `livenessProbe`. */
const OPENING_KEY = /^(?:[a-z][\w.-]*[ \t]*:|[a-z][A-Za-z0-9]*)$/;
/** First line of a manifest, including the misspelled `apiVerison:` seen in notes. */
const MANIFEST_START = /^(?:api[A-Za-z]*|kind)[ \t]*:/i;
/** `port: 80`, `image: "nginx:1.14"`, `args: [a, b]` — a value that is a YAML scalar, not a sentence. */
const SCALAR_ENTRY = /^(?:-[ \t]+)?[a-z][\w.-]*[ \t]*:[ \t]*(?:[^\s"'[{]*|"[^"]*"|'[^']*'|\[.*\]|\{.*\})$/;

function isKeyLine(line: NoteLine): boolean {
  return KEY_LINE.test(line.text) && !hasHangul(line.text);
}

function isSequenceItem(line: NoteLine): boolean {
  return /^-(?:[ \t]|$)/.test(line.text);
}

/** Index of the first non-blank line at or after `from`, or -1. */
export function nextNonBlank(lines: NoteLine[], from: number): number {
  for (let i = from; i < lines.length; i++) if (!lines[i]!.blank) return i;
  return -1;
}

/**
 * If a YAML block (a manifest, or a fragment such as a bare `livenessProbe` block) starts at line
 * `start`, returns the index after its last line; otherwise -1. Lines are matched loosely — tabs,
 * missing colons (`port 80`) — because the block is copied byte for byte, not parsed.
 */
export function yamlBlockEnd(lines: NoteLine[], start: number): number {
  const first = lines[start]!;
  if (first.blank) return -1;
  const flowEnd = flowManifestEnd(lines, start);
  if (flowEnd !== -1) return flowEnd;
  if (!startsYamlBlock(lines, start)) return -1;
  const base = first.indent;
  let last = start;
  let previous = first;
  let i = start + 1;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.blank) {
      // Blank lines inside a manifest are kept; blank lines after it are not part of it.
      const next = nextNonBlank(lines, i);
      if (next === -1 || !continuesYamlAfterBlank(lines[next]!, base, previous)) break;
      i = next;
      continue;
    }
    if (!continuesYaml(line, base, previous)) break;
    last = i;
    previous = line;
    i++;
  }
  return last + 1;
}

/**
 * A flow-style manifest (KYAML, or JSON): `{` (maybe after `---`) at column 0, `apiVersion` on the next
 * line, and everything up to the `}` back at column 0.
 */
function flowManifestEnd(lines: NoteLine[], start: number): number {
  let open = start;
  if (lines[open]!.raw === '---') open++;
  if (lines[open]?.raw.trimEnd() !== '{' || !/^"?api\w*"?\s*:/i.test(lines[open + 1]?.text ?? '')) return -1;
  for (let i = open + 2; i < lines.length; i++) {
    if (/^}\s*$/.test(lines[i]!.raw)) return i + 1;
  }
  return -1;
}

function startsYamlBlock(lines: NoteLine[], start: number): boolean {
  const first = lines[start]!;
  const following = lines[start + 1];
  if (first.indent === 0 && MANIFEST_START.test(first.text) && !hasHangul(first.text)) {
    const next = nextNonBlank(lines, start + 1);
    return next !== -1 && (isKeyLine(lines[next]!) || lines[next]!.indent > 0);
  }
  if (!following || following.blank || hasHangul(first.text)) return false;
  if (OPENING_KEY.test(first.text)) {
    return following.indent > first.indent && (isKeyLine(following) || isSequenceItem(following));
  }
  if (SCALAR_ENTRY.test(first.text) && isSequenceItem(first)) {
    // `- name: nginx` followed by `  image: nginx` is a list entry of a manifest, not a bullet.
    return following.indent > first.indent && isKeyLine(following);
  }
  if (SCALAR_ENTRY.test(first.text)) {
    // Two `key: scalar` lines in a row (`port: 80` / `protocol: TCP`).
    return following.indent === first.indent && SCALAR_ENTRY.test(following.text) && !hasHangul(following.text);
  }
  return false;
}

function continuesYaml(line: NoteLine, base: number, previous: NoteLine): boolean {
  if (line.indent > base) return true;
  if (line.indent < base) return false;
  if (isKeyLine(line)) return true;
  // `containers:` followed by `- name: x` at the same indentation is valid YAML.
  if (isSequenceItem(line)) return /:\s*$/.test(previous.text) || (previous.indent === base && isSequenceItem(previous));
  return base === 0 && /^(?:---|\.\.\.)$/.test(line.text);
}

function continuesYamlAfterBlank(line: NoteLine, base: number, previous: NoteLine): boolean {
  if (line.indent > base) {
    // Indented prose after a blank line is commentary, not more of the manifest.
    return (isKeyLine(line) || isSequenceItem(line) || line.text.startsWith('#')) && !hasHangul(line.text);
  }
  return continuesYaml(line, base, previous);
}

// ---------------------------------------------------------------------------------------------
// Command output

/** `Liveness:       http-get http://:80/ ...` — a `kubectl describe` field, aligned with 2+ spaces. */
const DESCRIBE_FIELD = /^[A-Z][\w.()\/-]*(?: [\w.()\/-]+)*:(?: {2,}|\t)\S/;
const TABLE_COLUMN = String.raw`[A-Z][A-Z0-9_()\/.%-]*(?: [A-Z][A-Z0-9_()\/.%-]*)*`;
/** `NAME   READY   STATUS   RESTARTS   AGE` */
const TABLE_HEADER = new RegExp(`^${TABLE_COLUMN}(?:(?: {2,}|\\t+)${TABLE_COLUMN})+$`);
/** `pod/nginx created`, `error: ...`, `Warning: ...` */
const RESULT_LINE = /^(?:[\w.-]+\/[\w.-]+ (?:created|deleted|configured|edited|unchanged|replaced|patched|labeled|annotated|exposed|scaled|restarted)\b|(?:error|Error|warning|Warning|W\d{4}|E\d{4})\b)/;

function looksLikeOutputStart(line: NoteLine, afterCommand: boolean): boolean {
  if (line.indent > 3 || hasHangul(line.text)) return false;
  if (DESCRIBE_FIELD.test(line.text) || TABLE_HEADER.test(line.text)) return true;
  // Right under a command (no blank line), column-aligned text is what the command printed.
  return afterCommand && (/\S(?: {2,}|\t+)\S/.test(line.text) || RESULT_LINE.test(line.text));
}

/**
 * If command output (a describe field with its aligned annotation lines, a table) starts at `start`,
 * returns the index after it; otherwise -1. The block runs to the next blank line.
 */
export function outputBlockEnd(lines: NoteLine[], start: number, afterCommand: boolean): number {
  if (!looksLikeOutputStart(lines[start]!, afterCommand)) return -1;
  let i = start + 1;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.blank || promptCommand(line) || questionLine(line) || (line.indent === 0 && bulletLine(line))) break;
    i++;
  }
  return i;
}

// ---------------------------------------------------------------------------------------------
// Topics

/** Short lines that label a topic: `Pod 관리하기`, `EXAMPLE`, `init container`. */
export function isTopicLine(line: NoteLine): boolean {
  const text = line.text;
  if (line.indent > 0 || Array.from(text).length > 50 || text.split(/\s+/).length > 10) return false;
  if (!/^[\p{L}\p{N}]/u.test(text)) return false;
  // Sentences (ending punctuation, Korean sentence endings) and `key: value` lines are prose.
  if (/[.。?？!！,:;、]$/.test(text) || /(?:다|요|음|함|임|됨|시오)$/.test(text)) return false;
  if (/:\s/.test(text) || /^\d+[.)](?:\s|$)/.test(text)) return false;
  return true;
}

/**
 * A short line that reads as the start of a wrapped sentence rather than a topic: it has a comma or
 * ends in a Korean particle or conjunction (`… 컨트롤 그룹(cgroup) 및`, `파드에는`). Only asked when
 * prose follows on the next line.
 */
export function looksLikeWrappedProse(line: NoteLine): boolean {
  return /,/.test(line.text) || /(?:[\uac00-\ud7af](?:은|는|을|를|의|에|와|과|에서|으로)|\s및|\s(?:and|or|of|the|to|with|a|an))$/i.test(line.text);
}

/**
 * The headings that open a Q&A section. Mirrors `QA_HEADING` in `extract/questions.ts`, so that every
 * section the importer writes as questions is read back as questions by the compiler.
 */
export const QA_HEADING = /^(question\s*(?:&|and)\s*answers?|q\s*&\s*a|문제|퀴즈|quiz)$/i;

/** Labels copied from a slide template (`학습내용`, `파트`): never the lesson title. */
const GENERIC_LABEL =
  /^(?:학습\s*내용|학습\s*목표|파트|목차|개요|차례|내용|강의(?:\s*노트)?|노트|메모|정리|요약|단원|챕터|주제|part|chapter|lesson|contents?|agenda|overview|notes?|toc|table of contents|summary|topics?|section|unit)(?:\s*[:.-]?\s*\d+)?$/i;

export function isGenericLabel(text: string): boolean {
  return GENERIC_LABEL.test(text.trim());
}

