import { loadedKubectlGrammar } from '../../kubectl/load-grammar.ts';
import type { KubectlGrammar } from '../../kubectl/grammar.ts';
import { compareCommands, normalizeCommand } from '../../kubectl/normalize.ts';
import { findKubectlInvocations } from '../../kubectl/tokenize.ts';
import type { CommandQuestion, Response, Verdict } from '../schema.ts';
import { normalizeWhitespace } from './normalize-text.ts';
import { renderTextField, type QuestionInput, type Translate } from './input.ts';

/**
 * Grades a command answer. Equal after whitespace normalisation is right; with the kubectl grammar
 * loaded (the site loads it lazily, Node has it bundled), a command that means the same is right too:
 * `kubectl get po -A -owide` for `kubectl get pods --all-namespaces -o wide`, whatever the flag order.
 * Pipes and redirections after the kubectl part must still match. A wrong answer gets the differences
 * from the expected command ("missing `-o wide`").
 */
export function checkCommand(question: CommandQuestion, response: Response, grammar: KubectlGrammar | undefined = loadedKubectlGrammar()): Verdict {
  const text = 'text' in response ? normalizeWhitespace(stripPrompt(response.text)) : '';
  if (!text) return { correct: false, feedback: 'quiz.empty', details: [] };
  const accepted = [question.answer, ...question.alternatives];
  if (accepted.map(normalizeWhitespace).includes(text)) return { correct: true, feedback: 'quiz.correct', details: [] };
  if (!grammar) return { correct: false, feedback: 'quiz.incorrect', details: [] };
  const actual = normalizeCommand(text, grammar);
  if (!actual) return { correct: false, feedback: 'quiz.incorrect', details: [] };
  let details: string[] | undefined;
  for (const candidate of accepted) {
    const expected = normalizeCommand(candidate, grammar);
    if (!expected) continue;
    const comparison = compareCommands(expected, actual, grammar);
    if (comparison.equal && actual.valid && afterKubectl(candidate) === afterKubectl(text)) return { correct: true, feedback: 'quiz.correct', details: [] };
    details ??= comparison.differences;
  }
  return { correct: false, feedback: 'quiz.incorrect', details: details ?? [] };
}

/** What follows the kubectl invocation (`> redis.yaml`, `| grep web`), whitespace-normalised. */
function afterKubectl(line: string): string {
  const invocation = findKubectlInvocations(line)[0];
  return normalizeWhitespace(invocation ? line.slice(invocation.end) : line);
}

/** Learners often paste the prompt too (`$ kubectl ...`, `# kubectl ...`). */
function stripPrompt(line: string): string {
  return line.trim().replace(/^[$#]\s+/, '');
}

/** A one-line, monospace field; Enter submits the surrounding form. */
export function renderCommandInput(question: CommandQuestion, t: Translate): QuestionInput {
  const input = renderTextField(`${question.id}-input`, t('quiz.yourAnswer'), t('quiz.commandPlaceholder'), { className: 'lc-field-command' });
  input.element.querySelector('input')?.setAttribute('autocapitalize', 'off');
  return input;
}
