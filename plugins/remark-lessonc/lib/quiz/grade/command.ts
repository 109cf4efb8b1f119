/**
 * Command answers judged by meaning, with feedback worded as a teacher would. Loaded lazily by the
 * site (with the kubectl grammar); the build imports it to check answer keys.
 *
 * - not a kubectl command where one is expected: says so;
 * - a command kubectl would reject: says why (the kubectl rules' own message);
 * - a valid command that does something else (`kubectl describe` for `kubectl get`): names both and
 *   what each does;
 * - the right command with other resources, names, flags, pipes or redirections: each difference.
 * Several keys (`::alternative`): right when any matches; the feedback is against the closest one.
 */
import { bundledKubectlGrammar } from '../../kubectl/bundled-grammar.ts';
import { checkShellSnippet } from '../../kubectl/check.ts';
import { describeFlagForHumans, normalizeCommand, type NormalizedCommand } from '../../kubectl/normalize.ts';
import { findKubectlInvocations } from '../../kubectl/tokenize.ts';
import { resolveResourceType } from '../../kubectl/grammar.ts';
import { isMessageKey, translate, type Locale } from '../../i18n.ts';
import { localize } from '../../messages.ts';
import type { CommandQuestion, Feedback, Verdict } from '../schema.ts';
import { commandText } from '../types/command.ts';
import { textMemo } from '../../memo.ts';

const grammar = bundledKubectlGrammar;

export function gradeCommand(question: CommandQuestion, text: string, locale: Locale): Verdict {
  const keys = [question.answer, ...question.alternatives].map(commandText);
  const wrong = (feedback: Feedback, details: Feedback[] = []): Verdict => ({ status: 'wrong', feedback, details });
  const actual = meaning(text);
  const kubectlKeys = keys.filter((key) => meaning(key));
  if (!actual) return kubectlKeys.length > 0 ? wrong({ id: 'quiz.command.notKubectl' }) : wrong({ id: 'quiz.incorrect' });
  if (!actual.valid) {
    const problem = checkShellSnippet(text, grammar).find((diagnostic) => diagnostic.severity === 'error');
    return wrong({ id: 'quiz.command.invalid' }, problem ? [{ id: 'quiz.command.invalidReason', data: { reason: localize(locale, problem) } }] : []);
  }
  let closest: Feedback[] | undefined;
  for (const key of kubectlKeys) {
    const expected = meaning(key)!;
    const differences = [...commandDifferences(expected, actual, locale), ...tailDifferences(key, text)];
    if (differences.length === 0) return { status: 'right', feedback: { id: 'quiz.correct' }, details: [] };
    if (!closest || differences.length < closest.length) closest = differences;
  }
  return wrong({ id: 'quiz.command.validButDifferent' }, closest ?? []);
}

/**
 * The normalised command, read the way kubectl reads it where the grammar's usage line is narrower:
 * `kubectl edit pods redis` and `kubectl edit po/redis` both name the pod `redis`; `-f ./redis.yaml`
 * is the file `redis.yaml`.
 */
function meaning(line: string): NormalizedCommand | null {
  const command = normalizeCommand(line, grammar);
  if (!command) return null;
  if (command.resources.length === 0 && command.args.length > 0) {
    const [first = '', ...rest] = command.args;
    const slash = first.indexOf('/');
    const type = resolveResourceType(grammar, slash > 0 ? first.slice(0, slash) : first);
    if (type && (slash > 0 || rest.length > 0)) {
      command.resources = [type.plural];
      command.names = slash > 0 ? [first.slice(slash + 1), ...rest] : rest;
      command.args = [];
    }
  }
  const file = command.flags.filename;
  if (file !== undefined) command.flags.filename = Array.isArray(file) ? file.map(withoutDotSlash) : typeof file === 'string' ? withoutDotSlash(file) : file;
  return command;
}

function withoutDotSlash(path: string): string {
  return path.replace(/^(\.\/)+/, '');
}

/** What `actual` does differently from `expected`; another subcommand says only that (the rest follows from it). */
function commandDifferences(expected: NormalizedCommand, actual: NormalizedCommand, locale: Locale): Feedback[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(expected.command, actual.command)) {
    const data = { actual: `kubectl ${actual.command.join(' ')}`, expected: `kubectl ${expected.command.join(' ')}` };
    const actualWhat = commandPurpose(actual.command, locale);
    const expectedWhat = commandPurpose(expected.command, locale);
    return [actualWhat && expectedWhat ? { id: 'quiz.command.otherCommandWhat', data: { ...data, actualWhat, expectedWhat } } : { id: 'quiz.command.otherCommand', data }];
  }
  const differences: Feedback[] = [];
  const list = (values: string[]) => values.join(' ');
  if (!same(expected.resources, actual.resources)) {
    if (actual.resources.length === 0) differences.push({ id: 'quiz.command.resourceMissing', data: { expected: list(expected.resources) } });
    else if (expected.resources.length === 0) differences.push({ id: 'quiz.command.resourceExtra', data: { actual: list(actual.resources) } });
    else differences.push({ id: 'quiz.command.resource', data: { expected: list(expected.resources), actual: list(actual.resources) } });
  }
  if (!same(expected.names, actual.names)) {
    if (actual.names.length === 0) differences.push({ id: 'quiz.command.nameMissing', data: { expected: list(expected.names) } });
    else if (expected.names.length === 0) differences.push({ id: 'quiz.command.nameExtra', data: { actual: list(actual.names) } });
    else differences.push({ id: 'quiz.command.name', data: { expected: list(expected.names), actual: list(actual.names) } });
  }
  const flag = (command: NormalizedCommand, name: string) => describeFlagForHumans(grammar, command.command, name, command.flags[name]!);
  for (const name of [...new Set([...Object.keys(expected.flags), ...Object.keys(actual.flags)])].sort()) {
    const want = expected.flags[name];
    const got = actual.flags[name];
    if (same(want, got)) continue;
    if (got === undefined) differences.push({ id: 'quiz.command.flagMissing', data: { flag: flag(expected, name) } });
    else if (want === undefined) differences.push({ id: 'quiz.command.flagExtra', data: { flag: flag(actual, name) } });
    else differences.push({ id: 'quiz.command.flagValue', data: { expected: flag(expected, name), actual: flag(actual, name) } });
  }
  if (!same(expected.args, actual.args)) differences.push({ id: 'quiz.command.args', data: { expected: list(expected.args) || '—', actual: list(actual.args) || '—' } });
  return differences;
}

/** What a kubectl subcommand is for, when the catalogue has a line for it (`quiz.kubectl.get`). */
function commandPurpose(command: string[], locale: Locale): string | undefined {
  const key = `quiz.kubectl.${command[0] ?? ''}`;
  return isMessageKey(key) ? translate(locale, key) : undefined;
}

/** Pipes and redirections after the kubectl part (`> redis.yaml`, `| grep web`) must match too. */
function tailDifferences(key: string, text: string): Feedback[] {
  const expected = afterKubectl(key);
  const actual = afterKubectl(text);
  if (expected === actual) return [];
  if (!actual) return [{ id: 'quiz.command.tailMissing', data: { expected } }];
  if (!expected) return [{ id: 'quiz.command.tailExtra', data: { actual } }];
  return [{ id: 'quiz.command.tail', data: { expected, actual } }];
}

function afterKubectl(line: string): string {
  const invocation = findKubectlInvocations(line)[0];
  return commandText(invocation ? line.slice(invocation.end) : '');
}

/** An answer key kubectl would reject can never be typed right: `quiz/invalid-key`. */
export function commandKeyProblems(question: CommandQuestion): { key: string; problem: Feedback }[] {
  return [question.answer, ...question.alternatives].flatMap((key) => {
    const reason = keyError(key);
    return reason === null ? [] : [{ key, problem: { id: 'rule.quiz/invalid-key.command', data: { number: question.number, command: key, reason } } }];
  });
}

/**
 * Why kubectl would reject a key, or null, by the key's text: the fix loop and the editor check a
 * lesson again and again, and its keys seldom change between two checks.
 */
function keyError(key: string): string | null {
  let known = keyErrors.get(key);
  if (known === undefined) {
    known = (meaning(key) ? checkShellSnippet(key, grammar).find((d) => d.severity === 'error')?.message : undefined) ?? null;
    keyErrors.set(key, known);
  }
  return known;
}

const keyErrors = textMemo<string | null>(1024 * 1024);
