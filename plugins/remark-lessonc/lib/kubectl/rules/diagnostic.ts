/** Builds a Diagnostic from line positions, mapping them (and fix edits) into snippet offsets. */
import type { Diagnostic, Fix, Severity } from '../../types.ts';
import { snippetRange, type LogicalLine } from '../logical-lines.ts';
import { ruleUrl } from '../../rule-docs.ts';

export interface LineEdit {
  start: number;
  end: number;
  text: string;
}

export function lineDiagnostic(
  line: LogicalLine,
  ruleId: string,
  severity: Severity,
  message: string,
  start: number,
  end: number,
  fix?: { safe: boolean; description: string; edits: LineEdit[] },
): Diagnostic {
  const range = snippetRange(line, start, end);
  const diagnostic: Diagnostic = { ruleId, severity, message, start: range.start, end: range.end, url: ruleUrl(ruleId) };
  if (fix) {
    const mapped: Fix = {
      safe: fix.safe,
      description: fix.description,
      edits: fix.edits.map((edit) => ({ ...snippetRange(line, edit.start, edit.end), text: edit.text })),
    };
    diagnostic.fix = mapped;
  }
  return diagnostic;
}
