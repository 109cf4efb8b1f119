import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LessonAnalysis } from '../../plugins/remark-lessonc/index.ts';
import { kubectlWordAt } from '../../plugins/remark-lessonc/lib/assist/kubectl-words.ts';
import { snippetAt } from '../../plugins/remark-lessonc/lib/assist/snippet-at.ts';
import { fieldAt } from '../../plugins/remark-lessonc/lib/assist/yaml-fields.ts';
import { snippetOffsetToMarkdown } from '../../plugins/remark-lessonc/lib/extract/positions.ts';
import { translate, type Locale } from '../../plugins/remark-lessonc/lib/i18n.ts';
import { kubernetesVersion } from './lesson-documents.ts';

const yamlKinds = new Set(['manifest', 'yaml-fragment', 'yaml']);

/** The Kubernetes field or the kubectl flag or command under the cursor, explained. */
export function hover(document: TextDocument, analysis: LessonAnalysis, position: Position, locale: Locale): Hover | null {
  const place = snippetAt(analysis.snippets, document.offsetAt(position));
  if (!place) return null;
  const { snippet, offset } = place;
  const range = (start: number, end: number) => ({ start: document.positionAt(snippetOffsetToMarkdown(snippet, start)), end: document.positionAt(snippetOffsetToMarkdown(snippet, end)) });
  const reply = (lines: string[], start: number, end: number): Hover => ({ contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: range(start, end) });
  if (yamlKinds.has(snippet.kind) && snippet.meta.check !== false) {
    const field = fieldAt(snippet.value, offset, snippet.meta, kubernetesVersion(analysis));
    if (!field) return null;
    const heading = [`**\`${field.name}\`**`, `\`${field.type}\``, ...(field.required ? [translate(locale, 'editor.hover.required')] : [])].join(' · ');
    return reply(
      [
        heading,
        ...(field.description ? [field.description] : []),
        ...(field.allowed ? [translate(locale, 'editor.hover.allowed', { values: field.allowed.map((v) => `\`${v}\``).join(', ') })] : []),
        `\`${field.path}\`${field.owner ? ` (${field.owner})` : ''}`,
      ],
      field.start,
      field.end,
    );
  }
  if (snippet.kind === 'shell') {
    const word = kubectlWordAt(snippet.value, offset);
    if (!word) return null;
    if (word.kind === 'command') return reply([`**kubectl ${word.command.join(' ')}** — ${word.summary}`, `\`${word.usage}\``], word.start, word.end);
    const names = [`--${word.name}`, ...(word.shorthand ? [`-${word.shorthand}`] : [])].map((name) => `\`${name}\``).join(', ');
    return reply(
      [
        `**${names}** · \`${word.type}\` · kubectl ${word.command.join(' ')}`,
        ...(word.help ? [word.help] : []),
        ...(word.default && word.default !== '[]' ? [translate(locale, 'editor.hover.default', { value: `\`${word.default}\`` })] : []),
        ...(word.deprecated ? [translate(locale, 'editor.hover.deprecated', { note: word.deprecated })] : []),
      ],
      word.start,
      word.end,
    );
  }
  return null;
}
