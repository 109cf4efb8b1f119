import type { Root, Yaml } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { aliasLimitProblems, yamlTextLimit } from './yaml/limits.ts';
import { parsedData, parseYamlDocuments } from './yaml/parse.ts';
import { extractQuestions, type ExtractedQuestions } from './extract/questions.ts';
import { isIntentional } from './extract/meta.ts';
import { extractSnippets, type ExtractedSnippet } from './extract/snippets.ts';
import { lineStartOffsets, markdownPoint, snippetEditToMarkdown, snippetOffsetToMarkdown, type Point } from './extract/positions.ts';
import { nearestNames } from './edit-distance.ts';
import { escapeRegExp } from './regexp.ts';
import { LessonFrontmatter } from './frontmatter.ts';
import { downgradeResolvedProblems } from './original.ts';
import { findCorrections } from './extract/corrections.ts';
import { ruleUrl } from './rule-docs.ts';
import { parseLesson, withoutBom } from './parse.ts';
import type { Edit, Severity } from './types.ts';
import type { MessageKey } from './i18n.ts';
import { codeList, inferredNote, say, withInferredNote, type MessageData } from './messages.ts';
import { validateSnippets } from './validate.ts';
import { checkAnswerKeys } from './quiz/keys.ts';
import { findUnsafeHtml } from './html/unsafe.ts';
import { placeholderTagsToText } from './html/placeholder-tags.ts';


/** A problem located in the lesson file, ready for vfile, the CLI and the fix loop. */
export interface LessonMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Catalogue id and parameters of `message`, for wording it in the reader's language. */
  messageId?: MessageKey;
  data?: MessageData;
  url: string;
  /** The author marked it as deliberate (`intentional` code meta): information, not a problem. */
  intentional: boolean;
  /** Null for problems outside snippets (frontmatter). */
  snippetIndex: number | null;
  start: Point;
  end: Point;
  /** The fix as edits of the Markdown source. */
  fix?: { safe: boolean; description: string; descriptionId?: MessageKey; descriptionData?: MessageData; edits: Edit[] };
}

export interface LessonAnalysis {
  markdown: string;
  tree: Root;
  frontmatter: LessonFrontmatter | null;
  snippets: ExtractedSnippet[];
  messages: LessonMessage[];
  questions: ExtractedQuestions;
}

export interface AnalyzeOptions {
  /**
   * Report every problem at its own severity, even in an `original` lesson (the fix loop reads
   * lessons this way; only the lesson's own check grades an original's problems).
   */
  asWritten?: boolean;
}

/**
 * The parse → extract → validate stages for one lesson. `tree` may be passed when the caller
 * (Astro, the unified plugin) has already parsed `markdown`.
 */
export function analyzeLesson(source: string, tree: Root = parseLesson(source), fallbackFrontmatter?: Record<string, unknown>, options: AnalyzeOptions = {}): LessonAnalysis {
  // micromark skips a byte order mark: tree offsets count from the character after it, and so does
  // everything here (`markdown` is the lesson without its BOM; fixLesson puts it back).
  const markdown = withoutBom(source);
  const lineStarts = lineStartOffsets(markdown);
  const messages: LessonMessage[] = [];
  const frontmatter = readFrontmatter(tree, markdown, lineStarts, messages, fallbackFrontmatter);
  // Before anything reads the prose: `<pod-name>` there is a placeholder, not HTML (also on the page).
  placeholderTagsToText(tree);
  const snippets = extractSnippets(tree, markdown);
  const context = { kubernetesVersion: frontmatter?.kubernetes ?? '1.32' };
  for (const diagnostic of validateSnippets(snippets, context)) {
    const snippet = snippets[diagnostic.snippetIndex]!;
    const intentional = isIntentional(snippet.meta, diagnostic.ruleId);
    // A snippet read by its content says so: the author sees why a block without a language was checked.
    const inferred = inferredNote(snippet.inferred, snippet.kind === 'shell' ? 'shell' : snippet.syntax ?? 'yaml');
    const withNote = withInferredNote('en', diagnostic.message, inferred);
    messages.push({
      ruleId: diagnostic.ruleId,
      // An intentional snippet teaches a mistake: its problems are information, never errors.
      severity: intentional ? 'info' : diagnostic.severity,
      message: intentional ? `${withNote} (marked intentional)` : withNote,
      ...(diagnostic.messageId ? { messageId: diagnostic.messageId, data: { ...diagnostic.data, ...inferred } } : {}),
      url: diagnostic.url ?? ruleUrl(diagnostic.ruleId),
      intentional,
      snippetIndex: snippet.index,
      start: markdownPoint(lineStarts, snippetOffsetToMarkdown(snippet, diagnostic.start)),
      end: markdownPoint(lineStarts, snippetOffsetToMarkdown(snippet, diagnostic.end)),
      fix:
        diagnostic.fix && !intentional && !(keepsLines(snippet) && diagnostic.fix.edits.some((edit) => edit.text.includes('\n')))
          ? { safe: diagnostic.fix.safe, description: diagnostic.fix.description, descriptionId: diagnostic.fix.descriptionId, descriptionData: diagnostic.fix.descriptionData, edits: diagnostic.fix.edits.map((edit) => snippetEditToMarkdown(snippet, markdown, edit)) }
          : undefined,
    });
  }
  // What the site's sanitiser would drop from the page, said where the author wrote it.
  for (const unsafe of findUnsafeHtml(tree, markdown, lineStarts)) {
    const { start, end, ...text } = unsafe;
    messages.push({ ruleId: 'html/unsafe', severity: 'error', ...text, url: ruleUrl('html/unsafe'), intentional: false, snippetIndex: null, start: markdownPoint(lineStarts, start), end: markdownPoint(lineStarts, end) });
  }
  messages.push(...correctionProblems(tree, lineStarts));
  const questions = extractQuestions(tree);
  messages.push(...checkAnswerKeys(questions, snippets, lineStarts, context.kubernetesVersion, messages));
  messages.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset);
  const analysis: LessonAnalysis = { markdown, tree, frontmatter, snippets, messages, questions };
  if (frontmatter?.original && !options.asWritten) {
    analysis.messages = downgradeResolvedProblems(analysis, (text) => analyzeLesson(text, undefined, undefined, { asWritten: true }));
  }
  return analysis;
}

function readFrontmatter(tree: Root, markdown: string, lineStarts: number[], messages: LessonMessage[], fallback?: Record<string, unknown>): LessonFrontmatter | null {
  const node = tree.children.find((child): child is Yaml => child.type === 'yaml');
  const start = markdownPoint(lineStarts, node?.position?.start.offset ?? 0);
  const end = markdownPoint(lineStarts, node?.position?.end.offset ?? 0);
  const report = (text: ReturnType<typeof say>, key?: string) => {
    const at = key === undefined ? undefined : keyRange(key);
    messages.push({ ruleId: 'lesson/frontmatter', severity: 'error', ...text, url: ruleUrl('lesson/frontmatter'), intentional: false, snippetIndex: null, start: at?.start ?? start, end: at?.end ?? end });
  };
  // Where a top-level key is written in the frontmatter, so a problem with it points at its line.
  const keyRange = (key: string) => {
    const contentStart = node?.position ? lineStarts[node.position.start.line] : undefined;
    const match = node && contentStart !== undefined ? new RegExp(`^${escapeRegExp(key)}[ \\t]*:`, 'm').exec(node.value) : null;
    if (!match || contentStart === undefined) return undefined;
    return { start: markdownPoint(lineStarts, contentStart + match.index), end: markdownPoint(lineStarts, contentStart + match.index + key.length) };
  };
  let data: unknown = fallback;
  if (node) {
    // The same bounds as snippets, said at their place in the frontmatter (the line after `---`).
    const contentStart = node.position ? lineStarts[node.position.start.line] : undefined;
    const textLimit = yamlTextLimit(node.value);
    const documents = textLimit ? [] : parseYamlDocuments(node.value);
    const limits = textLimit ? [textLimit] : aliasLimitProblems(documents);
    if (limits.length > 0) {
      for (const problem of limits) {
        const at = (offset: number) => markdownPoint(lineStarts, Math.min((contentStart ?? 0) + offset, markdown.length));
        messages.push({ ruleId: problem.ruleId, severity: 'error', message: problem.message, messageId: problem.messageId, data: problem.data, url: ruleUrl(problem.ruleId), intentional: false, snippetIndex: null, start: at(problem.start), end: at(problem.end) });
      }
      return null;
    }
    try {
      // Expansion is already bounded by the alias limit above. The documents parsed for it give the
      // data unless they hold an error: then `parse` says it as YAML's own message (a second parse,
      // only of a broken frontmatter).
      const parsed = parsedData(documents);
      data = parsed ? parsed.value : parseYaml(node.value, { maxAliasCount: -1 });
    } catch (error) {
      report(say('rule.lesson/frontmatter.invalidYaml', { error: (error as Error).message.split('\n')[0] }));
      return null;
    }
  }
  if (data === undefined || data === null) {
    report(say('rule.lesson/frontmatter.missing'));
    return null;
  }
  const result = LessonFrontmatter.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = issue.path.join('.') || 'frontmatter';
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const nearest = nearestNames(key, Object.keys(LessonFrontmatter.shape)).names[0];
        report(nearest ? say('rule.lesson/frontmatter.unknownKeyNearest', { key, expected: nearest }) : say('rule.lesson/frontmatter.unknownKeyOneOf', { key, expected: codeList(Object.keys(LessonFrontmatter.shape), ', ') }), key);
      }
    } else {
      report(frontmatterIssueText(field, issue), typeof issue.path[0] === 'string' ? issue.path[0] : undefined);
    }
  }
  return null;
}

/** An erratum must say what it corrects: without `original` the learner would see a correction of nothing. */
function correctionProblems(tree: Root, lineStarts: number[]): LessonMessage[] {
  return findCorrections(tree)
    .filter((correction) => !correction.original)
    .map(({ node }) => ({
      ruleId: 'lesson/correction',
      severity: 'error' as const,
      ...say('rule.lesson/correction.missingOriginal', { directive: node.name }),
      url: ruleUrl('lesson/correction'),
      intentional: false,
      snippetIndex: null,
      start: markdownPoint(lineStarts, node.position?.start.offset ?? 0),
      end: markdownPoint(lineStarts, node.position?.end.offset ?? 0),
    }));
}

/**
 * A snippet whose lines a fix must not re-cut: JSON (a YAML re-indentation would not be JSON) and a
 * manifest written as a paragraph (new lines would change the Markdown around it).
 */
function keepsLines(snippet: ExtractedSnippet): boolean {
  return snippet.syntax === 'json' || snippet.inferred === 'prose';
}

/** A zod issue worded from the catalogue; zod's own (English) text only for an issue of another kind. */
function frontmatterIssueText(field: string, issue: { code: string; message: string; expected?: unknown; values?: readonly unknown[] }): ReturnType<typeof say> {
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return say('rule.lesson/frontmatter.missingField', { field });
  if (issue.code === 'invalid_type') return say('rule.lesson/frontmatter.invalidType', { field, expected: String(issue.expected) });
  if (issue.code === 'invalid_value' && issue.values) return say('rule.lesson/frontmatter.invalidValue', { field, expected: codeList(issue.values.map(String), ', ') });
  if (issue.code === 'too_small') return say('rule.lesson/frontmatter.tooSmall', { field });
  return say('rule.lesson/frontmatter.invalid', { field, issue: issue.message });
}
