import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LessonMessage } from '../../plugins/remark-lessonc/index.ts';
import type { Locale } from '../../plugins/remark-lessonc/lib/i18n.ts';
import { localizeLessonMessage } from '../../plugins/remark-lessonc/lib/messages.ts';
import { ruleDocUri } from './rule-links.ts';

const severities = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** A lesson problem as the editor shows it: at its range, with its rule id linked to the rule's doc. */
export function toDiagnostic(document: TextDocument, message: LessonMessage, locale: Locale): Diagnostic {
  return {
    range: { start: document.positionAt(message.start.offset), end: document.positionAt(message.end.offset) },
    severity: severities[message.severity],
    code: message.ruleId,
    codeDescription: { href: ruleDocUri(message.url) },
    source: 'lessonc',
    message: localizeLessonMessage(locale, message),
  };
}
