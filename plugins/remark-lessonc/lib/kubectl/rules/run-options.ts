/**
 * `kubectl/run-options`: what `kubectl run` itself rejects before it contacts a server — a TTY
 * without stdin (`-t` without `-i`), `--rm` on a container it does not attach to, and a restart
 * policy other than Always, OnFailure or Never (case matters). Checked against kubectl 1.32.
 */
import type { Diagnostic } from '../../types.ts';
import { nearestNames } from '../nearest.ts';
import { flagValue, isGoTrue, type ParsedInvocation } from '../parse.ts';
import { say, sayFix } from '../../messages.ts';
import { lineDiagnostic } from './diagnostic.ts';
import type { KubectlRule } from './rule.ts';

const ruleId = 'kubectl/run-options';
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];

export const runOptionsRule: KubectlRule = ({ line, parsed }) => {
  if (parsed.commandPath.join(' ') !== 'run') return [];
  const diagnostics: Diagnostic[] = [];
  const stdin = isSet(parsed, 'stdin');
  const tty = flagValue(parsed, 'tty');
  if (tty && isSet(parsed, 'tty') && !stdin) {
    diagnostics.push(
      lineDiagnostic(line, ruleId, 'error', say('rule.kubectl/run-options.ttyWithoutStdin', { flag: tty.written }), tty.start, tty.end,
        tty.written === '-t' ? { safe: false, ...sayFix('fix.replace', { found: '-t', expected: '-it' }), edits: [{ start: tty.start, end: tty.end, text: '-it' }] } : undefined),
    );
  }
  const rm = flagValue(parsed, 'rm');
  const attach = flagValue(parsed, 'attach');
  // kubectl attaches when asked to, and otherwise exactly when stdin is open.
  const attached = attach ? isSet(parsed, 'attach') : stdin;
  if (rm && isSet(parsed, 'rm') && !attached) {
    diagnostics.push(lineDiagnostic(line, ruleId, 'error', say('rule.kubectl/run-options.rmWithoutAttach', { flag: rm.written }), rm.start, rm.end));
  }
  const restart = flagValue(parsed, 'restart');
  if (restart?.value !== undefined && !RESTART_POLICIES.includes(restart.value) && restart.valueStart !== undefined && restart.valueEnd !== undefined) {
    const value = restart.value;
    const nearest = RESTART_POLICIES.find((policy) => policy.toLowerCase() === value.toLowerCase()) ?? nearestNames(value, RESTART_POLICIES)[0];
    const { valueStart, valueEnd } = restart;
    diagnostics.push(
      lineDiagnostic(line, ruleId, 'error', nearest ? say('rule.kubectl/run-options.restartNearest', { value, expected: nearest }) : say('rule.kubectl/run-options.restart', { value }), valueStart, valueEnd,
        nearest ? { safe: true, ...sayFix('fix.replace', { found: value, expected: nearest }), edits: [{ start: valueStart, end: valueEnd, text: nearest }] } : undefined),
    );
  }
  return diagnostics;
};

/** A bool flag given bare (`-i`) or with a true value (`--stdin=true`). */
function isSet(parsed: ParsedInvocation, name: string): boolean {
  const flag = flagValue(parsed, name);
  return flag !== undefined && (flag.value === undefined || isGoTrue(flag.value));
}
