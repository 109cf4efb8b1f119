import { bundledKubectlGrammar } from '../kubectl/bundled-grammar.ts';
import { resolveResourceType, type KubectlGrammar } from '../kubectl/grammar.ts';
import { allArgs, flagValue, parseKubectlArgs, type ParsedInvocation } from '../kubectl/parse.ts';
import { findKubectlInvocations, type ShellWord } from '../kubectl/tokenize.ts';

/** An object named on a command line, with the word that names it. */
export interface NamedObject {
  resource: string;
  name: string;
  word: ShellWord;
}

/** What one kubectl invocation does to, or asks of, the lesson's cluster. */
export interface CommandEffect {
  verb: string;
  /** Objects the command needs to exist. */
  references: NamedObject[];
  /** Objects it removes; missing ones are a mistake too. */
  deletes: NamedObject[];
  /** Types whose every object it removes (`delete pods --all`). */
  deletesAll: string[];
  creates: { resource: string; name: string }[];
  /** Manifest files it creates objects from (`create -f`, `apply -f`). */
  appliesFiles: string[];
  deletesFiles: string[];
  /** A file it writes a manifest to (`-o yaml --dry-run=client > redis.yaml`). */
  writesFile?: { path: string; objects: { resource: string; name: string }[] };
  /** It creates objects the lesson cannot name (a workload's pods). */
  createsUnknown: boolean;
}

/** Verbs whose first argument is a pod (or `TYPE/NAME`). */
const POD_VERBS = new Set(['logs', 'exec', 'attach', 'port-forward']);
/** Verbs taking `TYPE NAME...` or `TYPE/NAME...` that need the objects to exist. */
const REFERENCE_VERBS = new Set(['edit', 'describe', 'get', 'label', 'annotate', 'scale', 'expose', 'autoscale', 'patch', 'top', 'rollout', 'set']);
const CREATE_VERBS = new Set(['create', 'apply', 'replace']);
const WORKLOADS = new Set(['deployments', 'replicasets', 'daemonsets', 'statefulsets', 'jobs', 'cronjobs', 'replicationcontrollers']);

/**
 * Reads the kubectl invocations of one command line. Lines for another namespace than `default`
 * are skipped: the model only knows the default namespace.
 */
export function commandEffects(line: string, grammar: KubectlGrammar = bundledKubectlGrammar): CommandEffect[] {
  const effects: CommandEffect[] = [];
  for (const invocation of findKubectlInvocations(line)) {
    const parsed = parseKubectlArgs(grammar, invocation.args);
    if (parsed.commandPath.length === 0 || otherNamespace(parsed)) continue;
    const effect = effectOf(parsed, grammar);
    const redirect = /(?:^|[^0-9&])>\s*([^\s;&|<>]+)/.exec(line.slice(invocation.end));
    if (redirect && dryRun(parsed)) effect.writesFile = { path: normalizePath(redirect[1]!), objects: effect.creates };
    if (dryRun(parsed)) effect.creates = [];
    effects.push(effect);
  }
  return effects;
}

function effectOf(parsed: ParsedInvocation, grammar: KubectlGrammar): CommandEffect {
  const verb = parsed.commandPath[0]!;
  const effect: CommandEffect = { verb, references: [], deletes: [], deletesAll: [], creates: [], appliesFiles: [], deletesFiles: [], createsUnknown: false };
  const files = parsed.flags.filter((flag) => flag.name === 'filename' && flag.value).map((flag) => normalizePath(flag.value!));
  const args = allArgs(parsed);
  if (verb === 'run' && parsed.positionals[0]) {
    effect.creates.push({ resource: 'pods', name: parsed.positionals[0].value });
  } else if (CREATE_VERBS.has(verb)) {
    effect.appliesFiles.push(...files);
    const type = parsed.commandPath[1] ? resolveResourceType(grammar, parsed.commandPath[1]) : undefined;
    if (type && parsed.positionals[0]) {
      effect.creates.push({ resource: type.plural, name: parsed.positionals[0].value });
      if (WORKLOADS.has(type.plural)) effect.createsUnknown = true;
    }
  } else if (verb === 'delete') {
    effect.deletesFiles.push(...files);
    const named = namedObjects(parsed.positionals, grammar);
    if (flagValue(parsed, 'all')?.value !== 'false' && flagValue(parsed, 'all')) effect.deletesAll.push(...named.types);
    effect.deletes.push(...named.objects);
  } else if (POD_VERBS.has(verb) && parsed.positionals[0] && !parsed.positionals[0].dynamic) {
    const first = parsed.positionals[0];
    const named = first.value.includes('/') ? namedObjects([first], grammar).objects : [{ resource: 'pods', name: first.value, word: first }];
    effect.references.push(...named);
  } else if (REFERENCE_VERBS.has(verb)) {
    const words = verb === 'rollout' || verb === 'set' || verb === 'top' ? args : parsed.positionals;
    effect.references.push(...namedObjects(words, grammar).objects);
    if (verb === 'expose' && effect.references[0]) {
      effect.creates.push({ resource: 'services', name: flagValue(parsed, 'name')?.value ?? effect.references[0].name });
    }
  }
  return effect;
}

/** `TYPE NAME...`, `TYPE/NAME...` or `TYPE1,TYPE2` forms of positional arguments. */
function namedObjects(words: ShellWord[], grammar: KubectlGrammar): { types: string[]; objects: NamedObject[] } {
  const objects: NamedObject[] = [];
  const types: string[] = [];
  let current: string | undefined;
  for (const word of words) {
    // `$POD`, `<name>`, `web-{1..3}` are no names; `app=web`, `tier-` (label, annotate, set env) are updates.
    if (word.dynamic || (current !== undefined && (word.value.includes('=') || word.value.endsWith('-')))) continue;
    const slash = word.value.indexOf('/');
    if (slash > 0) {
      const type = resolveResourceType(grammar, word.value.slice(0, slash));
      if (type) objects.push({ resource: type.plural, name: word.value.slice(slash + 1), word });
      continue;
    }
    if (current === undefined) {
      const resolved = word.value.split(',').map((part) => resolveResourceType(grammar, part));
      if (resolved.every((type) => type !== undefined)) types.push(...resolved.map((type) => type!.plural));
      current = resolved.length === 1 ? resolved[0]?.plural : undefined;
      if (current === undefined) return { types, objects };
      continue;
    }
    objects.push({ resource: current, name: word.value, word });
  }
  return { types, objects };
}

function dryRun(parsed: ParsedInvocation): boolean {
  const flag = flagValue(parsed, 'dry-run');
  return flag !== undefined && flag.value !== 'none';
}

function otherNamespace(parsed: ParsedInvocation): boolean {
  const namespace = flagValue(parsed, 'namespace')?.value;
  const all = flagValue(parsed, 'all-namespaces');
  return (namespace !== undefined && namespace !== 'default') || (all !== undefined && all.value !== 'false');
}

/** `./redis.yaml` and `redis.yaml` are the same file. */
export function normalizePath(path: string): string {
  return path.replace(/^\.\//, '');
}
