/**
 * A small POSIX-shell tokenizer, just enough to find kubectl invocations in the command lines of a
 * lesson and to know, for every word, where it is in the line. It does not expand anything: a word
 * holding `$VAR`, `$(...)` or backticks keeps its literal text and is marked `dynamic`.
 */
import { isKubectlTypo } from './program-typo.ts';
import { anglePlaceholderLengthAt, isPlaceholder, placeholderRanges } from '../placeholder.ts';

export interface ShellWord {
  /** The word after quote removal and backslash unescaping (what the program receives). */
  value: string;
  /** The word as written. */
  raw: string;
  /** Offsets of the raw word in the line (UTF-16), end exclusive. */
  start: number;
  end: number;
  /**
   * Contains an expansion (`$x`, `${x}`, `$(...)`, backticks, a brace expansion `{1..3}`) or a
   * placeholder (`<pod-name>`, `...`) whose value is unknown here: it satisfies any argument.
   */
  dynamic: boolean;
  /** Holds a placeholder the author left for the reader to fill in (`<pod-name>`, `{name}`, `...`). */
  placeholder?: boolean;
}

/** A `$(...)` or backtick command substitution: its inner text and where that text starts. */
export interface CommandSubstitution {
  text: string;
  start: number;
}

/** One simple command: the words between operators (`|`, `&&`, `||`, `;`, `&`), redirections removed. */
export interface SimpleCommand {
  words: ShellWord[];
}

export interface TokenizedLine {
  commands: SimpleCommand[];
  substitutions: CommandSubstitution[];
  /** A here-document opened on this line (`<<EOF`, `<<-'EOF'`): its terminator word. */
  heredocTerminators: string[];
}

const operatorChars = new Set(['|', '&', ';', '(', ')']);

/**
 * Splits one (already continuation-joined) shell line into simple commands and words.
 * `#` starts a comment only at the start of a word, as in the shell.
 */
export function tokenizeShellLine(line: string): TokenizedLine {
  const commands: SimpleCommand[] = [];
  const substitutions: CommandSubstitution[] = [];
  const heredocTerminators: string[] = [];
  let words: ShellWord[] = [];
  let pendingRedirection = false;
  let pendingHeredoc = false;

  const endCommand = (): void => {
    if (words.length) commands.push({ words });
    words = [];
  };

  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      i++;
      continue;
    }
    if (ch === '#') break;
    if (ch === '<' && anglePlaceholderLengthAt(line, i) > 0) {
      // `<pod-name>` is a placeholder word, not a redirection.
      const word = readWord(line, i, substitutions);
      i = word.end;
      if (pendingRedirection) pendingRedirection = pendingHeredoc = false;
      else words.push(word);
      continue;
    }
    if (operatorChars.has(ch)) {
      // `|&`, `||`, `&&`, `;;`: all end the simple command.
      if (ch === '&' && line[i + 1] === '>') {
        // `&>file` redirects stdout and stderr.
        i += line[i + 2] === '>' ? 3 : 2;
        pendingRedirection = true;
        continue;
      }
      endCommand();
      i += line[i + 1] === ch || (ch === '|' && line[i + 1] === '&') ? 2 : 1;
      continue;
    }
    // Redirection operators, optionally with a file descriptor number: `>`, `>>`, `2>`, `2>&1`, `<`, `<<EOF`, `<<<`.
    const redirection = /^(\d*)(>>|>&|>\||>|<<<|<<-|<<|<&|<>|<)/.exec(line.slice(i));
    if (redirection && (redirection[1] === '' || /[<>]/.test(line[i + redirection[1].length]))) {
      i += redirection[0].length;
      const operator = redirection[2];
      if ((operator === '>&' || operator === '<&') && /^[\d-]/.test(line.slice(i).trimStart())) {
        // `2>&1`, `>&-`: the target is a descriptor, consumed here.
        while (i < line.length && (line[i] === ' ')) i++;
        while (i < line.length && /[\d-]/.test(line[i])) i++;
        continue;
      }
      pendingRedirection = true;
      pendingHeredoc = operator === '<<' || operator === '<<-';
      continue;
    }
    const word = readWord(line, i, substitutions);
    i = word.end;
    if (pendingRedirection) {
      pendingRedirection = false;
      if (pendingHeredoc) heredocTerminators.push(word.value);
      pendingHeredoc = false;
      continue;
    }
    words.push(word);
  }
  endCommand();
  return { commands, substitutions, heredocTerminators };
}

/** Reads one word starting at `start`, handling quotes, escapes and substitutions. */
function readWord(line: string, start: number, substitutions: CommandSubstitution[]): ShellWord {
  let value = '';
  let dynamic = false;
  let i = start;
  /** Reads an expansion at `i` into the word (kept literally, marking it dynamic); false when there is none. */
  const expansionAt = (): boolean => {
    if (line[i] !== '$' && line[i] !== '`') return false;
    const expansion = readExpansion(line, i, substitutions);
    if (!expansion) return false;
    value += line.slice(i, expansion.end);
    dynamic = true;
    i = expansion.end;
    return true;
  };
  while (i < line.length) {
    const ch = line[i];
    if (ch === '<') {
      const length = anglePlaceholderLengthAt(line, i);
      if (length > 0) {
        value += line.slice(i, i + length);
        i += length;
        continue;
      }
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === '<' || ch === '>' || operatorChars.has(ch)) break;
    if (ch === '\\') {
      if (i + 1 < line.length) value += line[i + 1];
      i += 2;
      continue;
    }
    if (ch === "'") {
      const close = line.indexOf("'", i + 1);
      const end = close < 0 ? line.length : close;
      value += line.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`\n'.includes(line[i + 1])) {
          value += line[i + 1];
          i += 2;
          continue;
        }
        if (expansionAt()) continue;
        value += line[i];
        i++;
      }
      i++;
      continue;
    }
    if (expansionAt()) continue;
    value += ch;
    i++;
  }
  const end = Math.min(i, line.length);
  const raw = line.slice(start, end);
  const placeholder = holdsPlaceholder(value);
  return { value, raw, start, end, dynamic: dynamic || placeholder || braceExpansion(raw), ...(placeholder ? { placeholder } : {}) };
}

/**
 * A word standing for a value to fill in: wholly a placeholder (`{claimName}`, `${NAME}`), or holding
 * `<name>`, `...` or `…` (`nginx:<tag>`). A `{...}` inside a longer word is a template
 * (`jsonpath={.items[0]}`, `{{.metadata.name}}`), not a placeholder.
 */
function holdsPlaceholder(value: string): boolean {
  if (isPlaceholder(value)) return true;
  return placeholderRanges(value).some(([from]) => value[from] === '<' || value[from] === '.' || value[from] === '…');
}

/** `web-{1..3}`, `{a,b}`: the shell makes several words of it (outside quotes). */
function braceExpansion(raw: string): boolean {
  return !/['"]/.test(raw) && /\{[^{}\s]*(?:,|\.\.)[^{}\s]*\}/.test(raw);
}

/** `$name`, `${...}`, `$(...)`, `$((...))` or a backtick substitution starting at `start`. */
function readExpansion(line: string, start: number, substitutions: CommandSubstitution[]): { end: number } | null {
  if (line[start] === '`') {
    let i = start + 1;
    while (i < line.length && line[i] !== '`') i += line[i] === '\\' ? 2 : 1;
    substitutions.push({ text: line.slice(start + 1, Math.min(i, line.length)), start: start + 1 });
    return { end: Math.min(i + 1, line.length) };
  }
  const next = line[start + 1];
  if (next === '(' || next === '{') {
    const close = next === '(' ? ')' : '}';
    let depth = 0;
    let i = start + 1;
    for (; i < line.length; i++) {
      const c = line[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === "'" && next === '(') {
        const q = line.indexOf("'", i + 1);
        i = q < 0 ? line.length : q;
        continue;
      }
      if (c === next) depth++;
      else if (c === close && --depth === 0) break;
    }
    if (next === '(' && line[start + 2] !== '(') substitutions.push({ text: line.slice(start + 2, Math.min(i, line.length)), start: start + 2 });
    return { end: Math.min(i + 1, line.length) };
  }
  const name = /^\$(?:[A-Za-z_][A-Za-z0-9_]*|[0-9#?$!@*-])/.exec(line.slice(start));
  return name ? { end: start + name[0].length } : null;
}

/** The words of a kubectl invocation, after the `kubectl` (or `k`) word itself. */
export interface KubectlInvocation {
  /** The `kubectl` word. */
  program: ShellWord;
  args: ShellWord[];
  /** Offset in the line where the invocation ends (end of its last word). */
  end: number;
  /** The program word is a typo of `kubectl` (`kubctl`), read as kubectl. */
  misspelt?: boolean;
}

const kubectlNames = new Set(['kubectl', 'k', 'kubectl.exe']);

/** Commands that run their arguments as a command, with the options that take a value. */
const wrapperValueOptions: Record<string, Set<string>> = {
  sudo: new Set(['-u', '-g', '-C', '-h', '-p', '-U', '-r', '-t', '-D']),
  watch: new Set(['-n', '--interval', '-d']),
  xargs: new Set(['-n', '-I', '-L', '-P', '-d', '-s', '-a', '-E', '-i']),
  env: new Set(['-u', '-C', '-S']),
  time: new Set(['-f', '-o']),
  nohup: new Set(),
  command: new Set(),
  exec: new Set(),
  timeout: new Set(['-s', '-k', '--signal', '--kill-after']),
};

/** Finds the kubectl invocation of a simple command, looking through env prefixes and wrappers. */
export function kubectlInvocationOf(command: SimpleCommand): KubectlInvocation | null {
  const words = command.words;
  let i = 0;
  while (i < words.length) {
    const word = words[i];
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word.raw)) {
      i++;
      continue;
    }
    const program = word.value.replace(/^.*\//, '');
    if ((kubectlNames.has(program) || isKubectlTypo(program)) && !word.dynamic) {
      const args = words.slice(i + 1);
      return { program: word, args, end: (args.length ? args[args.length - 1] : word).end, ...(kubectlNames.has(program) ? {} : { misspelt: true }) };
    }
    const valueOptions = wrapperValueOptions[program];
    if (!valueOptions) return null;
    i++;
    // timeout's first operand is the duration.
    let durationPending = program === 'timeout';
    while (i < words.length) {
      const option = words[i].value;
      if (option.startsWith('-') && option !== '-') {
        i += valueOptions.has(option) ? 2 : 1;
      } else if (durationPending) {
        durationPending = false;
        i++;
      } else break;
    }
  }
  return null;
}

/** Every kubectl invocation of a line, including those inside `$(...)` and backticks. */
export function findKubectlInvocations(line: string): KubectlInvocation[] {
  const tokenized = tokenizeShellLine(line);
  const found: KubectlInvocation[] = [];
  for (const command of tokenized.commands) {
    const invocation = kubectlInvocationOf(command);
    if (invocation) found.push(invocation);
  }
  for (const substitution of tokenized.substitutions) {
    for (const inner of findKubectlInvocations(substitution.text)) found.push(shiftInvocation(inner, substitution.start));
  }
  return found.sort((a, b) => a.program.start - b.program.start);
}

function shiftWord(word: ShellWord, delta: number): ShellWord {
  return { ...word, start: word.start + delta, end: word.end + delta };
}

function shiftInvocation(invocation: KubectlInvocation, delta: number): KubectlInvocation {
  return { program: shiftWord(invocation.program, delta), args: invocation.args.map((w) => shiftWord(w, delta)), end: invocation.end + delta };
}
