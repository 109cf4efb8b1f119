import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { analyzeLesson, type LessonAnalysis } from './analyze.ts';
import { lineStartOffsets, markdownPoint } from './extract/positions.ts';
import type { Locale } from './i18n.ts';
import { parseInChunks, withParseShortcuts } from './parse.ts';
import { renderLesson, type RenderedLesson } from './render/lesson.ts';
import { DEFAULT_MAX_LESSON_SIZE, lessonSizeProblem, utf8Length } from './lesson-size.ts';

export interface RemarkLessoncOptions {
  /** Rewrite the tree for the site (corrected snippets, errata, quiz placeholders). Default true. */
  render?: boolean;
  /** UI language of rendered strings when the lesson does not say (`lang` in frontmatter). */
  locale?: Locale;
  /** Lessons larger than this many bytes (UTF-8) are refused before parsing. Default 8 MiB. */
  maxLessonSize?: number;
  /**
   * The compiler's build id (lib/build-id.ts). Not used by the compile: it is here so a host that
   * digests its configuration (Astro's content cache) sees a new compiler as a new configuration.
   */
  buildId?: string;
}

/** Hosts (the site build's report, src/integrations/lessonc-report.ts) receive each compiled file here. */
export const COMPILED_FILE_HOOK = Symbol.for('lessonc.compiled-file');

export interface LessoncData {
  analysis: LessonAnalysis;
  rendered?: RenderedLesson;
}

declare module 'vfile' {
  interface DataMap {
    lessonc: LessoncData;
  }
}

/**
 * remark-lessonc: parse → extract → validate → fix → render for one lesson. Problems become vfile
 * messages (`place`, `ruleId`, `source`, `url`; `fatal: true` for errors, `false` for warnings,
 * unset for info), so any unified reporter prints them.
 */
export default function remarkLessonc(this: Processor, options: RemarkLessoncOptions = {}) {
  // Questions may be written as `:::question` directives; Astro's pipeline does not parse them.
  (remarkDirective as unknown as (this: Processor) => void).call(this);
  refuseLargeLessons(this, options.maxLessonSize ?? DEFAULT_MAX_LESSON_SIZE);
  return function transformer(tree: Root, file: VFile): void {
    const astroFrontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
    const analysis = analyzeLesson(String(file), tree, astroFrontmatter);
    const lineStarts = lineStartOffsets(analysis.markdown);
    for (const problem of analysis.messages) {
      const message = file.message(problem.message, {
        place: { start: problem.start, end: problem.end },
        ruleId: problem.ruleId,
        source: 'lessonc',
      });
      message.url = problem.url;
      message.fatal = problem.severity === 'error' ? true : problem.severity === 'warning' ? false : undefined;
      // Catalogue id and parameters ride along so reporters can word the message in the reader's language.
      if (problem.messageId) Object.assign(message, { messageId: problem.messageId, data: problem.data, intentional: problem.intentional });
      // The edits go along with their places in the file, for reporters that carry fixes (SARIF).
      if (problem.fix) {
        const edits = problem.fix.edits.map((edit) => ({ start: markdownPoint(lineStarts, edit.start), end: markdownPoint(lineStarts, edit.end), text: edit.text }));
        Object.assign(message, { fix: { safe: problem.fix.safe, description: problem.fix.description, descriptionId: problem.fix.descriptionId, descriptionData: problem.fix.descriptionData, edits } });
      }
    }
    const data: LessoncData = { analysis };
    if (options.render !== false) data.rendered = renderLesson(analysis, analysis.frontmatter?.lang ?? options.locale ?? 'ko');
    file.data.lessonc = data;
    const hook = (globalThis as Record<symbol, unknown>)[COMPILED_FILE_HOOK];
    if (typeof hook === 'function') (hook as (file: VFile) => void)(file);
  };
}

/**
 * Wraps the processor's parser (remark-parse, attached before this plugin) so a lesson over the
 * limit fails before it is parsed, with the message naming the limit and how to raise it, and a
 * long lesson is parsed in parts (lib/parse.ts).
 */
function refuseLargeLessons(processor: Processor, limit: number): void {
  const parse = processor.parser;
  if (!parse) return;
  // GFM's autolink literals found block by block, its tables looked for only where they can be (lib/parse.ts).
  const shortcuts = withParseShortcuts(processor);
  processor.parser = (document, file) => {
    const problem = lessonSizeProblem(utf8Length(document), limit);
    if (problem) file.fail(problem.message, { place: problem.start, ruleId: problem.ruleId, source: 'lessonc' });
    // In parts for a long lesson: micromark alone is quadratic in the document's length.
    return parseInChunks(document, (chunk) => shortcuts(chunk, (text) => parse(text, file) as Root));
  };
}
