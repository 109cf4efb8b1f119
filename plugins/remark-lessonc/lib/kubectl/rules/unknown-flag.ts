/**
 * `kubectl/unknown-flag`: a flag or shorthand the command does not have (kubectl: "unknown flag",
 * "unknown shorthand flag"). The classic mistake is a long flag with one dash: pflag reads `-all` as
 * the shorthands `-a -l -l` (rejected: an error) and `-sort-by=x` as `-s ort-by=x`, the server
 * address (accepted, meaning something else: a warning); either way the fix is `--all`, `--sort-by`.
 */
import type { Diagnostic } from '../../types.ts';
import { flagSetOf } from '../grammar.ts';
import { nearestNames } from '../nearest.ts';
import { lineEndOfValueRange, lineOffsetOfValueIndex } from '../word-offsets.ts';
import { codeList, say, sayFix } from '../../messages.ts';
import { lineDiagnostic } from './diagnostic.ts';
import type { KubectlRule } from './rule.ts';

const ruleId = 'kubectl/unknown-flag';

export const unknownFlagRule: KubectlRule = ({ grammar, line, parsed }) => {
  const diagnostics: Diagnostic[] = [];
  const flagSet = flagSetOf(grammar, parsed.command);
  const where = ['kubectl', ...parsed.commandPath].join(' ');
  for (const problem of parsed.problems) {
    if (problem.kind === 'single-dash-flag') {
      const { word, name } = problem;
      const end = lineEndOfValueRange(word, 1 + name.length);
      const text = problem.rejected
        ? say('rule.kubectl/unknown-flag.singleDash', { name })
        : say('rule.kubectl/unknown-flag.singleDashShorthands', { name, reading: problem.shorthands });
      const dash = lineOffsetOfValueIndex(word, 0);
      diagnostics.push(
        lineDiagnostic(line, ruleId, problem.rejected ? 'error' : 'warning', text, dash, end,
          { safe: true, ...sayFix('fix.replace', { found: `-${name}`, expected: `--${name}` }), edits: [{ start: dash, end: dash + 1, text: '--' }] }),
      );
      continue;
    }
    if (problem.kind !== 'unknown-flag') continue;
    const word = problem.word;
    const plain = word.raw === word.value;
    const body = word.value.replace(/^--?/, '');
    const name = body.split('=')[0];
    // Removed flags are reported by kubectl/deprecated with what replaced them.
    if (!problem.shorthand && parsed.command.removedFlags?.[name]) continue;
    if (problem.shorthand) {
      const letter = problem.written.slice(1);
      const inCluster = word.value.length > 2 && !word.value.startsWith('--');
      const upper = flagSet.byShorthand.get(letter.toUpperCase()) ?? flagSet.byShorthand.get(letter.toLowerCase());
      const expected = upper && upper !== letter ? flagSet.byName.get(upper)?.shorthand : undefined;
      const data = { flag: problem.written, word: word.value.split('=')[0], where, ...(expected && upper ? { expected: `-${expected}`, long: `--${upper}` } : {}) };
      const text = inCluster
        ? say(expected ? 'rule.kubectl/unknown-flag.shorthandInClusterCase' : 'rule.kubectl/unknown-flag.shorthandInCluster', data)
        : say(expected ? 'rule.kubectl/unknown-flag.shorthandCase' : 'rule.kubectl/unknown-flag.shorthand', data);
      diagnostics.push(lineDiagnostic(line, ruleId, 'error', text, problem.start, problem.end));
      continue;
    }
    const candidates = [...flagSet.byName.entries()].filter(([, flag]) => !flag.hidden).map(([n]) => n);
    const suggestions = nearestNames(name, candidates);
    const nameStart = lineOffsetOfValueIndex(word, 2);
    const nameEnd = problem.end;
    const text = suggestions.length
      ? say(suggestions.length > 1 ? 'rule.kubectl/unknown-flag.longNearestMany' : 'rule.kubectl/unknown-flag.longNearest', { name, where, expected: codeList(suggestions.map((s) => `--${s}`), ', ') })
      : say('rule.kubectl/unknown-flag.long', { name, where });
    diagnostics.push(
      lineDiagnostic(line, ruleId, 'error', text, problem.start, nameEnd,
        suggestions.length && plain
          ? { safe: suggestions.length === 1, ...sayFix('fix.replace', { found: `--${name}`, expected: `--${suggestions[0]}` }), edits: [{ start: nameStart, end: nameEnd, text: suggestions[0] }] }
          : undefined),
    );
  }
  return diagnostics;
};
