/**
 * `kubectl/unknown-flag`: a flag or shorthand the command does not have (kubectl: "unknown flag",
 * "unknown shorthand flag"). The classic mistake is a long flag with one dash: pflag reads `-all` as
 * the shorthands `-a -l -l`, so the fix is `--all`.
 */
import type { Diagnostic } from '../../types.ts';
import { flagSetOf } from '../grammar.ts';
import { nearestNames } from '../nearest.ts';
import { lineDiagnostic } from './diagnostic.ts';
import type { KubectlRule } from './rule.ts';

const ruleId = 'kubectl/unknown-flag';

export const unknownFlagRule: KubectlRule = ({ grammar, line, parsed }) => {
  const diagnostics: Diagnostic[] = [];
  const flagSet = flagSetOf(grammar, parsed.command);
  const where = ['kubectl', ...parsed.commandPath].join(' ');
  for (const problem of parsed.problems) {
    if (problem.kind !== 'unknown-flag') continue;
    const word = problem.word;
    const plain = word.raw === word.value;
    const body = word.value.replace(/^--?/, '');
    const name = body.split('=')[0];
    // Removed flags are reported by kubectl/deprecated with what replaced them.
    if (!problem.shorthand && parsed.command.removedFlags?.[name]) continue;
    if (problem.shorthand && word.value.startsWith('-') && !word.value.startsWith('--') && name.length > 1 && flagSet.byName.has(name)) {
      // `-all` → `--all`: the whole word was meant as a long flag.
      const end = plain ? word.start + 1 + name.length : word.end;
      diagnostics.push(
        lineDiagnostic(line, ruleId, 'error', `Unexpected flag \`-${name}\`, expected \`--${name}\``, word.start, end,
          plain ? { safe: true, description: `Replace \`-${name}\` with \`--${name}\``, edits: [{ start: word.start, end: word.start + 1, text: '--' }] } : undefined),
      );
      continue;
    }
    if (problem.shorthand) {
      const letter = problem.written.slice(1);
      const inCluster = word.value.length > 2 && !word.value.startsWith('--');
      const shown = inCluster ? `\`${problem.written}\` in \`${word.value.split('=')[0]}\`` : `\`${problem.written}\``;
      const upper = flagSet.byShorthand.get(letter.toUpperCase()) ?? flagSet.byShorthand.get(letter.toLowerCase());
      const hint = upper && upper !== letter ? `, expected \`-${flagSet.byName.get(upper)?.shorthand}\` (\`--${upper}\`)` : '';
      diagnostics.push(lineDiagnostic(line, ruleId, 'error', `Unexpected shorthand flag ${shown} for \`${where}\`${hint}`, problem.start, problem.end));
      continue;
    }
    const candidates = [...flagSet.byName.entries()].filter(([, flag]) => !flag.hidden).map(([n]) => n);
    const suggestions = nearestNames(name, candidates);
    const expected = suggestions.length ? `, expected ${suggestions.map((s) => `\`--${s}\``).join(' or ')}` : '';
    const nameStart = plain ? word.start + 2 : word.start;
    const nameEnd = plain ? nameStart + name.length : word.end;
    diagnostics.push(
      lineDiagnostic(line, ruleId, 'error', `Unexpected flag \`--${name}\` for \`${where}\`${expected}`, word.start, nameEnd,
        suggestions.length && plain
          ? { safe: suggestions.length === 1, description: `Replace \`--${name}\` with \`--${suggestions[0]}\``, edits: [{ start: nameStart, end: nameEnd, text: suggestions[0] }] }
          : undefined),
    );
  }
  return diagnostics;
};
