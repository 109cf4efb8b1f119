/** `kubectl/unknown-command`: a command or subcommand kubectl does not have, or a group without one. */
import type { Diagnostic } from '../../types.ts';
import { codeList, say, sayFix } from '../../messages.ts';
import { nearestNames } from '../nearest.ts';
import { lineDiagnostic } from './diagnostic.ts';
import type { KubectlRule } from './rule.ts';

const ruleId = 'kubectl/unknown-command';

export const unknownCommandRule: KubectlRule = ({ line, invocation, parsed }) => {
  const diagnostics: Diagnostic[] = [];
  for (const problem of parsed.problems) {
    if (problem.kind === 'unknown-command') {
      const names = Object.values(problem.parent.subcommands ?? {}).flatMap((c) => [c.name, ...(c.aliases ?? [])]);
      const suggestions = nearestNames(problem.word.value, names);
      const where = ['kubectl', ...problem.parentPath].join(' ');
      const data = { found: problem.word.value, where, expected: codeList(suggestions, ', ') };
      const many = suggestions.length > 1;
      const text = problem.parentPath.length
        ? say(many ? 'rule.kubectl/unknown-command.subcommandNearestMany' : suggestions.length ? 'rule.kubectl/unknown-command.subcommandNearest' : 'rule.kubectl/unknown-command.subcommand', data)
        : say(many ? 'rule.kubectl/unknown-command.commandNearestMany' : suggestions.length ? 'rule.kubectl/unknown-command.commandNearest' : 'rule.kubectl/unknown-command.command', data);
      diagnostics.push(
        lineDiagnostic(line, ruleId, 'error', text, problem.word.start, problem.word.end,
          suggestions.length
            ? { safe: suggestions.length === 1, ...sayFix('fix.replace', { found: problem.word.value, expected: suggestions[0] }), edits: [{ start: problem.word.start, end: problem.word.end, text: suggestions[0] }] }
            : undefined),
      );
    } else if (problem.kind === 'missing-subcommand') {
      const names = Object.keys(problem.command.subcommands ?? {});
      const where = ['kubectl', ...problem.commandPath].join(' ');
      diagnostics.push(
        lineDiagnostic(line, ruleId, 'error', say('rule.kubectl/unknown-command.missingSubcommand', { where, expected: codeList(names, ', ') }), invocation.program.start, invocation.end),
      );
    }
  }
  // `kubctl get pods`: the program word itself is a typo of `kubectl` (found by findKubectlInvocations).
  if (invocation.misspelt) {
    const { program } = invocation;
    diagnostics.push(
      lineDiagnostic(line, ruleId, 'error', say('rule.kubectl/unknown-command.program', { found: program.value }), program.start, program.end,
        { safe: true, ...sayFix('fix.replace', { found: program.value, expected: 'kubectl' }), edits: [{ start: program.start, end: program.end, text: 'kubectl' }] }),
    );
  }
  return diagnostics;
};
