/** Each rule is documented under its own heading in docs/rules.md (path relative to the repository). */
export function ruleUrl(ruleId: string): string {
  return `docs/rules.md#${ruleId.replace(/[^a-z0-9-]/gi, '').toLowerCase()}`;
}
