/**
 * What an editor asks about a shell snippet: what the kubectl flag or subcommand under the cursor
 * means (kubectl's own help text) and which subcommands, flags or resource types can be written at
 * the cursor. Commands are read with the checker's tokenizer and pflag parser, so `-n`, `-owide`,
 * `--output=yaml`, continuation lines and `$(kubectl ...)` are understood the same way.
 */
import { bundledKubectlGrammar } from '../kubectl/bundled-grammar.ts';
import { flagHelp } from '../kubectl/flag-help.ts';
import { findSubcommand, flagSetOf, resourceIndexOf, rootCommand, type KubectlCommand, type KubectlFlag, type KubectlGrammar } from '../kubectl/grammar.ts';
import { splitLogicalLines, snippetOffset, type LogicalLine } from '../kubectl/logical-lines.ts';
import { parseKubectlArgs } from '../kubectl/parse.ts';
import { findKubectlInvocations } from '../kubectl/tokenize.ts';

export type KubectlWordInfo =
  | { kind: 'flag'; name: string; shorthand?: string; type: string; default: string; help?: string; deprecated?: string; command: string[]; start: number; end: number }
  | { kind: 'command'; command: string[]; summary: string; usage: string; start: number; end: number };

export interface KubectlSuggestion {
  label: string;
  kind: 'subcommand' | 'flag' | 'resource';
  detail?: string;
  documentation?: string;
}

export interface KubectlCompletions {
  /** Offsets (in the snippet) of the partly typed word the suggestions replace. */
  start: number;
  end: number;
  suggestions: KubectlSuggestion[];
}

/** The logical line holding `offset` and the offset's position in its joined text. */
function lineAt(text: string, offset: number): { line: LogicalLine; position: number } | undefined {
  for (const line of splitLogicalLines(text)) {
    const end = line.offsets[line.text.length]!;
    if (offset < (line.offsets[0] ?? end) || offset > end) continue;
    const position = line.offsets.findIndex((at) => at >= offset);
    return { line, position: position < 0 ? line.text.length : position };
  }
  return undefined;
}

function describeFlag(name: string, flag: KubectlFlag, command: string[], start: number, end: number): KubectlWordInfo {
  const help = flagHelp(command, name);
  return { kind: 'flag', name, ...(flag.shorthand ? { shorthand: flag.shorthand } : {}), type: flag.type, default: flag.default, ...(help ? { help } : {}), ...(flag.deprecated ? { deprecated: flag.deprecated } : {}), command, start, end };
}

/** The flag or subcommand word under `offset` (an offset into the snippet text). */
export function kubectlWordAt(text: string, offset: number, grammar: KubectlGrammar = bundledKubectlGrammar): KubectlWordInfo | undefined {
  const at = lineAt(text, offset);
  if (!at) return undefined;
  const { line, position } = at;
  const inside = (start: number, end: number) => start <= position && position <= end;
  for (const invocation of findKubectlInvocations(line.text)) {
    const parsed = parseKubectlArgs(grammar, invocation.args);
    const toSnippet = (start: number, end: number) => ({ start: snippetOffset(line, start), end: snippetOffset(line, end) });
    for (const flag of parsed.flags) {
      if (!flag.flag || !inside(flag.start, flag.end)) continue;
      const range = toSnippet(flag.start, flag.end);
      return describeFlag(flag.name, flag.flag, parsed.commandPath, range.start, range.end);
    }
    const index = parsed.commandWords.findIndex((word) => inside(word.start, word.end));
    if (index >= 0) {
      const path = parsed.commandPath.slice(0, index + 1);
      const command = commandAt(grammar, path);
      const word = parsed.commandWords[index]!;
      if (command) return { kind: 'command', command: path, summary: command.summary, usage: command.usage, ...toSnippet(word.start, word.end) };
    }
  }
  return undefined;
}

function commandAt(grammar: KubectlGrammar, path: string[]): KubectlCommand | undefined {
  let command: KubectlCommand | undefined = rootCommand(grammar);
  for (const name of path) command = command && findSubcommand(command, name);
  return command;
}

/**
 * What can be written at `offset` in a kubectl command: after `kubectl` and its subcommand groups,
 * their subcommands; a word starting with `-`, the command's flags (its own and the global ones);
 * the first argument of a command that takes a resource type, the built-in resource types.
 */
export function kubectlCompletions(text: string, offset: number, grammar: KubectlGrammar = bundledKubectlGrammar): KubectlCompletions | undefined {
  const at = lineAt(text, offset);
  if (!at) return undefined;
  const before = at.line.text.slice(0, at.position);
  const invocation = findKubectlInvocations(before).at(-1);
  if (!invocation || invocation.program.end === before.length) return undefined;
  const last = invocation.args.at(-1);
  const typing = last && last.end === before.length ? last : undefined;
  const partial = typing?.raw ?? '';
  const parsed = parseKubectlArgs(grammar, typing ? invocation.args.slice(0, -1) : invocation.args);
  const start = snippetOffset(at.line, before.length - partial.length);
  const suggestions: KubectlSuggestion[] = [];
  if (partial.startsWith('-')) {
    for (const [name, flag] of flagSetOf(grammar, parsed.command).byName) {
      if (flag.hidden || !`--${name}`.startsWith(partial)) continue;
      const help = flagHelp(parsed.commandPath, name);
      suggestions.push({ label: `--${name}`, kind: 'flag', detail: flag.shorthand ? `-${flag.shorthand}, ${flag.type}` : flag.type, ...(help ? { documentation: help } : {}) });
    }
  } else if (parsed.positionals.length === 0 && parsed.command.subcommands) {
    for (const command of Object.values(parsed.command.subcommands)) {
      if (command.name.startsWith(partial)) suggestions.push({ label: command.name, kind: 'subcommand', detail: command.summary });
    }
  } else if (parsed.positionals.length === 0 && parsed.command.args?.typeFirst) {
    for (const [name, resource] of resourceIndexOf(grammar).byName) {
      if (name === resource.plural && name.startsWith(partial)) suggestions.push({ label: name, kind: 'resource', detail: `${resource.kind}${resource.group ? ` (${resource.group})` : ''}` });
    }
  }
  return { start, end: offset, suggestions: suggestions.sort((a, b) => a.label.localeCompare(b.label)) };
}
