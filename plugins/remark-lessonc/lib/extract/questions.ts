import type { Code, Heading, ListItem, Node, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString as mdastToString } from 'mdast-util-to-string';
import { walkTree } from '../tree-walk.ts';
import { parseYamlDocuments } from '../yaml/parse.ts';
import { parseKeywordList } from '../quiz/keywords.ts';
import { defaultRequirements, parseRequireList } from '../quiz/manifest-paths.ts';
import { Question, type QuestionType, type Requirement } from '../quiz/schema.ts';
import type { SnippetKind } from '../types.ts';
import { isShellLang } from './classify.ts';

/**
 * The plain text of a node for the quiz data: raw HTML tags are left out (their text stays), so the
 * question JSON the client reads never carries markup, only what a learner reads and types.
 */
function toString(node: Parameters<typeof mdastToString>[0]): string {
  return mdastToString(node, { includeHtml: false });
}

/** Headings that open a Q&A section (case-insensitive, surrounding blanks ignored). */
const QA_HEADING = /^(question\s*(?:&|and)\s*answers?|q\s*&\s*a|문제|퀴즈|quiz)$/i;

/** Leaf directives that say something about the question instead of being part of its shown answer. */
const QUESTION_DIRECTIVES = new Set(['hint', 'alternative', 'answer', 'keywords', 'require']);

/** A question found in the tree, with the nodes the render stage rewrites. */
export interface QuestionSite {
  /** The node holding the prompt (a list item, or a `:::question` directive). */
  node: ListItem | ContainerDirective;
  number: number;
  prompt: Paragraph | null;
  /** Nodes that make up the shown answer (code blocks, paragraphs, ...), in order. */
  answer: RootContent[];
  /** What the author said about the question with directives, in either form. */
  parts: QuestionParts;
}

export interface QuestionParts {
  /** `:::question{type=…}`; inferred when absent. */
  type: QuestionType | undefined;
  explicit: boolean;
  hints: string[];
  /** `::alternative[…]` with its node, so a broken one is reported at its line. */
  alternatives: { text: string; node: Node }[];
  /** `::answer[…]` text answers. */
  answers: string[];
  keywords: string[][];
  /** `::require[…]`, and the paths that did not parse. */
  require: Requirement[] | undefined;
  invalidRequire: { path: string; node: Node }[];
  choices: { text: string; correct: boolean; why?: string }[];
  /** Directive nodes taken out of the answer: consumed, never rendered. */
  consumed: RootContent[];
}

/** A run of siblings forming a Q&A section: `parent.children[start, end)` after its heading. */
export interface QaSection {
  parent: Parent;
  heading: Heading;
  start: number;
  end: number;
  questions: QuestionSite[];
}

export interface ExtractedQuestions {
  sections: QaSection[];
  directives: QuestionSite[];
}

/**
 * Finds the questions of a lesson in both forms. Implicit: under a Q&A heading, each ordered-list
 * item's first paragraph is the question; the rest of the item and the blocks after the list up to
 * the next item or heading are its answer (the importer writes answers at column 0 so tab-indented
 * YAML stays byte-identical, which splits the list). Explicit: `:::question{type=...}` directives.
 * In both, `::hint`, `::alternative`, `::answer`, `::keywords` and `::require` lines say how to grade.
 */
export function extractQuestions(tree: Root): ExtractedQuestions {
  const sections: QaSection[] = [];
  const directives: QuestionSite[] = [];
  walkTree(tree, (node, index, parent) => {
    if (node.type === 'heading' && parent && index !== undefined && QA_HEADING.test(toString(node).trim())) {
      sections.push(readSection(parent, index, node));
    }
    if (node.type === 'containerDirective' && node.name === 'question') {
      directives.push(readDirective(node, directives.length + 1));
    }
  });
  return { sections, directives };
}

/** Every question of the lesson in document order, whichever form it takes (ids `q1`, `q2`, … follow it). */
export function questionsInOrder(questions: ExtractedQuestions): QuestionSite[] {
  const sites = [...questions.sections.flatMap((section) => section.questions), ...questions.directives];
  return sites.sort((a, b) => (a.node.position?.start.offset ?? 0) - (b.node.position?.start.offset ?? 0));
}

function emptyParts(type: QuestionType | undefined, explicit: boolean): QuestionParts {
  return { type, explicit, hints: [], alternatives: [], answers: [], keywords: [], require: undefined, invalidRequire: [], choices: [], consumed: [] };
}

function readSection(parent: Parent, headingIndex: number, heading: Heading): QaSection {
  let end = headingIndex + 1;
  while (end < parent.children.length) {
    const child = parent.children[end]!;
    if (child.type === 'heading' && child.depth <= heading.depth) break;
    end++;
  }
  const questions: QuestionSite[] = [];
  let current: QuestionSite | null = null;
  for (let i = headingIndex + 1; i < end; i++) {
    const child = parent.children[i] as RootContent;
    if (child.type === 'list' && child.ordered) {
      child.children.forEach((item, itemIndex) => {
        const [first, ...rest] = item.children;
        current = {
          node: item,
          number: (child.start ?? 1) + itemIndex,
          prompt: first?.type === 'paragraph' ? first : null,
          answer: first?.type === 'paragraph' ? rest : item.children,
          parts: emptyParts(undefined, false),
        };
        questions.push(current);
      });
    } else if (child.type === 'containerDirective' && child.name === 'question') {
      // An explicit question ends the previous implicit one's answer; it is read on its own.
      current = null;
    } else if (current) {
      (current as QuestionSite).answer.push(child);
    }
  }
  for (const question of questions) {
    moveTrailingInlineCodeAnswer(question);
    question.answer = takeParts(question.answer, question.parts);
  }
  return { parent, heading, start: headingIndex + 1, end, questions };
}

/** Programs a lesson's command answers start with. */
const COMMAND_START = /^(sudo\s+)?(kubectl|k|cat|vi|vim|kubeadm|systemctl|docker|crictl|helm|curl)\s/;

/** `1. 파드 목록을 보는 명령은? `kubectl get pods`` — with no other answer, trailing code is the answer. */
function moveTrailingInlineCodeAnswer(question: QuestionSite): void {
  const prompt = question.prompt;
  if (question.answer.length > 0 || !prompt) return;
  const last = prompt.children.at(-1);
  if (last?.type !== 'inlineCode' || prompt.children.length < 2) return;
  question.prompt = { ...prompt, children: prompt.children.slice(0, -1) };
  question.answer = COMMAND_START.test(last.value)
    ? [{ type: 'code', lang: 'shell', meta: null, value: last.value, position: last.position }]
    : [{ type: 'paragraph', children: [{ type: 'text', value: last.value }], position: last.position }];
}

/** Takes the grading directives and task-list choices out of `nodes` into `parts`; returns the shown answer. */
function takeParts(nodes: RootContent[], parts: QuestionParts): RootContent[] {
  const shown: RootContent[] = [];
  for (const node of nodes) {
    if (node.type === 'leafDirective' && QUESTION_DIRECTIVES.has(node.name)) {
      readLeafDirective(node, parts);
      parts.consumed.push(node);
      // `::answer[…]` is a text answer that is also shown as the answer.
      if (node.name === 'answer') shown.push({ type: 'paragraph', children: node.children, position: node.position });
    } else if (node.type === 'list' && node.children.some((item) => typeof item.checked === 'boolean')) {
      parts.choices.push(...node.children.map(readChoice));
      parts.consumed.push(node);
    } else {
      shown.push(node);
    }
  }
  return shown;
}

function readLeafDirective(node: LeafDirective, parts: QuestionParts): void {
  const text = labelText(node).trim();
  switch (node.name) {
    case 'hint':
      parts.hints.push(text);
      break;
    case 'alternative':
      parts.alternatives.push({ text, node });
      break;
    case 'answer':
      parts.answers.push(text);
      break;
    case 'keywords':
      parts.keywords.push(...parseKeywordList(text));
      break;
    case 'require': {
      const { requirements, invalid } = parseRequireList(text);
      parts.require = [...(parts.require ?? []), ...requirements];
      parts.invalidRequire.push(...invalid.map((path) => ({ path, node })));
      break;
    }
  }
}

/**
 * A directive's label as written: `redis:7` in `::require[…image=redis:7]` parses as the text `redis`
 * and a text directive named `7`, which is put back.
 */
function labelText(node: { children?: unknown[] }): string {
  return (node.children ?? [])
    .map((child) => {
      const phrase = child as PhrasingContent;
      if (phrase.type === 'textDirective') {
        const inner = labelText(phrase);
        return `:${(phrase as TextDirective).name}${inner ? `[${inner}]` : ''}`;
      }
      return toString(phrase);
    })
    .join('');
}

/** `- [x] 파드 :why[가장 작은 배포 단위입니다]`, or `::why[…]` on its own line in the item. */
function readChoice(item: ListItem): QuestionParts['choices'][number] {
  const whys: string[] = [];
  const textNodes: RootContent[] = [];
  for (const child of item.children) {
    if (child.type === 'leafDirective' && child.name === 'why') whys.push(toString(child).trim());
    else if (child.type === 'paragraph') {
      const kept = child.children.filter((phrase: PhrasingContent) => {
        if (phrase.type === 'textDirective' && (phrase as TextDirective).name === 'why') {
          whys.push(toString(phrase).trim());
          return false;
        }
        return true;
      });
      textNodes.push({ ...child, children: kept });
    } else textNodes.push(child);
  }
  const why = whys.filter(Boolean).join(' ');
  return { text: textNodes.map((node) => toString(node)).join(' ').trim(), correct: item.checked === true, ...(why ? { why } : {}) };
}

function readDirective(node: ContainerDirective, number: number): QuestionSite {
  const parts = emptyParts(asQuestionType(node.attributes?.type), true);
  let prompt: Paragraph | null = null;
  const rest: RootContent[] = [];
  for (const child of node.children) {
    if (child.type === 'paragraph' && child.data?.directiveLabel) continue;
    if (!prompt && child.type === 'paragraph') prompt = child;
    else rest.push(child);
  }
  const answer = takeParts(rest, parts);
  const numberAttribute = Number(node.attributes?.number);
  return { node, number: Number.isInteger(numberAttribute) && numberAttribute > 0 ? numberAttribute : number, prompt, answer, parts };
}

function asQuestionType(value: string | null | undefined): QuestionType | undefined {
  return value === 'command' || value === 'text' || value === 'choice' || value === 'manifest' ? value : undefined;
}

/** How the question builder sees a code block: its text (corrected for the site), kind and intent. */
export interface KeySource {
  value(code: Code): string;
  kind(code: Code): SnippetKind | undefined;
  /** Wrong on purpose (`intentional` meta): never an answer key. */
  intentional(code: Code): boolean;
  kubernetes: string;
}

/** A question, and where each part of its key is written (for `quiz/invalid-key`). */
export interface BuiltQuestion {
  question: Question;
  /** The code block the command or manifest key came from. */
  keyCode?: Code;
  /** Command key lines and the node each was written in (a code block or `::alternative`). */
  commandKeys: { key: string; node: Node }[];
  invalidRequire: { path: string; node: Node }[];
}

/**
 * Builds the schema object of a question. `source.value` returns a code block's text as the learner
 * sees it (corrected by fixes), so grading uses the corrected command, not the typo.
 */
export function buildQuestion(site: QuestionSite, id: string, source: KeySource): BuiltQuestion {
  const { parts } = site;
  const prompt = site.prompt ? toString(site.prompt).trim() : '';
  const base = { id, number: site.number, prompt, hints: parts.hints, line: site.node.position?.start.line };
  const codes = site.answer.filter((node): node is Code => node.type === 'code' && !source.intentional(node));
  const isManifest = (code: Code) => source.kind(code) === 'manifest';
  const shellCodes = codes.filter((code) => !isManifest(code) && (code.lang == null || isShellLang(code.lang)));
  const commands = shellCodes.flatMap((code) => commandLines(source.value(code)).map((key) => ({ key, node: code as Node })));
  const manifests = codes.filter(isManifest);
  const prose = site.answer.filter((node) => node.type === 'paragraph').map((node) => toString(node).trim()).filter(Boolean);
  const type = parts.type ?? inferType(parts, commands.length, manifests.length);
  const alternatives = parts.alternatives.map((alternative) => ({ key: alternative.text, node: alternative.node }));
  const built = (question: unknown, extra: Partial<BuiltQuestion> = {}): BuiltQuestion => ({ question: Question.parse(question), commandKeys: [], invalidRequire: parts.invalidRequire, ...extra });
  switch (type) {
    case 'choice':
      return built({ ...base, type, choices: parts.choices, multiple: parts.choices.filter((c) => c.correct).length > 1 });
    case 'manifest': {
      const keyCode = manifests[0] ?? codes[0];
      const answer = keyCode ? source.value(keyCode) : '';
      const require = parts.require ?? parseYamlDocuments(answer).filter((d) => d.contents !== null && d.errors.length === 0).flatMap(defaultRequirements);
      return built({ ...base, type, answer, kubernetes: source.kubernetes, require }, { keyCode });
    }
    case 'command': {
      const kubectl = commands.filter(({ key }) => /^(sudo\s+)?(kubectl|k)\s/.test(key));
      const [first, ...others] = kubectl.length > 0 ? kubectl : commands;
      // In the explicit form every command line of the answer is accepted; implicit answers often
      // show several steps, of which the first kubectl line is the answer.
      const accepted = [...(parts.explicit ? others : []), ...alternatives];
      return built(
        { ...base, type, answer: first?.key ?? '', alternatives: accepted.map(({ key }) => key) },
        { keyCode: first?.node as Code | undefined, commandKeys: [...(first ? [first] : []), ...accepted] },
      );
    }
    default:
      return built({ ...base, type: 'text', answer: parts.answers[0] ?? prose[0] ?? (codes[0] ? source.value(codes[0]) : ''), alternatives: [...parts.answers.slice(1), ...alternatives.map(({ key }) => key)], keywords: parts.keywords });
  }
}

function inferType(parts: QuestionParts, commandCount: number, manifestCount: number): QuestionType {
  if (parts.choices.length) return 'choice';
  if (commandCount > 0) return 'command';
  return manifestCount > 0 ? 'manifest' : 'text';
}

/** Command lines of a shell block: blank lines and comments dropped, `$ ` prompts stripped. */
export function commandLines(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim().replace(/^\$\s+/, ''))
    .filter((line) => line !== '' && !line.startsWith('#'));
}
