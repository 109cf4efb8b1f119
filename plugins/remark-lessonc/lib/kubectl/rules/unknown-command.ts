/** `kubectl/unknown-command`: a command or subcommand kubectl does not have, or a group without one. */
import type { Diagnostic } from '../../types.ts';
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
      const what = problem.parentPath.length ? 'subcommand' : 'command';
      const expected = suggestions.length ? `, expected ${suggestions.map((s) => `\`${s}\``).join(' or ')}` : '';
      diagnostics.push(
        lineDiagnostic(line, ruleId, 'error', `Unexpected ${what} \`${problem.word.value}\` for \`${where}\`${expected}`, problem.word.start, problem.word.end,
          suggestions.length
            ? { safe: suggestions.length === 1, description: `Replace \`${problem.word.value}\` with \`${suggestions[0]}\``, edits: [{ start: problem.word.start, end: problem.word.end, text: suggestions[0] }] }
            : undefined),
      );
    } else if (problem.kind === 'missing-subcommand') {
      const names = Object.keys(problem.command.subcommands ?? {});
      const where = ['kubectl', ...problem.commandPath].join(' ');
      diagnostics.push(
        lineDiagnostic(line, ruleId, 'error', `Missing subcommand for \`${where}\`, expected one of ${names.map((n) => `\`${n}\``).join(', ')}`, invocation.program.start, invocation.end),
      );
    }
  }
  return diagnostics;
};
