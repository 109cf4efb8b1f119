/**
 * Rule ids for the errors and warnings of the `yaml` package: `yaml/<code in kebab-case>`, with a few
 * names a learner understands better than the parser's code.
 */
const RENAMED: Record<string, string> = {
  TAB_AS_INDENT: 'tab-indent',
};

export function yamlRuleId(code: string): string {
  return `yaml/${RENAMED[code] ?? code.toLowerCase().replace(/_/g, '-')}`;
}
