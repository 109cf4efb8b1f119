/**
 * `kubectl/unknown-resource`: a resource type that is not a built-in type of Kubernetes 1.32
 * (`kubectl get podz`). kubectl itself only finds out from the server, so this is our own check: an
 * error when the word is one typo away from a built-in name, a warning otherwise (it may be a custom
 * resource). Types with a group suffix that we do not know (`foos.example.com`) are left alone.
 */
import type { Diagnostic } from '../../types.ts';
import { resolveResourceType, resourceIndexOf } from '../grammar.ts';
import { nearestNames } from '../nearest.ts';
import type { ParsedInvocation } from '../parse.ts';
import type { ShellWord } from '../tokenize.ts';
import { codeList, say, sayFix } from '../../messages.ts';
import { lineDiagnostic } from './diagnostic.ts';
import type { KubectlRule } from './rule.ts';

const ruleId = 'kubectl/unknown-resource';

/** The resource-type words of an invocation, each with its offset inside the word's value. */
export function resourceTypeMentions(parsed: ParsedInvocation): Array<{ word: ShellWord; type: string; offset: number }> {
  const mentions: Array<{ word: ShellWord; type: string; offset: number }> = [];
  const args = parsed.command.args;
  if (!args || parsed.positionals.length === 0) return mentions;
  const first = parsed.positionals[0];
  const isExplain = parsed.commandPath.join(' ') === 'explain';
  if (args.typeFirst && !first.value.includes('/')) {
    let offset = 0;
    for (const part of first.value.split(',')) {
      const type = isExplain ? part.split('.')[0] : part;
      if (type) mentions.push({ word: first, type, offset });
      offset += part.length + 1;
    }
    return mentions;
  }
  // TYPE/NAME arguments (`deploy/my-deployment`, `svc/my-service`).
  // Only where the usage takes one: `config set-credentials kubeuser/foo.kubernetes.com` is a NAME.
  const candidates = args.typeFirst ? parsed.positionals : /TYPE\/NAME/.test(parsed.command.usage) ? [first] : [];
  for (const word of candidates) {
    const slash = word.value.indexOf('/');
    if (slash > 0 && !word.value.startsWith('.') && !word.value.startsWith('/')) mentions.push({ word, type: word.value.slice(0, slash), offset: 0 });
  }
  return mentions;
}

export const unknownResourceRule: KubectlRule = ({ grammar, line, parsed }) => {
  const diagnostics: Diagnostic[] = [];
  // cp's `my-namespace/my-pod:/tmp` and port numbers are not TYPE/NAME.
  if (parsed.commandPath[0] === 'cp') return diagnostics;
  const index = resourceIndexOf(grammar);
  for (const mention of resourceTypeMentions(parsed)) {
    const { word, type } = mention;
    if (word.dynamic || index.categories.has(type.toLowerCase()) || resolveResourceType(grammar, type)) continue;
    if (type.includes('.')) continue;
    const nearest = nearestNames(type.toLowerCase(), index.byName.keys(), type.length <= 3 ? 1 : 2);
    // `podz` is as close to `pods` as to `pod`: one resource, so one suggestion (the plural).
    const resources = [...new Set(nearest.map((name) => index.byName.get(name)))];
    const suggestions = resources.length === 1 && resources[0] ? [nearest.includes(resources[0].plural) ? resources[0].plural : nearest[0]] : nearest;
    const plain = word.raw === word.value;
    const start = plain ? word.start + mention.offset : word.start;
    const end = plain ? start + type.length : word.end;
    if (suggestions.length) {
      const best = suggestions[0];
      diagnostics.push(
        lineDiagnostic(line, ruleId, 'error', say(suggestions.length > 1 ? 'rule.kubectl/unknown-resource.nearestMany' : 'rule.kubectl/unknown-resource.nearest', { type, expected: codeList(suggestions, ', ') }), start, end,
          plain ? { safe: suggestions.length === 1, ...sayFix('fix.replace', { found: type, expected: best }), edits: [{ start, end, text: best }] } : undefined),
      );
    } else {
      diagnostics.push(lineDiagnostic(line, ruleId, 'warning', say('rule.kubectl/unknown-resource.custom', { type }), start, end));
    }
  }
  return diagnostics;
};
