/** Builds a Diagnostic from line positions, mapping them (and fix edits) into snippet offsets. */
import type { MessageKey } from '../../i18n.ts';
import type { MessageData } from '../../messages.ts';
import type { Diagnostic, Fix, Severity } from '../../types.ts';
import { snippetRange, type LogicalLine } from '../logical-lines.ts';
import { ruleUrl } from '../../rule-docs.ts';

export interface LineEdit {
  start: number;
  end: number;
  text: string;
}

/** A catalogued message (`say(...)`). */
export interface LineMessage {
  message: string;
  messageId: MessageKey;
  data: MessageData;
}

/** A fix against line positions, its description catalogued (`sayFix(...)`). */
export interface LineFix {
  safe: boolean;
  description: string;
  descriptionId: MessageKey;
  descriptionData: MessageData;
  edits: LineEdit[];
}

export function lineDiagnostic(
  line: LogicalLine,
  ruleId: string,
  severity: Severity,
  text: LineMessage,
  start: number,
  end: number,
  fix?: LineFix,
): Diagnostic {
  const range = snippetRange(line, start, end);
  const diagnostic: Diagnostic = { ruleId, severity, ...text, start: range.start, end: range.end, url: ruleUrl(ruleId) };
  if (fix) {
    const mapped: Fix = {
      ...fix,
      edits: fix.edits.map((edit) => ({ ...snippetRange(line, edit.start, edit.end), text: edit.text })),
    };
    diagnostic.fix = mapped;
  }
  return diagnostic;
}
