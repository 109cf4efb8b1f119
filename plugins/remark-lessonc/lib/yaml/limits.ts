/**
 * Bounds on the YAML lessonc reads: snippets, frontmatter and, in the learner's browser, manifest
 * answers. A YAML text is refused before parsing when it is larger than `maxChars` or nested deeper
 * than `maxDepth` (a linear scan of the text, so the recursive parser never sees it), and a parsed
 * document is not expanded when its aliases would expand more than `maxAliasExpansions` times (a
 * "billion laughs" alias bomb). Each refusal is a problem with a place, never a hang or a crash.
 */
import { isAlias, isCollection, isPair, type Document, type Node } from 'yaml';
import { say, type MessageData } from '../messages.ts';
import type { MessageKey } from '../i18n.ts';

export const YAML_LIMITS = {
  /** Characters of one YAML text (a snippet, the frontmatter, an answer). */
  maxChars: 1024 * 1024,
  /** Levels of nested collections; Kubernetes manifests, CRD schemas included, stay well below. */
  maxDepth: 64,
  /** Alias expansions per document, counting the aliases inside what an alias expands to. */
  maxAliasExpansions: 1000,
} as const;

export type YamlLimitRule = 'yaml/size-limit' | 'yaml/depth-limit' | 'yaml/alias-limit';

/** A limit the text went over, as offsets into the YAML text. */
export interface YamlLimitProblem {
  ruleId: YamlLimitRule;
  start: number;
  end: number;
  message: string;
  messageId: MessageKey;
  data: MessageData;
}

/** Size and nesting depth, judged on the text before any parsing. */
export function yamlTextLimit(text: string): YamlLimitProblem | null {
  if (text.length > YAML_LIMITS.maxChars) {
    return { ruleId: 'yaml/size-limit', start: 0, end: Math.min(1, text.length), ...say('rule.yaml/size-limit.exceeded', { size: text.length, limit: YAML_LIMITS.maxChars }) };
  }
  const deep = firstTooDeep(text, YAML_LIMITS.maxDepth);
  return deep === null ? null : { ruleId: 'yaml/depth-limit', start: deep, end: Math.min(deep + 1, text.length), ...say('rule.yaml/depth-limit.exceeded', { limit: YAML_LIMITS.maxDepth }) };
}

/**
 * Where the nesting first goes deeper than `limit`, from the text alone: block levels by
 * indentation (a stack of indents; `- - x` counts each dash), flow levels by brackets outside
 * quotes and comments. Block scalar content (`|`, `>`) is skipped. Linear in the text.
 */
function firstTooDeep(text: string, limit: number): number | null {
  const indents: number[] = [];
  let flow = 0;
  let scalarParent = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const indent = /^[ \t]*/.exec(line)![0].length;
    const content = line.slice(indent);
    const blank = content === '' || content.startsWith('#');
    if (!blank && scalarParent >= 0 && indent > scalarParent) {
      // Inside a block scalar: text, not structure.
    } else if (!blank) {
      scalarParent = -1;
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        const dashes = /^(?:-[ \t]+)+/.exec(content)?.[0].match(/-/g)?.length ?? 0;
        if (indents.length + Math.max(dashes - 1, 0) > limit) return lineStart + indent;
      }
      const deep = scanFlow(content, flow, indents.length, limit);
      if (typeof deep.tooDeepAt === 'number') return lineStart + indent + deep.tooDeepAt;
      flow = deep.flow;
      if (flow === 0 && /(?:^|[:\-?]\s+|^-\s*)[|>][0-9+-]*\s*(?:#.*)?$/.test(content)) scalarParent = indent;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return null;
}

/** Flow brackets of one line's content: the flow depth after it, or where it goes too deep. */
function scanFlow(content: string, startFlow: number, blockDepth: number, limit: number): { flow: number; tooDeepAt?: number } {
  let flow = startFlow;
  let quote: '"' | "'" | null = null;
  let previous = ' ';
  for (let i = 0; i < content.length; i++) {
    const ch = content[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"') i++;
    } else if ((ch === '"' || ch === "'") && (flow > 0 || /[\s:\-,[{]/.test(previous))) {
      quote = ch;
    } else if (ch === '#' && /\s/.test(previous)) {
      break;
    } else if ((ch === '[' || ch === '{') && (flow > 0 || /[\s:\-?]/.test(previous) || i === 0)) {
      flow++;
      if (blockDepth + flow > limit) return { flow, tooDeepAt: i };
    } else if ((ch === ']' || ch === '}') && flow > 0) {
      flow--;
    }
    if (!/\s/.test(ch) || previous !== ' ') previous = ch;
    if (/\s/.test(ch)) previous = ' ';
  }
  return { flow };
}

/**
 * The first alias of each document at which expanding the document would go over
 * `maxAliasExpansions`. An alias costs one plus the aliases inside what it points at, worked out
 * once per anchored node (an iterative walk, no recursion).
 */
export function aliasLimitProblems(documents: readonly Document.Parsed[]): YamlLimitProblem[] {
  const problems: YamlLimitProblem[] = [];
  for (const doc of documents) {
    const over = firstAliasOverLimit(doc, YAML_LIMITS.maxAliasExpansions);
    if (over?.range) problems.push({ ruleId: 'yaml/alias-limit', start: over.range[0], end: Math.max(over.range[1], over.range[0] + 1), ...say('rule.yaml/alias-limit.exceeded', { alias: `*${over.source}`, limit: YAML_LIMITS.maxAliasExpansions }) });
  }
  return problems;
}

function firstAliasOverLimit(doc: Document.Parsed, limit: number): (Node & { source: string; range?: [number, number, number] }) | null {
  const cost = new Map<unknown, number>();
  let total = 0;
  // Post-order over the document: a node's cost is known when its children's are.
  const stack: { node: unknown; done: boolean }[] = [{ node: doc.contents, done: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    const node = top.node;
    if (node === null || node === undefined) continue;
    if (isAlias(node)) {
      const target = node.resolve(doc as never);
      const expansion = 1 + (cost.get(target) ?? 0);
      total += expansion;
      cost.set(node, expansion);
      if (total > limit) return node as never;
      continue;
    }
    const children = childrenOf(node);
    if (!top.done) {
      stack.push({ node, done: true });
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], done: false });
      continue;
    }
    cost.set(node, children.reduce<number>((sum, child) => sum + (cost.get(child) ?? 0), 0));
  }
  return null;
}

function childrenOf(node: unknown): unknown[] {
  if (isPair(node)) return [node.key, node.value];
  if (isCollection(node)) return node.items as unknown[];
  return [];
}
