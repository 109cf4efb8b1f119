/**
 * Canonical form of a kubectl command, to compare what a learner typed with what a lesson expects:
 * `kubectl get po -A -owide`, `kubectl get pods --all-namespaces -o wide` and
 * `kubectl get pods -o=wide --all-namespaces` normalise to the same thing.
 * Browser-safe: takes the grammar as a parameter (or the one bundled-grammar.ts registered).
 */
import { findSubcommand, resolveResourceType, rootCommand, type KubectlCommand, type KubectlGrammar } from './grammar.ts';
import { currentKubectlGrammar } from './load-grammar.ts';
import { isGoTrue, parseKubectlArgs } from './parse.ts';
import { resourceTypeMentions } from './rules/unknown-resource.ts';
import { findKubectlInvocations } from './tokenize.ts';

export interface NormalizedCommand {
  /** Canonical command path, e.g. ['get'] or ['create', 'deployment']. */
  command: string[];
  /** Canonical resource types (plural names), in the order written; empty when none. */
  resources: string[];
  /** Object names (from `TYPE NAME` or `TYPE/NAME`). */
  names: string[];
  /** Flags by long name; bool flags as `true`/`false`, repeated flags as arrays. */
  flags: Record<string, string | boolean | string[]>;
  /** Other positional arguments, and the words after `--`. */
  args: string[];
  /** True when the line had problems kubectl would reject (unknown flag, ...). */
  valid: boolean;
}

function canonicalType(grammar: KubectlGrammar, type: string): string {
  if (type.toLowerCase() === 'all') return 'all';
  return resolveResourceType(grammar, type)?.plural ?? type.toLowerCase();
}

export function normalizeCommand(line: string, grammar: KubectlGrammar = currentKubectlGrammar()): NormalizedCommand | null {
  const invocation = findKubectlInvocations(line)[0];
  if (!invocation) return null;
  const parsed = parseKubectlArgs(grammar, invocation.args);
  const flags: Record<string, string | boolean | string[]> = {};
  for (const flag of parsed.flags) {
    const spec = flag.flag;
    let value: string | boolean;
    if (spec?.type === 'bool') value = flag.value === undefined ? true : isGoTrue(flag.value);
    else value = flag.value ?? '';
    const repeatable = spec?.type === 'stringArray' || spec?.type === 'stringSlice' || spec?.type === 'stringToString';
    if (repeatable) {
      const items = typeof value === 'string' && spec?.type !== 'stringArray' ? value.split(',') : [String(value)];
      const previous = flags[flag.name];
      flags[flag.name] = [...(Array.isArray(previous) ? previous : []), ...items];
    } else {
      flags[flag.name] = value; // pflag: the last one wins
    }
  }
  // Defaults do not make a difference: `--all-namespaces=false` is the same as leaving it out.
  for (const [name, value] of Object.entries(flags)) {
    const spec = parsed.command.flags[name] ?? grammar.globalFlags[name];
    if (spec && !Array.isArray(value) && String(value) === spec.default) delete flags[name];
  }
  const resources: string[] = [];
  const names: string[] = [];
  const mentions = resourceTypeMentions(parsed);
  const mentionWords = new Set(mentions.map((m) => m.word));
  for (const mention of mentions) resources.push(canonicalType(grammar, mention.type));
  const args: string[] = [];
  for (const word of parsed.positionals) {
    if (mentionWords.has(word)) {
      const slash = word.value.indexOf('/');
      if (slash > 0 && !(parsed.command.args?.typeFirst && word === parsed.positionals[0] && !word.value.includes('/'))) names.push(word.value.slice(slash + 1));
      continue;
    }
    if (mentions.length && parsed.command.args?.typeFirst) names.push(word.value);
    else args.push(word.value);
  }
  for (const word of parsed.dashArgs) args.push(word.value);
  const valid = !parsed.problems.length;
  return { command: parsed.commandPath, resources, names, flags, args, valid };
}

function describeFlag(name: string, value: string | boolean | string[]): string {
  if (value === true) return `--${name}`;
  const shown = Array.isArray(value) ? value.join(',') : String(value);
  return `--${name}=${shown}`;
}

/** Short form for messages, using the shorthand the lesson most likely used (`-o wide`). */
export function describeFlagForHumans(grammar: KubectlGrammar, command: string[], name: string, value: string | boolean | string[]): string {
  let level: KubectlCommand | undefined = rootCommand(grammar);
  for (const part of command) level = level && findSubcommand(level, part);
  const shorthand = level?.flags[name]?.shorthand ?? grammar.globalFlags[name]?.shorthand;
  if (shorthand && value !== true && typeof value === 'string') return `-${shorthand} ${value}`;
  return describeFlag(name, value);
}

export function compareCommands(
  expected: NormalizedCommand,
  actual: NormalizedCommand,
  grammar: KubectlGrammar = currentKubectlGrammar(),
): { equal: boolean; differences: string[] } {
  const differences: string[] = [];
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  if (!same(expected.command, actual.command)) differences.push(`expected command \`kubectl ${expected.command.join(' ')}\`, got \`kubectl ${actual.command.join(' ')}\``);
  if (!same(expected.resources, actual.resources)) {
    const label = expected.resources.length > 1 || actual.resources.length > 1 ? 'resources' : 'resource';
    differences.push(`expected ${label} \`${expected.resources.join(',') || '(none)'}\`, got \`${actual.resources.join(',') || '(none)'}\``);
  }
  if (!same(expected.names, actual.names)) differences.push(`expected name${expected.names.length === 1 ? '' : 's'} \`${expected.names.join(' ') || '(none)'}\`, got \`${actual.names.join(' ') || '(none)'}\``);
  const flagNames = [...new Set([...Object.keys(expected.flags), ...Object.keys(actual.flags)])].sort();
  for (const name of flagNames) {
    const want = expected.flags[name];
    const got = actual.flags[name];
    if (same(want, got)) continue;
    if (got === undefined) differences.push(`missing \`${describeFlagForHumans(grammar, expected.command, name, want)}\``);
    else if (want === undefined) differences.push(`unexpected \`${describeFlagForHumans(grammar, actual.command, name, got)}\``);
    else differences.push(`expected \`${describeFlagForHumans(grammar, expected.command, name, want)}\`, got \`${describeFlagForHumans(grammar, actual.command, name, got)}\``);
  }
  if (!same(expected.args, actual.args)) differences.push(`expected arguments \`${expected.args.join(' ') || '(none)'}\`, got \`${actual.args.join(' ') || '(none)'}\``);
  return { equal: differences.length === 0, differences };
}
