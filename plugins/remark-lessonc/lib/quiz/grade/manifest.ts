/**
 * Manifest answers: checked with the same Kubernetes validator as the build (problems at their line
 * of the learner's answer, worded in the page's language), then graded on the question's
 * requirements only, so extra valid fields (`restartPolicy`, a label) never make an answer wrong.
 * Loaded lazily by the site (the YAML parser, the validator and the schema).
 */
import { isCollection, isScalar, type Document, type Node } from 'yaml';
import { checkYamlSnippetDetailed } from '../../k8s/check.ts';
import type { K8sDiagnostic } from '../../k8s/diagnostic.ts';
import type { Locale } from '../../i18n.ts';
import { localize } from '../../messages.ts';
import type { SnippetMeta } from '../../types.ts';
import { parseYamlDocuments } from '../../yaml/parse.ts';
import { parsePath, resolvePath } from '../manifest-paths.ts';
import type { Feedback, ManifestQuestion, Requirement, Verdict } from '../schema.ts';

/** Validator errors of `text`, each with its 1-based line in `text`. */
export function manifestProblems(text: string, question: Pick<ManifestQuestion, 'kind' | 'kubernetes'>, locale: Locale): { line: number; message: string }[] {
  const meta: SnippetMeta = question.kind ? { kind: question.kind } : {};
  const errors = checkYamlSnippetDetailed(text, meta, { kubernetesVersion: question.kubernetes }).diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const explained = misspeltFields(errors);
  return errors
    .filter((diagnostic) => !(diagnostic.ruleId === 'k8s/required' && diagnostic.fieldPath && explained.has(diagnostic.fieldPath)))
    .map((diagnostic) => ({ line: lineOf(text, diagnostic.start), message: localize(locale, diagnostic) }));
}

/**
 * The fields a misspelling stands for (`imgae` → `spec.containers[0].image`): a teacher points at the
 * typo, not also at the "missing" field it was meant to be.
 */
function misspeltFields(diagnostics: readonly K8sDiagnostic[]): Set<string> {
  const fields = new Set<string>();
  for (const diagnostic of diagnostics) {
    const rename = diagnostic.fix?.edits.length === 1 ? diagnostic.fix.edits[0]!.text : undefined;
    if (diagnostic.ruleId !== 'k8s/unknown-field' || !diagnostic.fieldPath || !rename || !/^[A-Za-z0-9_-]+$/.test(rename)) continue;
    fields.add(diagnostic.fieldPath.replace(/[^.\]]+$/, rename));
  }
  return fields;
}

export function gradeManifest(question: ManifestQuestion, text: string, locale: Locale): Verdict {
  const problems = manifestProblems(text, question, locale);
  if (problems.length > 0) {
    return { status: 'wrong', feedback: { id: 'quiz.manifest.invalid' }, details: problems.map((problem) => ({ id: 'quiz.manifest.problem', data: problem })) };
  }
  const documents = parseYamlDocuments(text).filter((document) => document.contents !== null);
  if (documents.length === 0) return { status: 'unanswered', feedback: { id: 'quiz.empty' }, details: [] };
  const failures = unmetRequirements(question.require, documents, text);
  if (failures.length === 0) return { status: 'right', feedback: { id: 'quiz.correct' }, details: [] };
  return { status: 'wrong', feedback: { id: 'quiz.manifest.different' }, details: failures };
}

/** Each requirement must hold in some document of the answer; the feedback names the field and its line. */
export function unmetRequirements(requirements: readonly Requirement[], documents: Document.Parsed[], text: string): Feedback[] {
  const failures: Feedback[] = [];
  for (const requirement of requirements) {
    const steps = parsePath(requirement.path);
    if (!steps) continue;
    const found = documents.map((document) => resolvePath(document, steps));
    const present = found.filter((result) => result.node !== null);
    if (present.length === 0) {
      const deepest = found.reduce((best, result) => (result.depth > best.depth ? result : best), found[0]!);
      const line = deepest.reached?.range ? lineOf(text, deepest.reached.range[0]) : 0;
      failures.push(requirement.value === undefined ? { id: 'quiz.manifest.missingField', data: { path: requirement.path, line } } : { id: 'quiz.manifest.missingValue', data: { path: requirement.path, expected: requirement.value, line } });
      continue;
    }
    if (requirement.value === undefined) continue;
    if (present.some((result) => isScalar(result.node) && String(result.node.value) === requirement.value)) continue;
    const node = present[0]!.node as Node;
    const line = node.range ? lineOf(text, node.range[0]) : 0;
    const actual = isScalar(node) ? String(node.value) : isCollection(node) ? '…' : '';
    failures.push({ id: 'quiz.manifest.wrongValue', data: { path: requirement.path, expected: requirement.value, actual, line } });
  }
  return failures;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * A manifest key with a Kubernetes error, or that misses its own requirements: `quiz/invalid-key`.
 * `validate: false` when the caller has the key's diagnostics already (a key written as a snippet).
 */
export function manifestKeyProblems(question: ManifestQuestion, options: { validate: boolean } = { validate: true }): { line: number; problem: Feedback }[] {
  if (!question.answer.trim()) return [{ line: 1, problem: { id: 'rule.quiz/invalid-key.noManifest', data: { number: question.number } } }];
  const problems = options.validate ? manifestProblems(question.answer, question, 'en') : [];
  if (problems.length > 0) return problems.map(({ line, message }) => ({ line, problem: { id: 'rule.quiz/invalid-key.manifest', data: { number: question.number, reason: message } } }));
  const documents = parseYamlDocuments(question.answer).filter((document) => document.contents !== null);
  if (documents.some((document) => document.errors.length > 0)) return [];
  return unmetRequirements(question.require, documents, question.answer).map((failure) => ({
    line: Number(failure.data?.line) || 1,
    problem: { id: 'rule.quiz/invalid-key.require', data: { number: question.number, path: String(failure.data?.path ?? '') } },
  }));
}
