/**
 * quiz/invalid-key: answer keys are checked at build, since a broken key makes a question that no
 * learner can answer right. Reported (error) at the key's line:
 * - a command key (or `::alternative`) that the kubectl rules reject;
 * - a manifest key with a Kubernetes error, or that misses its own `::require`;
 * - a choice question with no correct choice (or fewer than two choices);
 * - a text question with neither a model answer nor `::keywords`.
 * Keys are read as written (check does not fix); the site grades on the corrected snippets, where the
 * same check runs again and a key that is still broken shows in its snippet's problem box.
 */
import type { Code, Node } from 'mdast';
import type { LessonMessage } from '../analyze.ts';
import { buildQuestion, questionsInOrder, type BuiltQuestion, type ExtractedQuestions, type KeySource } from '../extract/questions.ts';
import type { ExtractedSnippet } from '../extract/snippets.ts';
import { markdownPoint, snippetOffsetToMarkdown, type Point } from '../extract/positions.ts';
import { say } from '../messages.ts';
import { ruleUrl } from '../rule-docs.ts';
import type { SnippetMeta } from '../types.ts';
import { commandKeyProblems } from './grade/command.ts';
import { manifestKeyProblems } from './grade/manifest.ts';
import type { Feedback } from './schema.ts';
import { choiceKeyProblems } from './types/choice.ts';
import { textKeyProblems } from './types/text.ts';

const RULE = 'quiz/invalid-key';

/** A snippet wrong on purpose in every rule (bare `intentional`) is never an answer key. */
export function isWrongOnPurpose(meta: SnippetMeta): boolean {
  return meta.intentional === true;
}

/**
 * `found`: the lesson's messages so far. A key written as a snippet was checked with it, so its
 * YAML and Kubernetes errors are taken from there (not validated twice; an `intentional` rule is
 * information there, not an error).
 */
export function checkAnswerKeys(questions: ExtractedQuestions, snippets: readonly ExtractedSnippet[], lineStarts: number[], kubernetes: string, found: readonly LessonMessage[]): LessonMessage[] {
  const byNode = new Map<Code, ExtractedSnippet>(snippets.map((snippet) => [snippet.node, snippet]));
  const source: KeySource = {
    value: (node) => byNode.get(node)?.value ?? node.value,
    kind: (node) => byNode.get(node)?.kind,
    intentional: (node) => isWrongOnPurpose(byNode.get(node)?.meta ?? {}),
    kubernetes,
  };
  const messages: LessonMessage[] = [];
  questionsInOrder(questions).forEach((site, index) => {
    const nodeRange = (node: Node | undefined) => rangeOf(node ?? site.node, lineStarts);
    try {
      // Messages number questions by their place in the lesson (`q4` is question 4), whichever form they take.
      const built = buildQuestion(site, `q${index + 1}`, source);
      built.question.number = index + 1;
      const report = (problem: Feedback, at: { start: Point; end: Point }, snippet?: ExtractedSnippet) =>
        messages.push({ ruleId: RULE, severity: 'error', ...say(problem.id, problem.data), url: ruleUrl(RULE), intentional: false, snippetIndex: snippet?.index ?? null, ...at });
      for (const invalid of built.invalidRequire) report({ id: 'rule.quiz/invalid-key.requirePath', data: { number: built.question.number, path: invalid.path } }, nodeRange(invalid.node));
      for (const { problem, at, snippet } of keyProblems(built, byNode, lineStarts, found)) report(problem, at ?? nodeRange(undefined), snippet);
    } catch (error) {
      // A bug in lessonc, not in the lesson: say so at the question and go on (as the snippet rules do).
      const reason = error instanceof Error ? error.message : String(error);
      messages.push({ ruleId: 'lessonc/internal-error', severity: 'error', message: `Unexpected internal error while checking the answer key of question ${index + 1}: ${reason} (please report it)`, url: ruleUrl('lessonc/internal-error'), intentional: false, snippetIndex: null, ...nodeRange(undefined) });
    }
  });
  return messages;
}

function keyProblems(built: BuiltQuestion, byNode: Map<Code, ExtractedSnippet>, lineStarts: number[], found: readonly LessonMessage[]): { problem: Feedback; at?: { start: Point; end: Point }; snippet?: ExtractedSnippet }[] {
  const { question } = built;
  switch (question.type) {
    case 'text':
      return textKeyProblems(question).map((problem) => ({ problem }));
    case 'choice':
      return [
        ...(question.choices.length < 2 ? [{ problem: { id: 'rule.quiz/invalid-key.fewChoices', data: { number: question.number } } as Feedback }] : []),
        ...choiceKeyProblems(question).map((problem) => ({ problem })),
      ];
    case 'command': {
      if (!question.answer) return [{ problem: { id: 'rule.quiz/invalid-key.command.missing', data: { number: question.number } } }];
      return commandKeyProblems(question).map(({ key, problem }) => {
        const written = built.commandKeys.find((candidate) => candidate.key === key)?.node;
        const snippet = written?.type === 'code' ? byNode.get(written as Code) : undefined;
        const offset = snippet ? Math.max(snippet.value.indexOf(key), 0) : -1;
        const at = snippet
          ? { start: markdownPoint(lineStarts, snippetOffsetToMarkdown(snippet, offset)), end: markdownPoint(lineStarts, snippetOffsetToMarkdown(snippet, offset + key.length)) }
          : written ? rangeOf(written, lineStarts) : undefined;
        return { problem, at, snippet };
      });
    }
    case 'manifest': {
      const snippet = built.keyCode ? byNode.get(built.keyCode) : undefined;
      const errors = snippet ? found.filter((m) => m.snippetIndex === snippet.index && m.severity === 'error' && /^(yaml|k8s)\//.test(m.ruleId)) : [];
      if (errors.length > 0) return errors.map((m) => ({ problem: { id: 'rule.quiz/invalid-key.manifest', data: { number: question.number, reason: m.message } }, at: { start: m.start, end: m.end }, snippet }));
      return manifestKeyProblems(question, { validate: !snippet }).map(({ line, problem }) => {
        if (!snippet) return { problem };
        const lineStart = snippet.value.split('\n').slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
        const lineEnd = snippet.value.indexOf('\n', lineStart);
        return { problem, snippet, at: { start: markdownPoint(lineStarts, snippetOffsetToMarkdown(snippet, lineStart)), end: markdownPoint(lineStarts, snippetOffsetToMarkdown(snippet, lineEnd < 0 ? snippet.value.length : lineEnd)) } };
      });
    }
  }
}

function rangeOf(node: Node, lineStarts: number[]): { start: Point; end: Point } {
  const start = node.position?.start.offset ?? 0;
  // The first line of the node: a question's prompt line, not its whole answer.
  const next = lineStarts.find((offset) => offset > start);
  const end = Math.min(node.position?.end.offset ?? start, next !== undefined ? next - 1 : start);
  return { start: markdownPoint(lineStarts, start), end: markdownPoint(lineStarts, Math.max(end, start)) };
}
