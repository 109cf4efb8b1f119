import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixLesson, type Edit, type LessonAnalysis, type LessonMessage } from '../../plugins/remark-lessonc/index.ts';
import { translate, type Locale } from '../../plugins/remark-lessonc/lib/i18n.ts';
import { localizeFix } from '../../plugins/remark-lessonc/lib/messages.ts';
import { toDiagnostic } from './diagnostics.ts';
import { editsBetween } from './text-edits.ts';

/** Editors ask for this kind on save (`source.fixAll`); lessonc's own sub-kind names whose it is. */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.lessonc`;

function textEdits(document: TextDocument, edits: Edit[]): TextEdit[] {
  return edits.map((edit) => ({ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.text }));
}

function overlaps(document: TextDocument, message: LessonMessage, params: CodeActionParams): boolean {
  const start = document.offsetAt(params.range.start);
  const end = document.offsetAt(params.range.end);
  return message.start.offset <= end && start <= message.end.offset;
}

/**
 * Quick fixes for the problems at the requested range (each safe fix; each unsafe one labelled so),
 * and "fix all safe problems in this file": exactly what `lessonc fix` writes, as edits of the open text.
 */
export function codeActions(document: TextDocument, analysis: LessonAnalysis, params: CodeActionParams, locale: Locale): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const message of analysis.messages) {
      if (!message.fix || message.fix.edits.length === 0 || !overlaps(document, message, params)) continue;
      const description = localizeFix(locale, message.fix);
      actions.push({
        title: translate(locale, message.fix.safe ? 'editor.fix.safe' : 'editor.fix.unsafe', { description }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [toDiagnostic(document, message, locale)],
        isPreferred: message.fix.safe,
        edit: { changes: { [document.uri]: textEdits(document, message.fix.edits) } },
      });
    }
  }
  const safe = analysis.messages.filter((message) => message.fix?.safe && message.fix.edits.length > 0);
  const offerFixAll = only ? wants(fixAllKind) : actions.length > 0;
  // `lessonc fix` keeps an `original: true` lesson as written (the site shows it corrected): so does fix-all.
  if (safe.length > 0 && offerFixAll && !analysis.frontmatter?.original) {
    const text = document.getText();
    const fixed = fixLesson(text).output;
    if (fixed !== text) {
      actions.push({
        title: translate(locale, 'editor.fix.all', { count: safe.length }),
        kind: fixAllKind,
        edit: { changes: { [document.uri]: textEdits(document, editsBetween(text, fixed)) } },
      });
    }
  }
  return actions;
}
