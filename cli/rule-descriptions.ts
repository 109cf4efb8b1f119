import { readFileSync } from 'node:fs';
import path from 'node:path';

const rulesDoc = path.resolve(import.meta.dirname, '..', 'docs', 'rules.md');

/**
 * Each rule's one-line description: the first sentence under its `### rule-id` heading in
 * docs/rules.md, where the rules are documented for people. Rules reported under a code
 * (`yaml/bad-indent`) take the description of their family's heading (`yaml/<code>`).
 */
export function ruleDescriptions(markdown: string = readFileSync(rulesDoc, 'utf8')): Map<string, string> {
  const descriptions = new Map<string, string>();
  for (const section of markdown.split(/^### /m).slice(1)) {
    const [heading = '', ...body] = section.split('\n');
    const paragraph = body.join('\n').split(/\n\s*\n/)[0]!.replace(/\s+/g, ' ').trim();
    const sentence = /^.*?[.!?](?=\s|$)/.exec(paragraph)?.[0] ?? paragraph;
    descriptions.set(heading.trim().replace(/&lt;/g, '<').replace(/&gt;/g, '>'), sentence);
  }
  return descriptions;
}

/** The description of `ruleId`, or of its family (`yaml/<code>`) when the rule has no heading of its own. */
export function describeRule(descriptions: Map<string, string>, ruleId: string): string | undefined {
  return descriptions.get(ruleId) ?? descriptions.get(`${ruleId.slice(0, ruleId.indexOf('/') + 1)}<code>`);
}
