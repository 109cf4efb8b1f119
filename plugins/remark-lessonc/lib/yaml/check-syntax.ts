/**
 * YAML syntax rules: every error and warning the `yaml` package reports becomes a Diagnostic with
 * its exact offsets (`yaml/tab-indent`, `yaml/bad-indent`, `yaml/duplicate-key`, ...).
 */
import type { Diagnostic, Fix } from '../types.ts';
import { parseYamlDocuments } from './parse.ts';
import { yamlRuleId } from './rule-ids.ts';
import { TAB_WIDTHS, tabIndentFix } from './tab-indent.ts';
import { applyEdits } from '../fix/apply.ts';

const MESSAGES: Record<string, string> = {
  TAB_AS_INDENT: 'Unexpected tab in indentation, expected spaces',
  DUPLICATE_KEY: 'Duplicate key',
};

/** Number of YAML errors in text (to compare candidate fixes). */
export function countYamlErrors(text: string): number {
  return parseYamlDocuments(text).reduce((n, doc) => n + doc.errors.length, 0);
}

/** The tab width whose expansion leaves the fewest YAML errors (ties: the smaller width). */
export function tabWidthByYamlErrors(text: string): number {
  let best: number = TAB_WIDTHS[0];
  let bestErrors = Infinity;
  for (const width of TAB_WIDTHS) {
    const errors = countYamlErrors(applyEdits(text, tabIndentFix(text, width).edits));
    if (errors < bestErrors) {
      best = width;
      bestErrors = errors;
    }
  }
  return best;
}

export interface SyntaxOptions {
  /** Fix offered for tab indentation; default: widths judged by YAML errors alone. */
  tabFix?: Fix;
}

export function checkYamlSyntax(text: string, options: SyntaxOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let tabFix = options.tabFix;
  for (const doc of parseYamlDocuments(text)) {
    for (const [problems, severity] of [[doc.errors, 'error'], [doc.warnings, 'warning']] as const) {
      for (const problem of problems) {
        let [start, end] = problem.pos;
        if (end <= start) end = Math.min(text.length, start + 1);
        const message = MESSAGES[problem.code] ?? problem.message.split('\n')[0].replace(/\s+at line \d+, column \d+.*$/, '');
        const diagnostic: Diagnostic = { ruleId: yamlRuleId(problem.code), severity, message, start, end };
        if (problem.code === 'TAB_AS_INDENT') {
          tabFix ??= tabIndentFix(text, tabWidthByYamlErrors(text));
          diagnostic.fix = tabFix;
        }
        diagnostics.push(diagnostic);
      }
    }
  }
  return diagnostics;
}
