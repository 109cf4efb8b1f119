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
  | { kind: 'invalid-flag-value'; flag: ParsedFlag; reason: string }
  | { kind: 'bad-flag-syntax'; word: ShellWord };

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

  // 1. The command path, as cobra's Find does it.
  for (;;) {
    const index = firstCommandWordIndex(args, taken, flagSetOf(grammar, command));
    if (index < 0) break;
    const next = findSubcommand(command, args[index].value);
    if (!next) {
      if (commandPath.length === 0) problems.push({ kind: 'unknown-command', word: args[index], parent: command, parentPath: [] });
      else if (!command.runnable) problems.push({ kind: 'unknown-command', word: args[index], parent: command, parentPath: [...commandPath] });
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
    // Offsets inside the raw word map 1:1 to the value only for unquoted words; otherwise use the whole word.
    const plain = word.raw === s;
    const at = (offset: number): number => (plain ? word.start + offset : offset <= 0 ? word.start : word.end);
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
        problems.push({ kind: 'unknown-flag', written: `--${name}`, word, start: at(0), end: plain ? at(2 + name.length) : word.end, shorthand: false });
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
    // A shorthand cluster.
    let shorthands = s.slice(1);
    let offset = 1;
    while (shorthands.length > 0) {
      const letter = shorthands[0];
      const name = flagSet.byShorthand.get(letter);
      const flag = name ? flagSet.byName.get(name) : undefined;
      if (!name || !flag) {
        problems.push({ kind: 'unknown-flag', written: `-${letter}`, word, start: at(offset), end: plain ? at(offset + 1) : word.end, shorthand: true });
        break;
      }
      const parsed: ParsedFlag = { name, flag, written: `-${letter}`, word, start: at(offset === 1 ? 0 : offset), end: at(offset + 1), attached: false };
      flags.push(parsed);
      if (shorthands.length > 2 && shorthands[1] === '=') {
        attachValue(parsed, shorthands.slice(2), at(offset + 2));
      } else if (!flag.takesValue) {
        shorthands = shorthands.slice(1);
        offset++;
        continue;
      } else if (shorthands.length > 1) {
        attachValue(parsed, shorthands.slice(1), at(offset + 1));
      } else if (takeValueWord(parsed, rest[i + 1], problems)) i++;
      if (parsed.value !== undefined) checkValue(parsed, problems);
      break;
    }
  }

  // 3. A group command (rollout, config, ...) needs one of its subcommands.
  if (!unknownCommand && commandPath.length > 0 && !command.runnable) {
    const extra = positionals[0];
    if (extra) problems.push({ kind: 'unknown-command', word: extra, parent: command, parentPath: [...commandPath] });
    else problems.push({ kind: 'missing-subcommand', command, commandPath: [...commandPath] });
  }

  return { commandPath, command, commandWords, flags, positionals, dashDash, dashArgs, problems };
}

/** A value written in the flag's own word (`--flag=value`, `-owide`, `-o=wide`): it runs to the word's end. */
function attachValue(parsed: ParsedFlag, value: string, valueStart: number): void {
  parsed.value = value;
  parsed.attached = true;
  parsed.valueStart = valueStart;
  parsed.valueEnd = parsed.word.end;
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
  parsed.valueStart = valueWord.start;
  parsed.valueEnd = valueWord.end;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Value checks pflag itself does (Go's strconv / time / encoding/csv), so kubectl rejects them.

/** strconv.ParseBool: the words for true, and all it accepts. */
const goTrue = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const goBools = new Set([...goTrue, '0', 'f', 'F', 'FALSE', 'false', 'False']);

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

function csvReason(value: string): string | null {
  const error = csvRecordError(value);
  return error && `expected comma-separated values (${error})`;
}

function checkValue(parsed: ParsedFlag, problems: ParseProblem[]): void {
  const flag = parsed.flag;
  const value = parsed.value;
  if (!flag || value === undefined) return;
  let reason: string | null = null;
  switch (flag.type) {
    case 'bool':
      if (!goBools.has(value)) reason = `expected a boolean (true or false)`;
      break;
    case 'int':
    case 'int64':
    case 'int32':
    case 'uint':
      if (!goInt.test(value) || (flag.type === 'uint' && value.startsWith('-'))) reason = `expected ${flag.type === 'uint' ? 'a non-negative integer' : 'an integer'}`;
      else if (flag.type === 'int32') {
        const number = Number(value.replace(/_/g, ''));
        if (!Number.isFinite(number) || number > 2147483647 || number < -2147483648) reason = 'expected an integer that fits in 32 bits';
      }
      break;
    case 'float':
      if (!goFloat.test(value)) reason = 'expected a number';
      break;
    case 'duration':
      if (!goDuration.test(value)) reason = /^[+-]?\d+(\.\d+)?$/.test(value) ? 'expected a duration with a unit, e.g. `30s`' : 'expected a duration, e.g. `30s` or `5m`';
      break;
    case 'stringSlice':
      reason = csvReason(value);
      break;
    case 'stringToString':
      if (!value.includes('=')) reason = 'expected `key=value`';
      else if ((value.match(/=/g) ?? []).length > 1) {
        reason = csvReason(value);
        if (!reason && value.split(',').some((item) => !item.includes('='))) reason = 'expected `key=value` pairs';
      }
      break;
    default:
      break;
  }
  if (reason) problems.push({ kind: 'invalid-flag-value', flag: parsed, reason });
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
