/**
 * The kubectl grammar: commands, flags and resource types as generated from the real kubectl by
 * scripts/gen-kubectl-grammar.ts. This module holds only types and lookups, no data, so that browser
 * code can load the JSON lazily (see load-grammar.ts) and node code can bundle it (bundled-grammar.ts).
 */

export type KubectlFlagType =
  | 'bool'
  | 'string'
  | 'int'
  | 'int32'
  | 'int64'
  | 'uint'
  | 'float'
  | 'duration'
  | 'stringSlice'
  | 'stringArray'
  | 'stringToString'
  | 'unknown';

export interface KubectlFlag {
  shorthand?: string;
  type: KubectlFlagType;
  default: string;
  /** False when the flag has a NoOptDefVal: bare `--flag` is accepted and a value needs `=`. */
  takesValue: boolean;
  enum?: string[];
  deprecated?: string;
  /** Accepted by kubectl but not listed in its help (deprecated aliases). */
  hidden?: boolean;
}

export interface KubectlRemovedFlag {
  note: string;
  replacement?: string;
}

export interface KubectlCommand {
  name: string;
  aliases?: string[];
  summary: string;
  usage: string;
  /** True when the command itself runs (not only a group of subcommands). */
  runnable: boolean;
  /**
   * A runnable command with subcommands that takes no word of its own (`create`, `apply`: only `-f`):
   * kubectl answers any word that is not a subcommand with "Unexpected args".
   */
  rejectsArgs?: boolean;
  flags: Record<string, KubectlFlag>;
  requiredFlags?: string[];
  subcommands?: Record<string, KubectlCommand>;
  deprecated?: string;
  args?: KubectlArguments;
  /** Flags that old kubectl versions had and this one rejects, with what to use instead. */
  removedFlags?: Record<string, KubectlRemovedFlag>;
}

/** Positional arguments, from the Usage line (see analyseUsage in scripts/gen-kubectl-grammar.ts). */
export interface KubectlArguments {
  /** Required positional arguments before `--`. */
  min: number;
  /** Most positional arguments before `--` kubectl accepts (create subcommands: exactly one NAME). */
  max?: number;
  /** Required words after `--` (exec's COMMAND). */
  minAfterDash?: number;
  /** Flags any of which replace the required arguments (`-f FILENAME` in `(-f FILENAME | TYPE NAME)`). */
  satisfiedBy?: string[];
  /** The first argument is a resource type (`TYPE`, `RESOURCE`, `TYPE[.VERSION][.GROUP]`), not a name. */
  typeFirst?: boolean;
  /** `(-f FILENAME | TYPE NAME) KEY=VAL`: when the first word is a bare TYPE, the NAME is one more word. */
  typeNameFirst?: boolean;
}

export interface KubectlResource {
  kind: string;
  group: string;
  version: string;
  plural: string;
  singular: string;
  shortNames?: string[];
  namespaced: boolean;
}

export interface KubectlGrammar {
  kubectl: { binary: string; version: string };
  globalFlags: Record<string, KubectlFlag>;
  commands: Record<string, KubectlCommand>;
  rootUsage: string;
  resources: KubectlResource[];
}

/** cobra adds `-h, --help` to every command. */
export const helpFlag: KubectlFlag = { shorthand: 'h', type: 'bool', default: 'false', takesValue: false };

/** The root as a command, so that lookups can treat it like any other level. */
export function rootCommand(grammar: KubectlGrammar): KubectlCommand {
  return { name: 'kubectl', summary: '', usage: grammar.rootUsage, runnable: true, flags: {}, subcommands: grammar.commands };
}

/** The subcommand named `word` (by name or alias), as cobra's findNext does (no prefix matching). */
export function findSubcommand(command: KubectlCommand, word: string): KubectlCommand | undefined {
  const subcommands = command.subcommands;
  if (!subcommands) return undefined;
  if (Object.hasOwn(subcommands, word)) return subcommands[word];
  return Object.values(subcommands).find((candidate) => candidate.aliases?.includes(word));
}

/** A command's flag set as pflag sees it: its own flags, the global (persistent) ones and help. */
export interface FlagSet {
  byName: Map<string, KubectlFlag>;
  byShorthand: Map<string, string>;
}

const flagSetCache = new WeakMap<KubectlCommand, FlagSet>();

export function flagSetOf(grammar: KubectlGrammar, command: KubectlCommand): FlagSet {
  const cached = flagSetCache.get(command);
  if (cached) return cached;
  const byName = new Map<string, KubectlFlag>();
  const byShorthand = new Map<string, string>();
  const add = (name: string, flag: KubectlFlag): void => {
    // A local flag shadows the global one of the same name entirely, shorthand included
    // (`kubectl config set-context --namespace` has no `-n`).
    const shadowed = byName.get(name);
    if (shadowed?.shorthand && byShorthand.get(shadowed.shorthand) === name) byShorthand.delete(shadowed.shorthand);
    byName.set(name, flag);
    if (flag.shorthand) byShorthand.set(flag.shorthand, name);
  };
  for (const [name, flag] of Object.entries(grammar.globalFlags)) add(name, flag);
  add('help', helpFlag);
  for (const [name, flag] of Object.entries(command.flags)) add(name, flag);
  const set = { byName, byShorthand };
  flagSetCache.set(command, set);
  return set;
}

/** Lookup of resource type names (plural, singular, short names), lower-case, like kubectl's RESTMapper. */
export interface ResourceIndex {
  byName: Map<string, KubectlResource>;
  /** Names that are not resources but that `kubectl get` understands (categories). */
  categories: Set<string>;
}

const resourceIndexCache = new WeakMap<KubectlGrammar, ResourceIndex>();

export function resourceIndexOf(grammar: KubectlGrammar): ResourceIndex {
  const cached = resourceIndexCache.get(grammar);
  if (cached) return cached;
  const byName = new Map<string, KubectlResource>();
  // Core group first so that `events` means the core Event, as kubectl's preferred order does.
  const ordered = [...grammar.resources].sort((a, b) => (a.group === '' ? 0 : 1) - (b.group === '' ? 0 : 1));
  for (const resource of ordered) {
    for (const name of [resource.plural, resource.singular, ...(resource.shortNames ?? [])]) {
      if (!byName.has(name)) byName.set(name, resource);
    }
  }
  // `all` is the category every built-in workload type belongs to (kubectl get all).
  const index = { byName, categories: new Set(['all']) };
  resourceIndexCache.set(grammar, index);
  return index;
}

/**
 * Resolves a resource type as written (`po`, `pods`, `deployments.apps`, `deployments.v1.apps`,
 * `Pod`) to a built-in resource; `undefined` when it is not one (a typo or a custom resource).
 */
export function resolveResourceType(grammar: KubectlGrammar, written: string): KubectlResource | undefined {
  const index = resourceIndexOf(grammar);
  const lower = written.toLowerCase();
  const direct = index.byName.get(lower);
  if (direct) return direct;
  const dot = lower.indexOf('.');
  if (dot < 0) return undefined;
  const name = lower.slice(0, dot);
  const rest = lower.slice(dot + 1);
  return grammar.resources.find(
    (resource) =>
      (resource.plural === name || resource.singular === name || resource.shortNames?.includes(name)) &&
      (rest === resource.group || rest === `${resource.version}.${resource.group}` || (resource.group === '' && rest === resource.version)),
  );
}
