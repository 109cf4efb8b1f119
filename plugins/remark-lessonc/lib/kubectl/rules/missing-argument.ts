/**
 * `kubectl/missing-argument`: a required positional argument or required flag is missing, where
 * kubectl rejects the command before contacting a server ("required flag(s) "image" not set",
 * "You must specify the type of resource to get", "exactly one NAME is required", ...). The argument
 * shapes come from each command's Usage line (see scripts/gen-kubectl-grammar.ts).
 */
import type { Diagnostic } from '../../types.ts';
import { say } from '../../messages.ts';
import { lineDiagnostic } from './diagnostic.ts';
import type { KubectlRule } from './rule.ts';

const ruleId = 'kubectl/missing-argument';

export const missingArgumentRule: KubectlRule = ({ line, invocation, parsed }) => {
  const diagnostics: Diagnostic[] = [];
  if (parsed.openCommand || parsed.problems.some((p) => p.kind === 'unknown-command' || p.kind === 'missing-subcommand')) return diagnostics;
  // With --help kubectl prints help and checks nothing else.
  if (parsed.flags.some((flag) => flag.name === 'help' && flag.value !== 'false')) return diagnostics;
  const where = ['kubectl', ...parsed.commandPath].join(' ');
  const flagsGiven = new Set(parsed.flags.map((flag) => flag.name));
  for (const required of parsed.command.requiredFlags ?? []) {
    if (flagsGiven.has(required)) continue;
    diagnostics.push(lineDiagnostic(line, ruleId, 'error', say('rule.kubectl/missing-argument.requiredFlag', { flag: `--${required}`, where }), invocation.program.start, invocation.end));
  }
  const args = parsed.command.args;
  if (!args) return diagnostics;
  const satisfied = args.satisfiedBy?.some((name) => flagsGiven.has(name)) ?? false;
  const usage = parsed.command.usage.replace(/\s*\[options\]$/, '');
  // `label TYPE NAME KEY=VAL`: kubectl sorts the words into resources and updates (`k=v`, `k-`);
  // it needs at least one of each.
  const isUpdate = (value: string): boolean => value.includes('=') || value.endsWith('-');
  const updatesRequired = args.typeNameFirst && /\b[A-Z_0-9]+=[A-Z_0-9]+\b/.test(parsed.command.usage);
  const missingUpdate = updatesRequired && !satisfied && parsed.positionals.length > 0 && !parsed.positionals.some((w) => isUpdate(w.value) || w.dynamic);
  if (missingUpdate) {
    diagnostics.push(lineDiagnostic(line, ruleId, 'error', say('rule.kubectl/missing-argument.keyValue', { where, usage }), invocation.program.start, invocation.end));
  }
  // `kubectl logs <pod> ...`: a placeholder past the last argument stands for whatever the reader adds.
  if (args.max !== undefined && parsed.positionals.length > args.max && !parsed.positionals.slice(args.max).some((word) => word.dynamic)) {
    const extra = parsed.positionals[args.max];
    diagnostics.push(
      lineDiagnostic(line, ruleId, 'error', say('rule.kubectl/missing-argument.tooMany', { found: extra.value, where, max: args.max, usage }), extra.start, parsed.positionals[parsed.positionals.length - 1].end),
    );
  }
  // Words after `--` are arguments too (`kubectl get -- pods`), except where the usage gives them a
  // meaning of their own (`create deployment NAME -- COMMAND` counts NAME before `--` only); `run`
  // takes its NAME from them as well (`kubectl run -it --image=busybox -- sh` is a pod named `sh`).
  const dashCounts = !/ -- /.test(parsed.command.usage) || parsed.commandPath.join(' ') === 'run';
  const given = parsed.positionals.length + (dashCounts ? parsed.dashArgs.length : 0);
  if (!satisfied && !missingUpdate && given < args.min) {
    diagnostics.push(lineDiagnostic(line, ruleId, 'error', say('rule.kubectl/missing-argument.missing', { where, usage }), invocation.program.start, invocation.end));
  } else if (args.minAfterDash && parsed.dashArgs.length < args.minAfterDash && parsed.positionals.length < 2 && !satisfied) {
    diagnostics.push(lineDiagnostic(line, ruleId, 'error', say('rule.kubectl/missing-argument.afterDash', { where, usage }), invocation.program.start, invocation.end));
  }
  return diagnostics;
};
