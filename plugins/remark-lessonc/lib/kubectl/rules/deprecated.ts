/**
 * `kubectl/deprecated`: usage kubectl deprecated (still accepted, with a warning: severity warning)
 * or removed (rejected: severity error).
 * - bare `--dry-run`: kubectl 1.32 warns "--dry-run is deprecated and can be replaced with --dry-run=client";
 * - flags marked deprecated or hidden as deprecated;
 * - flags removed from kubectl (`--include-uninitialized`, `--export`, ...);
 * - `kubectl exec POD COMMAND`: "exec [POD] [COMMAND] is not supported anymore".
 */
import type { Diagnostic } from '../../types.ts';
import { lineDiagnostic } from './diagnostic.ts';
import type { KubectlRule } from './rule.ts';

const ruleId = 'kubectl/deprecated';

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
        lineDiagnostic(line, ruleId, 'warning', `Unexpected bare \`${flag.written}\`, expected \`--dry-run=${value}\` (bare \`--dry-run\` is deprecated)`, flag.start, end,
          { safe: true, description: `Replace with \`--dry-run=${value}\``, edits: [{ start: flag.start, end, text: `--dry-run=${value}` }] }),
      );
      continue;
    }
    if (flag.flag?.deprecated) {
      diagnostics.push(lineDiagnostic(line, ruleId, 'warning', `Unexpected deprecated flag \`${flag.written}\`: ${flag.flag.deprecated}`, flag.start, flag.end));
    }
  }
  for (const problem of parsed.problems) {
    if (problem.kind !== 'unknown-flag' || problem.shorthand) continue;
    const name = problem.word.value.replace(/^--/, '').split('=')[0];
    const removed = parsed.command.removedFlags?.[name];
    if (!removed) continue;
    const word = problem.word;
    const replacement = removed.replacement;
    const expected = replacement ? `, expected \`--${replacement}\`` : '';
    // Removing the flag, with the space before it, is the only fix when nothing replaced it.
    let removeStart = word.start;
    while (removeStart > 0 && line.text[removeStart - 1] === ' ') removeStart--;
    diagnostics.push(
      lineDiagnostic(line, ruleId, 'error', `Unexpected flag \`--${name}\` (${removed.note})${expected}`, word.start, word.end,
        replacement
          ? { safe: true, description: `Replace with \`--${replacement}\``, edits: [{ start: word.start, end: word.end, text: `--${replacement}${word.value.includes('=') && !replacement.includes('=') ? word.value.slice(word.value.indexOf('=')) : ''}` }] }
          : { safe: false, description: `Remove \`--${name}\``, edits: [{ start: removeStart, end: word.end, text: '' }] }),
    );
  }
  // `kubectl exec POD COMMAND` without `--`: kubectl 1.32 rejects it ("is not supported anymore").
  if (parsed.commandPath.join(' ') === 'exec' && !parsed.dashDash && parsed.positionals.length >= 2) {
    const command = parsed.positionals[1];
    diagnostics.push(
      lineDiagnostic(line, ruleId, 'error', `Unexpected command \`${command.value}\` without \`--\`, expected \`kubectl exec POD -- COMMAND\` (\`exec POD COMMAND\` was removed)`, command.start, parsed.positionals[parsed.positionals.length - 1].end,
        { safe: true, description: `Insert \`--\` before \`${command.value}\``, edits: [{ start: command.start, end: command.start, text: '-- ' }] }),
    );
  }
  return diagnostics;
};
