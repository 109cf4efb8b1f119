/**
 * Generates plugins/remark-lessonc/data/kubectl-grammar-1.32.json from the real kubectl.
 *
 *   npm run gen:kubectl -- [--kubectl /usr/bin/kubectl] [--out path]
 *
 * Everything about commands and flags is read from the binary itself (`--help` of every command,
 * `kubectl options`, `kubectl __complete ...`), and what the help text does not say (does a flag need
 * a value? is `[]` a stringSlice or a stringArray? int or duration?) is found by probing: cobra parses
 * flags before it looks at `--help`, so `kubectl <cmd> --help --flag` fails with "flag needs an
 * argument" exactly when the flag has no NoOptDefVal, and `kubectl <cmd> --help --flag=x"y` fails with
 * the pflag parse error that names the flag's Go type. No command is ever really executed.
 * Resource types come from the v1.32 OpenAPI documents in /work/shared/kubernetes-openapi/v1.32.
 * The output is deterministic: keys are sorted, nothing machine-specific is kept.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KubectlArguments, KubectlCommand, KubectlFlag, KubectlFlagType, KubectlResource } from '../plugins/remark-lessonc/lib/kubectl/grammar.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const optionValue = (name: string, fallback: string): string => {
  const index = argv.indexOf(name);
  return index >= 0 && argv[index + 1] ? argv[index + 1] : fallback;
};
const kubectlPath = optionValue('--kubectl', '/usr/bin/kubectl');
const outPath = path.resolve(optionValue('--out', path.join(repoRoot, 'plugins/remark-lessonc/data/kubectl-grammar-1.32.json')));
const openapiDir = path.resolve(optionValue('--openapi', path.join(repoRoot, '..', 'shared', 'kubernetes-openapi', 'v1.32')));

const fakeHome = mkdtempSync(path.join(tmpdir(), 'kubectl-grammar-home-'));
const kubectlEnv = { PATH: '/usr/bin:/bin', KUBECONFIG: '/dev/null', HOME: fakeHome, LANG: 'C' };

interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

function runKubectl(args: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(kubectlPath, args, { env: kubectlEnv, timeout: 10_000, maxBuffer: 16 * 1024 * 1024, cwd: fakeHome }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ stdout: String(stdout), stderr: String(stderr), code });
    });
  });
}

/** Runs tasks with at most `limit` kubectl processes at once. */
async function mapLimited<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  });
  await Promise.all(workers);
  return results;
}

// ---------------------------------------------------------------------------------------------
// Help text parsing

// The grammar's types are the checker's own (lib/kubectl/grammar.ts): what is written here is what it reads.
type FlagType = KubectlFlagType;
type FlagSpec = KubectlFlag;
type CommandSpec = KubectlCommand;
type ArgumentShape = KubectlArguments;
type ResourceSpec = KubectlResource;

interface ParsedHelp {
  summary: string;
  aliases: string[];
  subcommands: string[];
  usage: string;
  flags: Record<string, FlagSpec>;
}

const flagLinePattern = /^\s+(?:-(\S), )?--([A-Za-z0-9][\w.-]*)=(.*):$/;

function parseFlagDefault(raw: string): { type: FlagType; default: string } {
  if (raw.startsWith("'") && raw.endsWith("'")) return { type: 'string', default: raw.slice(1, -1) };
  if (raw === 'true' || raw === 'false') return { type: 'bool', default: raw };
  if (raw.startsWith('[') && raw.endsWith(']')) return { type: 'stringArray', default: raw };
  if (/^-?\d+$/.test(raw)) return { type: 'int', default: raw };
  if (/^-?\d*\.\d+$/.test(raw)) return { type: 'float', default: raw };
  if (/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(raw)) return { type: 'duration', default: raw };
  return { type: 'unknown', default: raw };
}

/**
 * Enumerations kubectl spells out in help text: `Must be "none", "server", or "client".`, and debug's
 * `Options are "legacy", "general", ... or "sysadmin".` (it rejects others: "unknown profile").
 */
function enumFromDescription(description: string): string[] | undefined {
  const mustBe = /(?:Must be (?:one of:? )?|Options are )((?:"[^"]+"(?:,? or |, )?)+)/.exec(description);
  if (mustBe) return [...mustBe[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  const mustBeBare = /Must be one of: ([a-z]+(?: \(or [a-z]+\))?(?:, [a-z]+(?: \(or [a-z]+\))?)+)\./.exec(description);
  if (mustBeBare) return [...mustBeBare[1].matchAll(/[a-z]+/g)].map((m) => m[0]).filter((w) => w !== 'or');
  return undefined;
}

function parseHelp(text: string): ParsedHelp {
  const lines = text.split('\n');
  const summary = (lines.find((line) => line.trim() !== '') ?? '').trim();
  const aliases: string[] = [];
  const subcommands: string[] = [];
  const flags: Record<string, FlagSpec> = {};
  let usage = '';
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^[A-Z][A-Za-z ()-]*:$/.test(line)) {
      section = line.slice(0, -1);
      continue;
    }
    if (section === 'Aliases' && line.trim()) {
      aliases.push(...line.split(',').map((s) => s.trim()).filter(Boolean));
      section = '';
    } else if ((section === 'Available Commands' || /Commands/.test(section)) && /^ {2}\S/.test(line)) {
      const name = line.trim().split(/\s+/)[0];
      subcommands.push(name);
    } else if (section === 'Usage' && line.trim() && !usage) {
      usage = line.trim();
    } else if (section === 'Options' || section === 'Flags' || section === 'The following options can be passed to any command') {
      const match = flagLinePattern.exec(line);
      if (!match) continue;
      const [, shorthand, name, rawDefault] = match;
      const descriptionLines: string[] = [];
      for (let j = i + 1; j < lines.length && lines[j].trim() !== ''; j++) descriptionLines.push(lines[j].trim());
      const description = descriptionLines.join(' ');
      const { type, default: defaultValue } = parseFlagDefault(rawDefault);
      const spec: FlagSpec = { type, default: defaultValue, takesValue: type !== 'bool' };
      if (shorthand) spec.shorthand = shorthand;
      const values = enumFromDescription(description);
      if (values) spec.enum = values;
      const deprecated = /DEPRECATED:?\s*([^.]*\.?)/i.exec(description);
      if (deprecated) spec.deprecated = deprecated[1].trim() || 'deprecated';
      flags[name] = spec;
    }
  }
  // The root help lists its commands in titled groups ("Basic Commands (Beginner):"), the others under
  // "Available Commands:"; both are captured above. Plugins are not commands of this kubectl.
  return { summary, aliases, subcommands, usage, flags };
}

// ---------------------------------------------------------------------------------------------
// Probing what the help text leaves out

async function probeFlag(commandPath: string[], name: string, spec: FlagSpec): Promise<void> {
  // 1. Bare flag: "flag needs an argument" means no NoOptDefVal.
  if (spec.type !== 'bool') {
    const bare = await runKubectl([...commandPath, '--help', `--${name}`]);
    spec.takesValue = /flag needs an argument/.test(bare.stderr);
  }
  // 2. Type: the pflag parse error of a value no type accepts except plain strings.
  if (spec.type !== 'string' && spec.type !== 'bool') {
    const typed = await runKubectl([...commandPath, '--help', `--${name}=x"y`]);
    const message = typed.stderr;
    if (/strconv\.ParseInt/.test(message)) {
      const wide = await runKubectl([...commandPath, '--help', `--${name}=3000000000`]);
      spec.type = /out of range/.test(wide.stderr) ? 'int32' : 'int';
    } else if (/strconv\.ParseUint/.test(message)) spec.type = 'uint';
    else if (/strconv\.ParseFloat/.test(message)) spec.type = 'float';
    else if (/time: invalid duration/.test(message)) spec.type = 'duration';
    else if (/strconv\.ParseBool/.test(message)) spec.type = 'bool';
    else if (/bare " in non-quoted-field|extraneous or missing " in quoted-field/.test(message)) spec.type = 'stringSlice';
    else if (/must be formatted as key=value|malformed pair/.test(message)) spec.type = 'stringToString';
    // `[]` in the help is a stringArray unless its parse error says otherwise: a custom pflag.Value
    // (klog's --vmodule, --log-flush-frequency) with its own parse error.
    else if (spec.type === 'stringArray' && /invalid argument/.test(message)) spec.type = 'unknown';
  }
}

/**
 * Flags kubectl hides from its help because they are deprecated (pflag MarkDeprecated hides them)
 * or that were removed in earlier releases and still appear in old tutorials. Each is probed on the
 * real binary: if kubectl still accepts it, it is recorded as a hidden deprecated flag; otherwise as
 * removed. The list itself is the only hand-written part (from kubectl CHANGELOGs 1.14-1.32).
 */
const historicalFlags: Array<{ command: string[]; name: string; replacement?: string; note: string }> = [
  { command: ['delete'], name: 'include-uninitialized', note: 'removed in kubectl 1.14 (initializers were removed)' },
  { command: ['get'], name: 'include-uninitialized', note: 'removed in kubectl 1.14 (initializers were removed)' },
  { command: ['get'], name: 'export', note: 'removed in kubectl 1.18' },
  { command: ['drain'], name: 'delete-local-data', replacement: 'delete-emptydir-data', note: 'renamed to --delete-emptydir-data in kubectl 1.20' },
  { command: ['apply'], name: 'prune-whitelist', replacement: 'prune-allowlist', note: 'renamed to --prune-allowlist in kubectl 1.26' },
  { command: ['apply'], name: 'server-dry-run', replacement: 'dry-run=server', note: 'replaced by --dry-run=server in kubectl 1.18' },
  { command: ['run'], name: 'generator', note: 'removed in kubectl 1.21' },
  { command: ['run'], name: 'replicas', note: 'removed in kubectl 1.18 (run only creates pods)' },
  { command: ['run'], name: 'serviceaccount', note: 'removed in kubectl 1.24' },
  { command: ['run'], name: 'limits', note: 'removed in kubectl 1.24' },
  { command: ['run'], name: 'requests', note: 'removed in kubectl 1.24' },
  { command: ['expose'], name: 'generator', note: 'removed in kubectl 1.24' },
  { command: ['expose'], name: 'container-port', replacement: 'target-port', note: 'replaced by --target-port in kubectl 1.24' },
  { command: ['get'], name: 'show-all', note: 'removed (pods of every phase are listed)' },
  { command: ['create', 'deployment'], name: 'generator', note: 'removed in kubectl 1.18' },
  // --record (MarkDeprecated in 1.22): every command that registers kubectl's RecordFlags.
  ...[['annotate'], ['apply'], ['apply', 'edit-last-applied'], ['autoscale'], ['create'], ['edit'], ['expose'], ['label'], ['patch'], ['run'], ['scale'],
    ['set', 'image'], ['set', 'resources'], ['set', 'selector'], ['set', 'serviceaccount']].map((command) => ({ command, name: 'record', note: 'deprecated since kubectl 1.22' })),
  { command: ['exec'], name: 'pod', note: 'removed in kubectl 1.27' },
  { command: ['port-forward'], name: 'pod', note: 'removed' },
];

// ---------------------------------------------------------------------------------------------
// Positional arguments from the Usage line

/** Splits a usage fragment into top-level units: `(...)`, `[...]` and plain words. */
function usageUnits(text: string): string[] {
  const units: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (/\s/.test(ch) && depth === 0) {
      if (current) units.push(current);
      current = '';
    } else current += ch;
  }
  if (current) units.push(current);
  return units;
}

function splitAlternatives(group: string): string[] {
  const inner = group.slice(1, -1);
  const alternatives: string[] = [];
  let depth = 0;
  let current = '';
  for (let index = 0; index < inner.length; index++) {
    const ch = inner[index];
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    // Alternatives are spaced (`NAME | --current`); `--dry-run=server|client|none` is one flag's values.
    if (ch === '|' && depth === 0 && inner[index - 1] === ' ') {
      alternatives.push(current.trim());
      current = '';
    } else current += ch;
  }
  alternatives.push(current.trim());
  return alternatives;
}

function flagNameOf(written: string, flags: Record<string, FlagSpec>): string | undefined {
  const match = /^--?([A-Za-z][\w-]*)/.exec(written.replace(/^\[/, ''));
  if (!match) return undefined;
  if (written.replace(/^\[/, '').startsWith('--')) return match[1] in flags ? match[1] : undefined;
  return Object.entries(flags).find(([, flag]) => flag.shorthand === match[1])?.[0];
}

/**
 * Reads the required positional arguments from cobra's Usage line, e.g.
 * `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]`:
 * optional `[...]` units do not count, a `(a | b)` group counts once and is satisfied by any flag among
 * its alternatives, a bare `-f FILENAME` is a unit only that flag satisfies, `...` repeats are ignored.
 */
function analyseUsage(usage: string, commandPath: string[], flags: Record<string, FlagSpec>): ArgumentShape {
  // Quoted examples (`--schedule='0/5 * * * ?'`) are one word.
  let text = usage.replace(/^kubectl\s+/, '').replace(/'[^']*'/g, 'X');
  for (const part of commandPath) text = text.replace(new RegExp(`^${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*`), '');
  const allUnits = usageUnits(text);
  const dash = allUnits.indexOf('--');
  const units = dash < 0 ? allUnits : allUnits.slice(0, dash);
  const afterDash = dash < 0 ? [] : allUnits.slice(dash + 1);
  const shape: ArgumentShape = { min: 0 };
  const satisfiedBy = new Set<string>();
  for (const name of ['filename', 'kustomize']) if (name in flags) satisfiedBy.add(name);
  const isFlag = (alternative: string): boolean => alternative.replace(/^\[/, '').startsWith('-');
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    // `KEY_1=VAL_1 ... KEY_N=VAL_N`: the repetition and its last item are optional.
    if (unit === '...' || unit.startsWith('...')) {
      i++;
      continue;
    }
    if (unit.startsWith('[')) {
      // `[LOCAL_PORT:]REMOTE_PORT` is required; a fully bracketed unit is optional, but its flag
      // alternatives (`[NAME | --current]`) may stand for the argument.
      if (!unit.endsWith(']')) {
        shape.min++;
        continue;
      }
      if (unit.includes('|')) {
        const alternatives = splitAlternatives(unit);
        if (alternatives.some((alternative) => !isFlag(alternative))) {
          for (const alternative of alternatives) { const name = flagNameOf(alternative, flags); if (name) satisfiedBy.add(name); }
        }
      }
      continue;
    }
    if (unit.startsWith('-')) {
      const name = flagNameOf(unit, flags);
      const takesWord = !unit.includes('=') && name !== undefined && flags[name]?.takesValue && units[i + 1] && !/^[-[(]/.test(units[i + 1]);
      if (takesWord) i++;
      if (name === 'filename' || name === 'kustomize') shape.min++;
      continue;
    }
    if (unit.startsWith('(')) {
      const alternatives = splitAlternatives(unit);
      const positional = alternatives.filter((alternative) => !isFlag(alternative));
      for (const alternative of alternatives) { const name = flagNameOf(alternative, flags); if (name) satisfiedBy.add(name); }
      if (shape.min === 0 && positional.some((alternative) => /^(TYPE|RESOURCE)(?=\s|$)|^TYPE\[[^\s/]*(?=\s|$)|^resource\.group(?!\/)/.test(alternative))) shape.typeFirst = true;
      if (positional.length) shape.min++;
      if (shape.min === 1 && positional.includes('TYPE NAME')) shape.typeNameFirst = true;
      continue;
    }
    if (shape.min === 0 && /^(TYPE|RESOURCE)$/.test(unit)) shape.typeFirst = true;
    shape.min++;
  }
  const requiredAfterDash = afterDash.filter((unit) => !unit.startsWith('[') && !unit.includes('...'));
  if (requiredAfterDash.length) shape.minAfterDash = requiredAfterDash.length;
  if (shape.typeNameFirst && shape.min < 2) delete shape.typeNameFirst;
  // `kubectl create <kind> NAME`: "exactly one NAME is required" (args after `--` are the container command).
  if (commandPath[0] === 'create' && commandPath.length > 1 && /^NAME\b/.test(text)) shape.max = 1;
  // Where the Usage line is incomplete, corrected from kubectl's own behaviour (v1.32, no server):
  const key = commandPath.join(' ');
  if (key === 'logs') satisfiedBy.add('selector'); // `kubectl logs -l app=x` is in its own examples
  if (key === 'set env') shape.min = 1; // KEY=VAL may come from --env, --from or be absent with --list
  if (key === 'kustomize') shape.min = 0; // DIR defaults to the current directory
  if (key === 'auth can-i') shape.min = 2; // "you must specify two arguments: verb resource"
  if (key === 'auth can-i') satisfiedBy.add('list');
  if (satisfiedBy.size && shape.min > 0) shape.satisfiedBy = [...satisfiedBy].sort();
  return shape;
}

function annotateArguments(spec: CommandSpec, commandPath: string[]): void {
  if (commandPath.length > 0 && spec.runnable) {
    const shape = analyseUsage(spec.usage, commandPath, spec.flags);
    if (shape.min > 0 || shape.minAfterDash || shape.typeFirst || shape.max !== undefined) spec.args = shape;
  }
  for (const [childName, child] of Object.entries(spec.subcommands ?? {})) annotateArguments(child, [...commandPath, childName]);
}

// ---------------------------------------------------------------------------------------------
// Command tree discovery

async function describeCommand(commandPath: string[]): Promise<CommandSpec> {
  const help = await runKubectl([...commandPath, '--help']);
  const parsed = parseHelp(help.stdout);
  const name = commandPath.length ? commandPath[commandPath.length - 1] : 'kubectl';
  const spec: CommandSpec = { name, summary: parsed.summary, usage: parsed.usage, runnable: true, flags: parsed.flags };
  const aliases = parsed.aliases.filter((alias) => alias !== name);
  if (aliases.length) spec.aliases = aliases;
  if (/DEPRECATED/i.test(parsed.summary)) spec.deprecated = parsed.summary;

  // Subcommands: ask cobra's own completion for the names (the help text is for humans).
  if (parsed.subcommands.length) {
    const completion = await runKubectl(['__complete', ...commandPath, '']);
    const names = completion.stdout
      .split('\n')
      .filter((line) => line && !line.startsWith(':'))
      .map((line) => line.split('\t')[0])
      .filter((candidate) => parsed.subcommands.includes(candidate) || commandPath.length === 0);
    const children = await Promise.all(names.map((child) => describeCommand([...commandPath, child])));
    spec.subcommands = {};
    for (const child of children) spec.subcommands[child.name] = child;
  }
  return spec;
}

/**
 * A group command (config, rollout, create secret, ...) only dispatches to its subcommands: given an
 * unknown word it says `unknown command` or prints its help, while apply/create/cluster-info run
 * themselves. This is the one probe that runs a command without --help, and only on commands that
 * have subcommands, with a word none of them accepts as a real argument. Of the ones that run, some
 * (create, apply) take no word at all and say "Unexpected args" (`rejectsArgs`).
 */
async function markGroupCommands(spec: CommandSpec, commandPath: string[]): Promise<void> {
  if (!spec.subcommands) return;
  if (commandPath.length > 0) {
    const result = await runKubectl([...commandPath, 'zz-not-a-command']);
    const output = result.stdout + result.stderr;
    spec.runnable = !(/unknown command "zz-not-a-command"/.test(output) || output.trimStart().startsWith(spec.summary));
    if (spec.runnable && /Unexpected args: \[zz-not-a-command\]/.test(output)) spec.rejectsArgs = true;
  }
  for (const [childName, child] of Object.entries(spec.subcommands)) await markGroupCommands(child, [...commandPath, childName]);
}

async function findRequiredFlags(spec: CommandSpec, commandPath: string[]): Promise<void> {
  // cobra completes required flags even without a leading "-" when the word is empty.
  if (spec.runnable && commandPath.length > 0) {
    const completion = await runKubectl(['__complete', ...commandPath, 'x', '']);
    const required = completion.stdout
      .split('\n')
      .filter((line) => line.startsWith('--'))
      .map((line) => line.split('\t')[0].slice(2))
      .filter((flagName) => flagName in spec.flags)
      .sort();
    if (required.length) spec.requiredFlags = required;
  }
  for (const [childName, child] of Object.entries(spec.subcommands ?? {})) await findRequiredFlags(child, [...commandPath, childName]);
}

async function findOutputFormats(spec: CommandSpec, commandPath: string[]): Promise<void> {
  const output = spec.flags.output;
  if (output && commandPath.length > 0) {
    const completion = await runKubectl(['__complete', ...commandPath, '-o', '']);
    const formats = completion.stdout.split('\n').filter((line) => line && !line.startsWith(':')).map((line) => line.split('\t')[0]);
    if (formats.length) output.enum = formats;
  }
  for (const [childName, child] of Object.entries(spec.subcommands ?? {})) await findOutputFormats(child, [...commandPath, childName]);
}

function collectFlagProbes(spec: CommandSpec, commandPath: string[], out: Array<() => Promise<void>>): void {
  for (const [name, flag] of Object.entries(spec.flags)) out.push(() => probeFlag(commandPath, name, flag));
  for (const [childName, child] of Object.entries(spec.subcommands ?? {})) collectFlagProbes(child, [...commandPath, childName], out);
}

function findCommand(root: CommandSpec, commandPath: string[]): CommandSpec | undefined {
  let current: CommandSpec | undefined = root;
  for (const part of commandPath) current = current?.subcommands?.[part];
  return current;
}

// ---------------------------------------------------------------------------------------------
// Resource types

/**
 * Short names as `kubectl api-resources` of a v1.32 cluster prints them (SHORTNAMES column);
 * the API server reports them in discovery, which needs a live server, so they are written down here.
 */
const shortNamesFromApiResources: Record<string, string[]> = {
  componentstatuses: ['cs'],
  configmaps: ['cm'],
  endpoints: ['ep'],
  events: ['ev'],
  limitranges: ['limits'],
  namespaces: ['ns'],
  nodes: ['no'],
  persistentvolumeclaims: ['pvc'],
  persistentvolumes: ['pv'],
  pods: ['po'],
  replicationcontrollers: ['rc'],
  resourcequotas: ['quota'],
  serviceaccounts: ['sa'],
  services: ['svc'],
  customresourcedefinitions: ['crd', 'crds'],
  daemonsets: ['ds'],
  deployments: ['deploy'],
  replicasets: ['rs'],
  statefulsets: ['sts'],
  horizontalpodautoscalers: ['hpa'],
  cronjobs: ['cj'],
  certificatesigningrequests: ['csr'],
  ingresses: ['ing'],
  networkpolicies: ['netpol'],
  poddisruptionbudgets: ['pdb'],
  priorityclasses: ['pc'],
  storageclasses: ['sc'],
};

/**
 * Built-in resources of a v1.32 API server that the stored OpenAPI set does not cover (it holds only
 * some GA groups); same source as the short names.
 */
const resourcesMissingFromOpenapi: ResourceSpec[] = [
  { kind: 'TokenReview', group: 'authentication.k8s.io', version: 'v1', plural: 'tokenreviews', singular: 'tokenreview', namespaced: false },
  { kind: 'SelfSubjectReview', group: 'authentication.k8s.io', version: 'v1', plural: 'selfsubjectreviews', singular: 'selfsubjectreview', namespaced: false },
  { kind: 'LocalSubjectAccessReview', group: 'authorization.k8s.io', version: 'v1', plural: 'localsubjectaccessreviews', singular: 'localsubjectaccessreview', namespaced: true },
  { kind: 'SelfSubjectAccessReview', group: 'authorization.k8s.io', version: 'v1', plural: 'selfsubjectaccessreviews', singular: 'selfsubjectaccessreview', namespaced: false },
  { kind: 'SelfSubjectRulesReview', group: 'authorization.k8s.io', version: 'v1', plural: 'selfsubjectrulesreviews', singular: 'selfsubjectrulesreview', namespaced: false },
  { kind: 'SubjectAccessReview', group: 'authorization.k8s.io', version: 'v1', plural: 'subjectaccessreviews', singular: 'subjectaccessreview', namespaced: false },
  { kind: 'FlowSchema', group: 'flowcontrol.apiserver.k8s.io', version: 'v1', plural: 'flowschemas', singular: 'flowschema', namespaced: false },
  { kind: 'PriorityLevelConfiguration', group: 'flowcontrol.apiserver.k8s.io', version: 'v1', plural: 'prioritylevelconfigurations', singular: 'prioritylevelconfiguration', namespaced: false },
];

function readResources(): ResourceSpec[] {
  const files: string[] = [path.join(openapiDir, 'api', 'v1.json')];
  for (const group of readdirSync(path.join(openapiDir, 'apis')).sort()) {
    for (const file of readdirSync(path.join(openapiDir, 'apis', group)).sort()) files.push(path.join(openapiDir, 'apis', group, file));
  }
  const byKey = new Map<string, ResourceSpec>();
  for (const file of files) {
    const document = JSON.parse(readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, { 'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string } }>> };
    for (const [apiPath, item] of Object.entries(document.paths)) {
      // Collection paths only: /api/v1/pods, /apis/apps/v1/namespaces/{namespace}/deployments.
      const match = /^\/apis?\/(?:[^/]+\/)?[^/]+\/(namespaces\/\{namespace\}\/)?([a-z0-9]+)$/.exec(apiPath);
      if (!match || apiPath.includes('/watch/')) continue;
      const operation = item.get ?? item.post;
      const gvk = operation?.['x-kubernetes-group-version-kind'];
      if (!gvk) continue;
      const plural = match[2];
      if (plural === 'namespaces' && match[1]) continue;
      const key = `${gvk.group}/${plural}`;
      const existing = byKey.get(key);
      const namespaced = Boolean(match[1]) || (existing?.namespaced ?? false);
      // Prefer the preferred (first seen, v1 before v2 for autoscaling would be wrong): keep the highest version.
      const version = existing && existing.version > gvk.version ? existing.version : gvk.version;
      byKey.set(key, { kind: gvk.kind, group: gvk.group, version, plural, singular: gvk.kind.toLowerCase(), namespaced });
    }
  }
  for (const extra of resourcesMissingFromOpenapi) byKey.set(`${extra.group}/${extra.plural}`, extra);
  const resources = [...byKey.values()];
  for (const resource of resources) {
    const shortNames = shortNamesFromApiResources[resource.plural];
    // `events` exists in core and events.k8s.io; kubectl's short name `ev` resolves to the core one.
    if (shortNames && (resource.group === '' || !resources.some((r) => r.group === '' && r.plural === resource.plural))) resource.shortNames = shortNames;
  }
  return resources.sort((a, b) => a.plural.localeCompare(b.plural) || a.group.localeCompare(b.group));
}

// ---------------------------------------------------------------------------------------------

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}

async function main(): Promise<void> {
  const version = await runKubectl(['version', '--client']);
  const root = await describeCommand([]);
  root.runnable = true;
  await markGroupCommands(root, []);

  const optionsHelp = await runKubectl(['options']);
  const globalFlags = parseHelp(optionsHelp.stdout.replace(/^The following options/m, 'Options:\nThe following options')).flags;
  // The default of --cache-dir is $HOME/.kube/cache; keep the output independent of who ran it.
  if (globalFlags['cache-dir']) globalFlags['cache-dir'].default = '$HOME/.kube/cache';

  const probes: Array<() => Promise<void>> = [];
  collectFlagProbes(root, [], probes);
  for (const [name, flag] of Object.entries(globalFlags)) probes.push(() => probeFlag([], name, flag));
  await mapLimited(probes, 8, (probe) => probe());

  for (const historical of historicalFlags) {
    const command = findCommand(root, historical.command);
    if (!command || historical.name in command.flags) continue;
    const result = await runKubectl([...historical.command, '--help', `--${historical.name}=x`]);
    if (/unknown flag/.test(result.stderr)) {
      command.removedFlags = { ...(command.removedFlags ?? {}), [historical.name]: { note: historical.note, ...(historical.replacement ? { replacement: historical.replacement } : {}) } };
    } else {
      const bare = await runKubectl([...historical.command, '--help', `--${historical.name}`]);
      const isBool = /strconv\.ParseBool/.test(result.stderr);
      command.flags[historical.name] = {
        type: isBool ? 'bool' : 'string',
        default: '',
        takesValue: /flag needs an argument/.test(bare.stderr),
        hidden: true,
        deprecated: historical.replacement ? `use --${historical.replacement}` : historical.note,
      };
    }
  }

  await findRequiredFlags(root, []);
  annotateArguments(root, []);
  await findOutputFormats(root, []);

  const grammar = {
    $comment: 'Generated by scripts/gen-kubectl-grammar.ts from the kubectl binary named below; do not edit.',
    kubectl: { binary: kubectlPath, version: version.stdout.trim() },
    globalFlags,
    commands: root.subcommands ?? {},
    rootUsage: root.usage,
    resources: readResources(),
  };
  const json = JSON.stringify(sortKeys(grammar)) + '\n';
  mkdirSync(path.dirname(outPath), { recursive: true });
  writeFileSync(outPath, json);
  rmSync(fakeHome, { recursive: true, force: true });
  console.log(`wrote ${path.relative(repoRoot, outPath)} (${json.length} bytes, ${probes.length} flag probes)`);
}

await main();
