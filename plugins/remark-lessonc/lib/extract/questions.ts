import type { Code, Heading, List, ListItem, Paragraph, Parent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString as mdastToString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { Question, type QuestionType } from '../quiz/schema.ts';
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

/** A question found in the tree, with the nodes the render stage rewrites. */
export interface QuestionSite {
  /** The node holding the prompt (a list item, or a `:::question` directive). */
  node: ListItem | ContainerDirective;
  number: number;
  prompt: Paragraph | null;
  /** Nodes that make up the answer (code blocks, paragraphs, ...), in order. */
  answer: RootContent[];
  /** Only for `:::question`: explicit type, hints, choices, alternatives. */
  explicit?: ExplicitParts;
}

interface ExplicitParts {
  type: QuestionType | undefined;
  hints: string[];
  alternatives: string[];
  choices: { text: string; correct: boolean }[];
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
 */
export function extractQuestions(tree: Root): ExtractedQuestions {
  const sections: QaSection[] = [];
  const directives: QuestionSite[] = [];
  visit(tree, (node, index, parent) => {
    if (node.type === 'heading' && parent && index !== undefined && QA_HEADING.test(toString(node).trim())) {
      sections.push(readSection(parent, index, node));
    }
    if (node.type === 'containerDirective' && node.name === 'question') {
      directives.push(readDirective(node, directives.length + 1));
    }
  });
  return { sections, directives };
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
  for (const question of questions) moveTrailingInlineCodeAnswer(question);
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

function readDirective(node: ContainerDirective, number: number): QuestionSite {
  const explicit: ExplicitParts = { type: asQuestionType(node.attributes?.type), hints: [], alternatives: [], choices: [] };
  let prompt: Paragraph | null = null;
  const answer: RootContent[] = [];
  for (const child of node.children) {
    if (child.type === 'paragraph' && child.data?.directiveLabel) continue;
    if (!prompt && child.type === 'paragraph') {
      prompt = child;
    } else if (child.type === 'leafDirective' && child.name === 'hint') {
      explicit.hints.push(toString(child));
    } else if (child.type === 'leafDirective' && child.name === 'alternative') {
      explicit.alternatives.push(toString(child));
    } else if (child.type === 'leafDirective' && child.name === 'answer') {
      answer.push({ type: 'paragraph', children: child.children, position: child.position });
    } else if (child.type === 'list' && child.children.some((item) => typeof item.checked === 'boolean')) {
      explicit.choices.push(...child.children.map((item: ListItem) => ({ text: toString(item).trim(), correct: item.checked === true })));
    } else {
      answer.push(child);
    }
  }
  const numberAttribute = Number(node.attributes?.number);
  return { node, number: Number.isInteger(numberAttribute) && numberAttribute > 0 ? numberAttribute : number, prompt, answer, explicit };
}

function asQuestionType(value: string | null | undefined): QuestionType | undefined {
  return value === 'command' || value === 'text' || value === 'choice' || value === 'manifest' ? value : undefined;
}

/**
 * Builds the schema object of a question. `codeValue` returns a code block's text as the learner
 * sees it (corrected by fixes), so grading uses the corrected command, not the typo.
 */
export function buildQuestion(site: QuestionSite, id: string, codeValue: (code: Code) => string, isManifest: (code: Code) => boolean): Question {
  const prompt = site.prompt ? toString(site.prompt).trim() : '';
  const base = { id, number: site.number, prompt, hints: site.explicit?.hints ?? [], line: site.node.position?.start.line };
  const codes = site.answer.filter((node): node is Code => node.type === 'code');
  const commands = codes.filter((code) => !isManifest(code) && (code.lang == null || isShellLang(code.lang))).flatMap((code) => commandLines(codeValue(code)));
  const manifests = codes.filter(isManifest);
  const prose = site.answer.filter((node) => node.type === 'paragraph').map((node) => toString(node).trim()).filter(Boolean);
  const type = site.explicit?.type ?? inferType(site, commands, manifests.length);
  const alternatives = site.explicit?.alternatives ?? [];
  switch (type) {
    case 'choice':
      return Question.parse({ ...base, type, choices: site.explicit?.choices ?? [], multiple: (site.explicit?.choices ?? []).filter((c) => c.correct).length > 1 });
    case 'manifest':
      return Question.parse({ ...base, type, answer: manifests[0] ? codeValue(manifests[0]) : codes[0] ? codeValue(codes[0]) : '' });
    case 'command': {
      const kubectl = commands.filter((line) => /^(sudo\s+)?(kubectl|k)\s/.test(line));
      const [answer = '', ...others] = kubectl.length > 0 ? kubectl : commands;
      return Question.parse({ ...base, type, answer, alternatives: site.explicit ? [...others, ...alternatives] : alternatives });
    }
    default:
      return Question.parse({ ...base, type: 'text', answer: prose[0] ?? (codes[0] ? codeValue(codes[0]) : ''), alternatives });
  }
}

function inferType(site: QuestionSite, commands: string[], manifestCount: number): QuestionType {
  if (site.explicit?.choices.length) return 'choice';
  if (commands.length > 0) return 'command';
  return manifestCount > 0 ? 'manifest' : 'text';
}

/** Command lines of a shell block: blank lines and comments dropped, `$ ` prompts stripped. */
export function commandLines(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim().replace(/^\$\s+/, ''))
    .filter((line) => line !== '' && !line.startsWith('#'));
}
