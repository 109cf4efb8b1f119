import type { Code, Root, RootContent } from 'mdast';
import { analyzeLesson, type LessonAnalysis } from '../analyze.ts';
import { buildQuestion, questionsInOrder, type KeySource, type QuestionSite } from '../extract/questions.ts';
import { isWrongOnPurpose } from '../quiz/keys.ts';
import { fixAnalyzedLesson } from '../fix/lesson.ts';
import type { Locale } from '../i18n.ts';
import type { Question } from '../quiz/schema.ts';
import { renderQuestion, renderQuestionDirective, renderQuizSection, renderQuizStrings } from './quiz.ts';
import { findCorrections } from '../extract/corrections.ts';
import { renderCorrection } from './correction.ts';
import { fieldDescriptions } from '../k8s/field-docs.ts';
import type { Snippet } from '../types.ts';
import { renderSnippet, type SnippetView } from './snippet.ts';
import { walkTree } from '../tree-walk.ts';

export interface RenderedLesson {
  questions: Question[];
  snippets: SnippetView[];
}

/**
 * The render stage. The site shows what a learner should type: every fix is applied (unsafe ones
 * too, since each is listed in the errata next to the original), and what could not be fixed is
 * listed in a visible box. Rewrites `analysis.tree` in place.
 */
export function renderLesson(analysis: LessonAnalysis, locale: Locale): RenderedLesson {
  const { result: fixed, analysis: fixedAnalysis } = fixAnalyzedLesson(analysis, { unsafe: true });
  const after = fixedAnalysis ?? analyzeLesson(fixed.output, undefined, undefined, { asWritten: true });
  const views: SnippetView[] = analysis.snippets.map((snippet) => {
    const corrected = after.snippets[snippet.index]?.value ?? snippet.value;
    const problems = after.messages.filter((m) => m.snippetIndex === snippet.index);
    return {
      snippet,
      corrected,
      applied: fixed.applied.filter((fix) => fix.snippetIndex === snippet.index),
      remaining: problems.filter((m) => m.severity !== 'info'),
      taught: problems.filter((m) => m.intentional),
      fields: isKubernetesYaml(snippet) && snippet.meta.check !== false ? fieldDescriptions(corrected, snippet.meta, analysis.frontmatter?.kubernetes ?? '1.32') : new Map(),
    };
  });

  const replacements = new Map<Code, RootContent>();
  for (const view of views) replacements.set(view.snippet.node, renderSnippet(view, locale));
  const byNode = new Map(views.map((view) => [view.snippet.node, view]));
  const source: KeySource = {
    value: (node) => byNode.get(node)?.corrected ?? node.value,
    kind: (node) => byNode.get(node)?.snippet.kind,
    intentional: (node) => isWrongOnPurpose(byNode.get(node)?.snippet.meta ?? {}),
    kubernetes: analysis.frontmatter?.kubernetes ?? '1.32',
  };
  const replaced = (nodes: RootContent[]) => nodes.map((node) => replacements.get(node as Code) ?? node);

  const questions: Question[] = [];
  const build = (site: QuestionSite) => {
    const { question } = buildQuestion(site, `q${questions.length + 1}`, source);
    questions.push(question);
    return question;
  };
  // Ids follow document order across both forms.
  const sites = questionsInOrder(analysis.questions);
  const built = new Map(sites.map((site) => [site, build(site)]));
  // Questions first: they hold references to the original code nodes.
  const sectionPlans = analysis.questions.sections.map((section) => ({
    section,
    items: section.questions.map((site) => renderQuestion(site, built.get(site)!, replaced(site.answer), locale)),
  }));
  for (const site of analysis.questions.directives) renderQuestionDirective(site, built.get(site)!, replaced(site.answer), locale);
  // Sections are spliced from the last to the first so earlier indices stay valid.
  for (const { section, items } of sectionPlans.reverse()) renderQuizSection(section, items);

  replaceCodeNodes(analysis.tree, replacements);
  // After the questions are built: a corrected answer is graded on its correction, not on the erratum's markup.
  for (const correction of findCorrections(analysis.tree)) renderCorrection(correction, locale);
  if (questions.length > 0) analysis.tree.children.push(renderQuizStrings(locale) as never);
  return { questions, snippets: views };
}

function replaceCodeNodes(tree: Root, replacements: Map<Code, RootContent>): void {
  walkTree(tree, (node, index, parent) => {
    const replacement = node.type === 'code' ? replacements.get(node) : undefined;
    if (!replacement || !parent || index === undefined) return;
    parent.children[index] = replacement as never;
  });
}

function isKubernetesYaml(snippet: Snippet): boolean {
  return snippet.kind === 'manifest' || snippet.kind === 'yaml-fragment';
}
