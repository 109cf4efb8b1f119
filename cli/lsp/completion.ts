import { CompletionItemKind, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LessonAnalysis } from '../../plugins/remark-lessonc/index.ts';
import { kubectlCompletions } from '../../plugins/remark-lessonc/lib/assist/kubectl-words.ts';
import { snippetAt } from '../../plugins/remark-lessonc/lib/assist/snippet-at.ts';
import { fieldCompletions, valueCompletions } from '../../plugins/remark-lessonc/lib/assist/yaml-fields.ts';
import { snippetOffsetToMarkdown } from '../../plugins/remark-lessonc/lib/extract/positions.ts';
import { translate, type Locale } from '../../plugins/remark-lessonc/lib/i18n.ts';
import { kubernetesVersion } from './lesson-documents.ts';

const kubectlKinds = { subcommand: CompletionItemKind.Module, flag: CompletionItemKind.Property, resource: CompletionItemKind.Class } as const;

/** Field names (and the values a field allows) inside manifests and fragments; kubectl subcommands, flags and resource types inside shell fences. */
export function completion(document: TextDocument, analysis: LessonAnalysis, position: Position, locale: Locale): CompletionItem[] {
  const place = snippetAt(analysis.snippets, document.offsetAt(position));
  if (!place) return [];
  const { snippet, offset } = place;
  const range = (start: number, end: number) => ({ start: document.positionAt(snippetOffsetToMarkdown(snippet, start)), end: document.positionAt(snippetOffsetToMarkdown(snippet, end)) });
  if ((snippet.kind === 'manifest' || snippet.kind === 'yaml-fragment' || snippet.kind === 'yaml') && snippet.meta.check !== false) {
    const version = kubernetesVersion(analysis);
    const values = valueCompletions(snippet.value, offset, snippet.meta, version);
    if (values) {
      return values.values.map((value) => ({
        label: String(value),
        kind: CompletionItemKind.EnumMember,
        detail: `${values.field.name}: ${values.field.type}`,
        textEdit: { range: range(values.start, values.end), newText: String(value) },
      }));
    }
    const found = fieldCompletions(snippet.value, offset, snippet.meta, version);
    if (!found) return [];
    return found.fields.map((field, index) => {
      const scalar = !/^(\[\]|map\[)/.test(field.type) && /^[a-z-]+$/.test(field.type);
      return {
        label: field.name,
        kind: CompletionItemKind.Field,
        detail: field.required ? `${field.type} · ${translate(locale, 'editor.hover.required')}` : field.type,
        ...(field.description ? { documentation: { kind: MarkupKind.Markdown, value: field.description } } : {}),
        sortText: String(index).padStart(4, '0'),
        // A scalar's value goes on the same line; a map or a list starts on the next.
        textEdit: { range: range(found.start, found.end), newText: scalar ? `${field.name}: ` : `${field.name}:` },
      };
    });
  }
  if (snippet.kind === 'shell') {
    const found = kubectlCompletions(snippet.value, offset);
    if (!found) return [];
    return found.suggestions.map((suggestion) => ({
      label: suggestion.label,
      kind: kubectlKinds[suggestion.kind],
      ...(suggestion.detail ? { detail: suggestion.detail } : {}),
      ...(suggestion.documentation ? { documentation: suggestion.documentation } : {}),
      textEdit: { range: range(found.start, found.end), newText: suggestion.label },
    }));
  }
  return [];
}
