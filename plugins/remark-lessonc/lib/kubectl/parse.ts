/**
 * Parses the words of one kubectl invocation the way kubectl does: cobra finds the command path
 * (skipping flags it knows take a value), then pflag parses every remaining word against that
 * command's flag set (its own flags, the global ones and -h/--help). Checked against kubectl v1.32:
 * - flags and positional arguments may be interleaved; `--` ends the flags;
 * - `--name=value`; `--name value` unless the flag is bool or has a NoOptDefVal (then bare `--name`
 *   is complete and a value must be attached with `=`); the separate value is taken whatever it looks like;
 * - `-abc` is a cluster of shorthands: each letter is a flag until one takes a value, which then gets
 *   the rest of the word (`-owide`, `-o=wide`), or the next word when the word ends there;
 * - no prefix matching: `--all-namespace` is unknown;
 * - an unknown first word at the root is an unknown command.
 */
import type { ShellWord } from './tokenize.ts';
import { lineEndOfValueRange, lineOffsetOfValueIndex } from './word-offsets.ts';
import { isAllowedValue } from './enumerated-values.ts';
import {
  findSubcommand,
  flagSetOf,
  rootCommand,
  type FlagSet,
  type KubectlCommand,
  type KubectlFlag,
  type KubectlGrammar,
} from './grammar.ts';

export interface ParsedFlag {
  /** Long name of the flag; for an unknown flag, what was written without dashes. */
  name: string;
  flag?: KubectlFlag;
  /** How it was written: `--output`, `-o`, or the letter's position in a cluster. */
  written: string;
  /** The word holding the flag. */
  word: ShellWord;
  /** Offsets (in the line) of the flag itself including an attached value. */
  start: number;
  end: number;
  /** The value as kubectl receives it; undefined for a bool or NoOptDefVal flag given bare. */
  value?: string;
  /** The separate word holding the value (`-n default`), if any. */
  valueWord?: ShellWord;
  /** The value was attached (`--flag=value`, `-owide`). */
  attached: boolean;
  /** Offsets of the value text, if any. */
  valueStart?: number;
  valueEnd?: number;
}

export type ParseProblem =
  | { kind: 'unknown-command'; word: ShellWord; parent: KubectlCommand; parentPath: string[] }
  | { kind: 'missing-subcommand'; command: KubectlCommand; commandPath: string[] }
  | { kind: 'unknown-flag'; written: string; word: ShellWord; start: number; end: number; shorthand: boolean }
  | { kind: 'missing-flag-value'; flag: ParsedFlag }
  | { kind: 'invalid-flag-value'; flag: ParsedFlag; reason: InvalidValueReason; detail?: string }
  | { kind: 'bad-flag-syntax'; word: ShellWord }
  /**
   * A long flag written with one dash (`-output=wide`, `-sort-by=...`): pflag reads it as a cluster
   * of shorthands. `rejected` says whether that reading fails (an unknown shorthand, a missing or
   * invalid value) or silently means something else (`-sort-by=x` is `-s ort-by=x`, the server).
   * The word is parsed as the long flag that was meant.
   */
  | { kind: 'single-dash-flag'; word: ShellWord; name: string; rejected: boolean; shorthands: string };

/** Why pflag rejects a value: what the flag's type expects (`detail`: encoding/csv's own error). */
export type InvalidValueReason = 'bool' | 'int' | 'uint' | 'int32' | 'float' | 'durationUnit' | 'duration' | 'csv' | 'keyValue' | 'keyValuePairs';

export interface ParsedInvocation {
  /** Canonical command names, e.g. ['create', 'deployment']. */
  commandPath: string[];
  command: KubectlCommand;
  commandWords: ShellWord[];
  flags: ParsedFlag[];
  /** Positional arguments before `--`. */
  positionals: ShellWord[];
  /** The `--` word, if any, and the words after it. */
  dashDash?: ShellWord;
  dashArgs: ShellWord[];
  problems: ParseProblem[];
  /** The command path stops at a placeholder or expansion (`kubectl <command>`): its arguments cannot be judged. */
  openCommand?: boolean;
}

/** cobra's stripFlags: does this flag word swallow the next word while cobra looks for subcommands? */
function takesNextWordForCommandSearch(word: string, flags: FlagSet): boolean {
  if (word.includes('=')) return false;
  if (word.startsWith('--')) {
    const flag = flags.byName.get(word.slice(2));
    return !flag || flag.takesValue;
  }
  if (word.startsWith('-') && word.length === 2) {
    const name = flags.byShorthand.get(word.slice(1));
    const flag = name ? flags.byName.get(name) : undefined;
    return !flag || flag.takesValue;
  }
  return false;
}

/** The first word cobra would take as a subcommand name, or -1. */
function firstCommandWordIndex(words: ShellWord[], taken: Set<number>, flags: FlagSet): number {
  for (let i = 0; i < words.length; i++) {
    if (taken.has(i)) continue;
    const value = words[i].value;
    if (value === '--') return -1;
    if (value.startsWith('-') && takesNextWordForCommandSearch(value, flags)) {
      // cobra stops looking when the flag is followed by a single word only.
      let next = i + 1;
      while (taken.has(next)) next++;
      let remaining = 0;
      for (let j = next; j < words.length; j++) if (!taken.has(j)) remaining++;
      if (remaining <= 1) return -1;
      i = next;
      continue;
    }
    if (value !== '' && !value.startsWith('-')) return i;
  }
  return -1;
}

export function parseKubectlArgs(grammar: KubectlGrammar, args: ShellWord[]): ParsedInvocation {
  const problems: ParseProblem[] = [];
  let command = rootCommand(grammar);
  const commandPath: string[] = [];
  const commandWords: ShellWord[] = [];
  const taken = new Set<number>();
  let openCommand = false;

  // 1. The command path, as cobra's Find does it.
  for (;;) {
    const index = firstCommandWordIndex(args, taken, flagSetOf(grammar, command));
    if (index < 0) break;
    // `kubectl <command>`, `kubectl rollout $ACTION`: the command is left to the reader.
    if (args[index].dynamic) {
      openCommand = true;
      break;
    }
    const next = findSubcommand(command, args[index].value);
    if (!next) {
      if (commandPath.length === 0) problems.push({ kind: 'unknown-command', word: args[index], parent: command, parentPath: [] });
      else if (!command.runnable || command.rejectsArgs) problems.push({ kind: 'unknown-command', word: args[index], parent: command, parentPath: [...commandPath] });
      break;
    }
    taken.add(index);
    command = next;
    commandPath.push(next.name);
    commandWords.push(args[index]);
  }
  const unknownCommand = problems.some((p) => p.kind === 'unknown-command');

  // 2. pflag over all the other words.
  const flagSet = flagSetOf(grammar, command);
  const flags: ParsedFlag[] = [];
  const positionals: ShellWord[] = [];
  const dashArgs: ShellWord[] = [];
  let dashDash: ShellWord | undefined;
  const rest = args.filter((_, i) => !taken.has(i));
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i];
    const s = word.value;
    if (dashDash) {
      dashArgs.push(word);
      continue;
    }
    if (s.length < 2 || s[0] !== '-') {
      positionals.push(word);
      continue;
    }
    if (s === '--') {
      dashDash = word;
      continue;
    }
    const at = (offset: number): number => lineOffsetOfValueIndex(word, offset);
    if (s[1] === '-') {
      const body = s.slice(2);
      if (body === '' || body[0] === '-' || body[0] === '=') {
        problems.push({ kind: 'bad-flag-syntax', word });
        continue;
      }
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      const flag = flagSet.byName.get(name);
      if (!flag) {
        problems.push({ kind: 'unknown-flag', written: `--${name}`, word, start: at(0), end: lineEndOfValueRange(word, 2 + name.length), shorthand: false });
        // pflag stops at the first error; keep going to report more (the next word is read on its own).
        continue;
      }
      const parsed: ParsedFlag = { name, flag, written: `--${name}`, word, start: word.start, end: word.end, attached: false };
      if (eq >= 0) attachValue(parsed, body.slice(eq + 1), at(2 + eq + 1));
      else if (flag.takesValue && takeValueWord(parsed, rest[i + 1], problems)) i++;
      flags.push(parsed);
      if (parsed.value !== undefined) checkValue(parsed, problems);
      continue;
    }
    const singleDash = singleDashLongFlag(s, flagSet);
    if (singleDash) {
      // Read what pflag would read, only to know whether kubectl rejects it; then parse what was meant.
      const reading = parseShorthandCluster(word, rest[i + 1], flagSet);
      problems.push({ kind: 'single-dash-flag', word, name: singleDash.name, rejected: reading.rejected, shorthands: reading.written });
      const parsed: ParsedFlag = { name: singleDash.name, flag: singleDash.flag, written: `-${singleDash.name}`, word, start: word.start, end: word.end, attached: false };
      const eq = s.indexOf('=');
      if (eq >= 0) attachValue(parsed, s.slice(eq + 1), at(eq + 1));
      else if (singleDash.flag.takesValue && takeValueWord(parsed, rest[i + 1], problems)) i++;
      flags.push(parsed);
      if (parsed.value !== undefined) checkValue(parsed, problems);
      continue;
    }
    const cluster = parseShorthandCluster(word, rest[i + 1], flagSet);
    flags.push(...cluster.flags);
    problems.push(...cluster.problems);
    if (cluster.tookNextWord) i++;
  }

  // 3. A group command (rollout, config, ...) needs one of its subcommands.
  if (!unknownCommand && !openCommand && commandPath.length > 0 && !command.runnable) {
    const extra = positionals[0];
    if (extra) problems.push({ kind: 'unknown-command', word: extra, parent: command, parentPath: [...commandPath] });
    else problems.push({ kind: 'missing-subcommand', command, commandPath: [...commandPath] });
  }

  return { commandPath, command, commandWords, flags, positionals, dashDash, dashArgs, problems, ...(openCommand ? { openCommand } : {}) };
}

/**
 * `-output=wide`, `-all`, `-sort-by=x`: one dash before a long flag's name (two letters or more).
 * Such a word is never meant as a cluster of shorthands, even where pflag can read it as one.
 */
function singleDashLongFlag(word: string, flags: FlagSet): { name: string; flag: KubectlFlag } | undefined {
  const match = /^-([A-Za-z][A-Za-z0-9-]+)(?:=|$)/.exec(word);
  const flag = match ? flags.byName.get(match[1]) : undefined;
  return match && flag ? { name: match[1], flag } : undefined;
}

/** `-abc` as pflag reads it: each letter a flag until one takes a value (the rest of the word, or the next word). */
function parseShorthandCluster(word: ShellWord, next: ShellWord | undefined, flagSet: FlagSet): { flags: ParsedFlag[]; problems: ParseProblem[]; tookNextWord: boolean; rejected: boolean; written: string } {
  const flags: ParsedFlag[] = [];
  const problems: ParseProblem[] = [];
  let tookNextWord = false;
  const s = word.value;
  const at = (offset: number): number => lineOffsetOfValueIndex(word, offset);
  let shorthands = s.slice(1);
  let offset = 1;
  while (shorthands.length > 0) {
    const letter = shorthands[0];
    const name = flagSet.byShorthand.get(letter);
    const flag = name ? flagSet.byName.get(name) : undefined;
    if (!name || !flag) {
      problems.push({ kind: 'unknown-flag', written: `-${letter}`, word, start: at(offset), end: lineEndOfValueRange(word, offset + 1), shorthand: true });
      break;
    }
    const parsed: ParsedFlag = { name, flag, written: `-${letter}`, word, start: at(offset === 1 ? 0 : offset), end: lineEndOfValueRange(word, offset + 1), attached: false };
    flags.push(parsed);
    if (shorthands.length > 2 && shorthands[1] === '=') {
      attachValue(parsed, shorthands.slice(2), at(offset + 2));
    } else if (!flag.takesValue) {
      shorthands = shorthands.slice(1);
      offset++;
      continue;
    } else if (shorthands.length > 1) {
      attachValue(parsed, shorthands.slice(1), at(offset + 1));
    } else if (takeValueWord(parsed, next, problems)) tookNextWord = true;
    if (parsed.value !== undefined) checkValue(parsed, problems);
    break;
  }
  const rejected = problems.length > 0 || flags.some((flag) => flag.name !== 'output' && !isAllowedValue(flag));
  const written = flags.map((flag) => (flag.value !== undefined ? `${flag.written} ${flag.value}` : flag.written)).join(' ');
  return { flags, problems, tookNextWord, rejected, written };
}

/** A value written in the flag's own word (`--flag=value`, `-owide`, `-o=wide`): it runs to the word's end. */
function attachValue(parsed: ParsedFlag, value: string, valueStart: number): void {
  parsed.value = value;
  parsed.attached = true;
  parsed.valueStart = valueStart;
  // A closing quote is not part of the value.
  parsed.valueEnd = value.length ? lineEndOfValueRange(parsed.word, parsed.word.value.length) : valueStart;
  parsed.end = parsed.word.end;
}

/** The next word as the flag's value (`-n default`); without one, a missing value. True when taken. */
function takeValueWord(parsed: ParsedFlag, valueWord: ShellWord | undefined, problems: ParseProblem[]): boolean {
  if (!valueWord) {
    problems.push({ kind: 'missing-flag-value', flag: parsed });
    return false;
  }
  parsed.value = valueWord.value;
  parsed.valueWord = valueWord;
  parsed.valueStart = lineOffsetOfValueIndex(valueWord, 0);
  parsed.valueEnd = valueWord.value.length ? lineEndOfValueRange(valueWord, valueWord.value.length) : parsed.valueStart;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Value checks pflag itself does (Go's strconv / time / encoding/csv), so kubectl rejects them.

/** strconv.ParseBool: the words for true, and all it accepts. */
const goTrue = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const goBools = new Set([...goTrue, '0', 'f', 'F', 'FALSE', 'false', 'False']);

/** Any value strconv.ParseBool accepts. */
export function isGoBool(value: string): boolean {
  return goBools.has(value);
}

/** A bool flag's value as kubectl reads it (`--flag=T` is true). */
export function isGoTrue(value: string): boolean {
  return goTrue.has(value);
}
const goInt = /^[+-]?(?:0[xX]_?[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*|0[bB]_?[01]+(?:_[01]+)*|0[oO]?_?[0-7]+(?:_[0-7]+)*|[1-9][0-9]*(?:_[0-9]+)*|0)$/;
const goDuration = /^[+-]?(?:0|(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/;
const goFloat = /^[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[iI][nN][fF](?:[iI][nN][iI][tT][yY])?|[nN][aA][nN]|0[xX][0-9a-fA-F.]+[pP][+-]?\d+)$/;

/** encoding/csv (default settings) on one record: why it fails, or null. */
export function csvRecordError(value: string): string | null {
  let i = 0;
  while (i <= value.length) {
    if (value[i] === '"') {
      i++;
      for (;;) {
        const close = value.indexOf('"', i);
        if (close < 0) return 'extraneous or missing " in quoted-field';
        if (value[close + 1] === '"') {
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      if (i < value.length && value[i] !== ',') return 'extraneous or missing " in quoted-field';
    } else {
      const comma = value.indexOf(',', i);
      const field = value.slice(i, comma < 0 ? value.length : comma);
      if (field.includes('"')) return 'bare " in non-quoted-field';
      i += field.length;
    }
    if (i >= value.length) break;
    i++; // the comma
  }
  return null;
}

function checkValue(parsed: ParsedFlag, problems: ParseProblem[]): void {
  const flag = parsed.flag;
  const value = parsed.value;
  // `--replicas=<n>`, `--port $PORT`: the value is the reader's to fill in.
  if (!flag || value === undefined || (parsed.valueWord ?? parsed.word).dynamic) return;
  const reject = (reason: InvalidValueReason, detail?: string): void => {
    problems.push({ kind: 'invalid-flag-value', flag: parsed, reason, ...(detail ? { detail } : {}) });
  };
  switch (flag.type) {
    case 'bool':
      if (!goBools.has(value)) reject('bool');
      break;
    case 'int':
    case 'int64':
    case 'int32':
    case 'uint':
      if (!goInt.test(value) || (flag.type === 'uint' && value.startsWith('-'))) reject(flag.type === 'uint' ? 'uint' : 'int');
      else if (flag.type === 'int32') {
        const number = Number(value.replace(/_/g, ''));
        if (!Number.isFinite(number) || number > 2147483647 || number < -2147483648) reject('int32');
      }
      break;
    case 'float':
      if (!goFloat.test(value)) reject('float');
      break;
    case 'duration':
      if (!goDuration.test(value)) reject(/^[+-]?\d+(\.\d+)?$/.test(value) ? 'durationUnit' : 'duration');
      break;
    case 'stringSlice': {
      const error = csvRecordError(value);
      if (error) reject('csv', error);
      break;
    }
    case 'stringToString':
      if (!value.includes('=')) reject('keyValue');
      else if ((value.match(/=/g) ?? []).length > 1) {
        const error = csvRecordError(value);
        if (error) reject('csv', error);
        else if (value.split(',').some((item) => !item.includes('='))) reject('keyValuePairs');
      }
      break;
    default:
      break;
  }
}

/** Positional words of an invocation, with the words after `--` (what cobra passes as args). */
export function allArgs(parsed: ParsedInvocation): ShellWord[] {
  return [...parsed.positionals, ...parsed.dashArgs];
}

/** The last parsed occurrence of a flag (pflag: the last one wins). */
export function flagValue(parsed: ParsedInvocation, name: string): ParsedFlag | undefined {
  for (let i = parsed.flags.length - 1; i >= 0; i--) if (parsed.flags[i].name === name) return parsed.flags[i];
  return undefined;
}
