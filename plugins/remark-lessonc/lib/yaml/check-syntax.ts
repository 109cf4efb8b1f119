/**
 * YAML syntax rules: every error and warning the `yaml` package reports becomes a Diagnostic with
 * its exact offsets (`yaml/tab-indent`, `yaml/bad-indent`, `yaml/duplicate-key`, ...).
 */
import type { Document } from 'yaml';
import type { Diagnostic, Fix } from '../types.ts';
import { parseYamlDocuments } from './parse.ts';
import { yamlRuleId } from './rule-ids.ts';
import { bestTabWidth, tabIndentFix } from './tab-indent.ts';
import { isJsonSnippet } from './canonical-indent.ts';
import { say } from '../messages.ts';
import type { MessageKey } from '../i18n.ts';
import type { MessageData } from '../messages.ts';

/** Our wording for parser codes whose own message does not say what was found and what was expected. */
const MESSAGES: Record<string, (found: string) => [MessageKey, MessageData]> = {
  DUPLICATE_KEY: (key) => ['rule.yaml/duplicate-key.key', { key }],
};

/** Number of YAML errors in text (to compare candidate fixes). */
export function countYamlErrors(text: string): number {
  return parseYamlDocuments(text).reduce((n, doc) => n + doc.errors.length, 0);
}

export interface SyntaxOptions {
  /** Fix offered for tab indentation; default: widths judged by YAML errors alone. */
  tabFix?: Fix;
  /** The documents of `text` when the caller has parsed them already. */
  documents?: Document.Parsed[];
}

export function checkYamlSyntax(text: string, options: SyntaxOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let tabbed = false;
  for (const doc of options.documents ?? parseYamlDocuments(text)) {
    for (const [problems, severity] of [[doc.errors, 'error'], [doc.warnings, 'warning']] as const) {
      for (const problem of problems) {
        if (problem.code === 'TAB_AS_INDENT') {
          tabbed = true;
          continue;
        }
        let [start, end] = problem.pos;
        if (end <= start) end = Math.min(text.length, start + 1);
        const [id, data] = MESSAGES[problem.code]?.(duplicateKeyText(text, start, end)) ?? ['rule.yaml/syntax.parser', { detail: problem.message.split('\n')[0].replace(/\s+at line \d+, column \d+.*$/, '') }];
        diagnostics.push({ ruleId: yamlRuleId(problem.code), severity, ...say(id, data), start, end });
      }
    }
  }
  if (!tabbed) return diagnostics;
  // The parser reports the first tab of a run and then loses the structure: every later error is a
  // consequence. Report each tab-indented line instead (the author sees them all), with the one fix
  // for the whole block; the next pass, on the fixed text, reports what is really left.
  const fix = options.tabFix ?? tabIndentFix(text, bestTabWidth(text, countYamlErrors), { canonical: !isJsonSnippet(text) });
  return tabIndentedLines(text).map(({ start, end }) => ({ ruleId: yamlRuleId('TAB_AS_INDENT'), severity: 'error', ...say('rule.yaml/tab-indent.tab'), start, end, fix }));
}

/** The leading whitespace of every line whose indentation holds a tab. */
function tabIndentedLines(text: string): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/^[ \t]*\t[ \t]*(?=\S)/gm)) lines.push({ start: match.index, end: match.index + match[0].length });
  return lines;
}

/** The whole key at a duplicate-key position (the parser may point at its first character only). */
function duplicateKeyText(text: string, start: number, end: number): string {
  const line = text.slice(start, text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start));
  const key = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#]*?)\s*:(\s|$)/.exec(line);
  return key ? key[1].trim() : text.slice(start, end);
}
