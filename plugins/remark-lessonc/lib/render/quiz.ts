import type { RootContent } from 'mdast';
import type { QaSection, QuestionSite } from '../extract/questions.ts';
import type { Question } from '../quiz/schema.ts';
import { catalogueKeys, translate, type Locale } from '../i18n.ts';
import { element, inlineCode, text, type ElementNode } from './nodes.ts';

/**
 * A quiz question becomes a placeholder carrying its JSON (`data-question`, validated by the build:
 * the browser does not validate it again); the site's client turns it into a form. The prompt stays
 * visible and the answer is rendered hidden, so the page still reads well without JavaScript (and in
 * print, where handout.css leaves room to write). `lang` is the lesson's, whatever the page frame says.
 */
export function renderQuestion(site: QuestionSite, question: Question, answer: RootContent[], locale: Locale): ElementNode {
  return element('li', { className: ['lc-question'], id: question.id, value: question.number, lang: locale, dataQuestion: JSON.stringify(question), dataType: question.type }, questionBody(site, question, answer, locale));
}

/** Prompt, the choices as a plain list (readable without JavaScript and in print), hidden answer. */
function questionBody(site: QuestionSite, question: Question, answer: RootContent[], locale: Locale): RootContent[] {
  const prompt: RootContent[] = site.prompt ? [site.prompt] : [];
  const choices =
    question.type === 'choice'
      ? [
          element(
            'ul',
            { className: ['lc-choices-static'] },
            question.choices.map((choice) => element('li', { dataCorrect: choice.correct }, [text(choice.text), ...(choice.why ? [element('span', { className: ['lc-why'] }, [text(` — ${choice.why}`)])] : [])])),
          ),
        ]
      : [];
  return [element('div', { className: ['lc-prompt'] }, prompt), ...choices, element('div', { className: ['lc-answer'], hidden: true, dataLabel: translate(locale, 'quiz.answerLabel'), dataPagefindIgnore: true }, [...answer, ...gradingNotes(question, locale)])];
}

/** What else is accepted, shown with the answer (on the page and in the answer key). */
function gradingNotes(question: Question, locale: Locale): RootContent[] {
  const notes: RootContent[] = [];
  const codes = (values: string[]) => values.flatMap((value, index) => [...(index > 0 ? [text(', ')] : []), inlineCode(value)]);
  const line = (template: string, parts: RootContent[]) => {
    const [before = '', after = ''] = template.split(/\{\w+\}/);
    notes.push(element('p', { className: ['lc-accepted'] }, [text(before), ...parts, text(after)]));
  };
  if ((question.type === 'command' || question.type === 'text') && question.alternatives.length > 0) line(translate(locale, 'quiz.alsoAccepted'), codes(question.alternatives));
  if (question.type === 'text' && question.keywords.length > 0) line(translate(locale, 'quiz.keywordsLabel'), [text(question.keywords.map((group) => group.join(' / ')).join(', '))]);
  return notes;
}

/** The Q&A section's blocks after its heading become one ordered list of question placeholders. */
export function renderQuizSection(section: QaSection, questions: ElementNode[]): void {
  const quiz = element('ol', { className: ['lc-quiz'] }, questions);
  const before = section.parent.children.slice(section.start, section.end);
  const firstQuestion = before.findIndex((node) => node.type === 'list' && node.ordered);
  const kept = (node: RootContent) => !(node.type === 'list' && node.ordered) && !questionsContain(section, node);
  // Blocks the quiz does not consume (an introduction, a `:::question` after the list) keep their place around it.
  const intro = before.slice(0, Math.max(firstQuestion, 0)).filter(kept);
  const outro = before.slice(Math.max(firstQuestion, 0)).filter(kept);
  section.parent.children.splice(section.start, section.end - section.start, ...(intro as never[]), quiz as never, ...(outro as never[]));
}

function questionsContain(section: QaSection, node: RootContent): boolean {
  return section.questions.some((q) => q.answer.includes(node) || q.parts.consumed.includes(node));
}

/** For `:::question` directives: the directive itself becomes the placeholder. */
export function renderQuestionDirective(site: QuestionSite, question: Question, answer: RootContent[], locale: Locale): void {
  const node = site.node as unknown as { data?: Record<string, unknown>; children: RootContent[] };
  node.data = { hName: 'div', hProperties: { className: ['lc-question', 'lc-question-standalone'], id: question.id, lang: locale, dataQuestion: JSON.stringify(question), dataType: question.type } };
  node.children = questionBody(site, question, answer, locale);
}

/**
 * The quiz's UI and feedback strings in the lesson's language, once per page: the client words
 * everything from this element, so it ships no catalogue of its own (the client budget).
 */
export function renderQuizStrings(locale: Locale): ElementNode {
  const strings = Object.fromEntries(catalogueKeys().filter((key) => key.startsWith('quiz.')).map((key) => [key, translate(locale, key)]));
  return element('div', { className: ['lc-quiz-strings'], hidden: true, lang: locale, dataPagefindIgnore: true, dataStrings: JSON.stringify(strings) }, []);
}
