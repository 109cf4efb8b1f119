/**
 * `kubectl/deprecated`: usage kubectl deprecated (still accepted, with a warning: severity warning)
 * or removed (rejected: severity error). Each case checked against kubectl 1.32:
 * - bare `--dry-run`: "--dry-run is deprecated and can be replaced with --dry-run=client";
 * - boolean values of `--cascade` and `--dry-run` (`--cascade=false`): "is deprecated (boolean
 *   value) and can be replaced with --cascade=orphan" (see enumerated-values.ts);
 * - `kubectl debug --profile=legacy`: "is deprecated and will be removed in the future";
 * - flags marked deprecated or hidden as deprecated (`--record`: "Flag --record has been deprecated");
 * - flags removed from kubectl (`--include-uninitialized`, `--export`, ...);
 * - `kubectl exec POD COMMAND`: "exec [POD] [COMMAND] is not supported anymore".
 */
import type { Diagnostic } from '../../types.ts';
import { say, sayFix } from '../../messages.ts';
import { deprecatedBooleanValue } from '../enumerated-values.ts';
import type { LogicalLine } from '../logical-lines.ts';
import type { ShellWord } from '../tokenize.ts';
import { lineDiagnostic } from './diagnostic.ts';
import type { KubectlRule } from './rule.ts';

const ruleId = 'kubectl/deprecated';

/** Where removing a word starts: with the spaces before it, so no double space is left. */
function removalStart(line: LogicalLine, word: ShellWord): number {
  let start = word.start;
  while (start > 0 && line.text[start - 1] === ' ') start--;
  return start;
}

export const deprecatedRule: KubectlRule = ({ line, parsed }) => {
  const diagnostics: Diagnostic[] = [];
  for (const flag of parsed.flags) {
    if (flag.name === 'dry-run' && flag.value === undefined && flag.flag && !flag.flag.takesValue) {
      // `--dry-run client` (a separate word) is bare --dry-run plus an argument: join them.
      const next = parsed.positionals.find((word) => word.start > flag.end);
      const joinsNext = next && flag.flag.enum?.includes(next.value) && /^\s+$/.test(line.text.slice(flag.end, next.start));
      const value = joinsNext && next ? next.value : 'client';
      const end = joinsNext && next ? next.end : flag.end;
      diagnostics.push(
        lineDiagnostic(line, ruleId, 'warning', say('rule.kubectl/deprecated.bareDryRun', { flag: flag.written, value }), flag.start, end,
          { safe: true, ...sayFix('fix.replace', { found: line.text.slice(flag.start, end), expected: `--dry-run=${value}` }), edits: [{ start: flag.start, end, text: `--dry-run=${value}` }] }),
      );
      continue;
    }
    const replacement = deprecatedBooleanValue(flag);
    if (replacement !== undefined && flag.valueStart !== undefined && flag.valueEnd !== undefined && !flag.word.dynamic) {
      const plain = line.text.slice(flag.valueStart, flag.valueEnd) === flag.value;
      diagnostics.push(
        lineDiagnostic(line, ruleId, 'warning', say('rule.kubectl/deprecated.booleanValue', { flag: flag.written, value: flag.value ?? '', expected: replacement }), flag.valueStart, flag.valueEnd,
          plain ? { safe: true, ...sayFix('fix.replace', { found: flag.value ?? '', expected: replacement }), edits: [{ start: flag.valueStart, end: flag.valueEnd, text: replacement }] } : undefined),
      );
      continue;
    }
    if (parsed.commandPath.join(' ') === 'debug' && flag.name === 'profile' && flag.value === 'legacy' && flag.valueStart !== undefined && flag.valueEnd !== undefined) {
      // Not safe: the general profile is a different set of privileges.
      diagnostics.push(
        lineDiagnostic(line, ruleId, 'warning', say('rule.kubectl/deprecated.legacyProfile', { flag: flag.written }), flag.valueStart, flag.valueEnd,
          { safe: false, ...sayFix('fix.replace', { found: 'legacy', expected: 'general' }), edits: [{ start: flag.valueStart, end: flag.valueEnd, text: 'general' }] }),
      );
      continue;
    }
    if (flag.flag?.deprecated) {
      const since = /since kubectl ([\d.]+)/.exec(flag.flag.deprecated)?.[1];
      const text = since ? say('rule.kubectl/deprecated.flagSince', { flag: flag.written, version: since }) : say('rule.kubectl/deprecated.flag', { flag: flag.written, note: flag.flag.deprecated });
      // Removing it changes what is recorded (the change-cause annotation): not safe.
      diagnostics.push(
        lineDiagnostic(line, ruleId, 'warning', text, flag.start, flag.end,
          { safe: false, ...sayFix('fix.remove', { found: flag.word.value }), edits: [{ start: removalStart(line, flag.word), end: (flag.valueWord ?? flag.word).end, text: '' }] }),
      );
    }
  }
  for (const problem of parsed.problems) {
    if (problem.kind !== 'unknown-flag' || problem.shorthand) continue;
    const name = problem.word.value.replace(/^--/, '').split('=')[0];
    const removed = parsed.command.removedFlags?.[name];
    if (!removed) continue;
    const word = problem.word;
    const replacement = removed.replacement;
    const version = /in kubectl ([\d.]+)/.exec(removed.note)?.[1];
    const data = { flag: `--${name}`, version: version ?? '', expected: replacement ? `--${replacement}` : '' };
    const text = replacement
      ? say(version ? 'rule.kubectl/deprecated.replacedIn' : 'rule.kubectl/deprecated.replaced', data)
      : say(version ? 'rule.kubectl/deprecated.removedIn' : 'rule.kubectl/deprecated.removed', data);
    // Removing the flag, with the space before it, is the only fix when nothing replaced it.
    diagnostics.push(
      lineDiagnostic(line, ruleId, 'error', text, problem.start, problem.end,
        replacement
          ? { safe: true, ...sayFix('fix.replace', { found: `--${name}`, expected: `--${replacement}` }), edits: [{ start: word.start, end: word.end, text: `--${replacement}${word.value.includes('=') && !replacement.includes('=') ? word.value.slice(word.value.indexOf('=')) : ''}` }] }
          : { safe: false, ...sayFix('fix.remove', { found: `--${name}` }), edits: [{ start: removalStart(line, word), end: word.end, text: '' }] }),
    );
  }
  // `kubectl exec POD COMMAND` without `--`: kubectl 1.32 rejects it ("is not supported anymore").
  if (parsed.commandPath.join(' ') === 'exec' && !parsed.dashDash && parsed.positionals.length >= 2) {
    const command = parsed.positionals[1];
    diagnostics.push(
      lineDiagnostic(line, ruleId, 'error', say('rule.kubectl/deprecated.execWithoutDashDash', { command: command.value }), command.start, parsed.positionals[parsed.positionals.length - 1].end,
        { safe: true, ...sayFix('fix.kubectl/deprecated.insertDashDash', { command: command.value }), edits: [{ start: command.start, end: command.start, text: '-- ' }] }),
    );
  }
  return diagnostics;
};
