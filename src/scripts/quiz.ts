import type { Locale } from '../../plugins/remark-lessonc/lib/i18n.ts';
import { checkAnswer } from '../../plugins/remark-lessonc/lib/quiz/check.ts';
import { wordVerdict } from '../../plugins/remark-lessonc/lib/quiz/feedback.ts';
import type { Question, Response, Verdict } from '../../plugins/remark-lessonc/lib/quiz/schema.ts';
import type { QuestionInput, Translate } from '../../plugins/remark-lessonc/lib/quiz/types/input.ts';
import { readQuestionProgress, recordLessonTotal, recordQuestion, showProgress, type QuestionProgress } from './progress.ts';
import { renderQuestionInput } from './question-input.ts';

/**
 * Turns the compiler's question placeholders (`.lc-question[data-question]`) into small forms: the
 * type's input, hints, a Check button, a Show-answer toggle and a feedback status region. Text
 * answers the grader cannot judge are marked by the learner after seeing the model answer.
 *
 * Budget: this is what a lesson page loads up front. No schema library (the build validated the
 * JSON) and no catalogue (the compiler put this lesson's strings in `.lc-quiz-strings`); the kubectl
 * grammar and the Kubernetes validator are imported on the first check of a command or manifest.
 * Without JavaScript the placeholders still read as questions with hidden answers.
 */
export function setUpQuiz(root: Document): void {
  const placeholders = [...root.querySelectorAll<HTMLElement>('.lc-question[data-question]')];
  if (placeholders.length === 0) return;
  const t = pageTranslator(root);
  const lesson = lessonSlug(root);
  recordLessonTotal(lesson, placeholders.length);
  const progress = readQuestionProgress(lesson);
  for (const placeholder of placeholders) {
    let question: Question;
    try {
      question = JSON.parse(placeholder.dataset.question ?? '') as Question;
    } catch (error) {
      console.error(`lessonc: unreadable question in ${placeholder.id || 'lesson'}`, error);
      continue;
    }
    const locale: Locale = placeholder.closest('[lang]')?.getAttribute('lang')?.startsWith('en') ? 'en' : 'ko';
    const quiz = new QuizQuestion(question, placeholder, t, locale, (state) => {
      recordQuestion(lesson, question.id, state);
      showProgress(root);
    });
    quiz.restore(progress[question.id]);
  }
  showProgress(root);
}

/** The lesson's slug: `data-lesson` on the page, or the `/lessons/<slug>/` part of its address. */
function lessonSlug(root: Document): string {
  const marked = root.querySelector<HTMLElement>('[data-lesson]')?.dataset.lesson;
  if (marked) return marked;
  const path = root.location.pathname;
  return /\/lessons\/([^/]+)/.exec(path)?.[1] ?? path;
}

/** Looks strings up in the compiler's `.lc-quiz-strings`; a missing one shows its key, not an error. */
function pageTranslator(root: Document): Translate {
  let strings: Record<string, string> = {};
  try {
    strings = JSON.parse(root.querySelector<HTMLElement>('.lc-quiz-strings')?.dataset.strings ?? '{}') as Record<string, string>;
  } catch {
    console.error('lessonc: unreadable quiz strings');
  }
  return (key, data = {}) => (strings[key] ?? key).replace(/\{(\w+)\}/g, (match, name: string) => (name in data ? String(data[name]) : match));
}

class QuizQuestion {
  private readonly input: QuestionInput;
  private readonly form: HTMLFormElement;
  private readonly feedback = document.createElement('div');
  private readonly answer: HTMLElement | null;
  private readonly toggle: HTMLButtonElement | null = null;
  private readonly question: Question;
  private readonly placeholder: HTMLElement;
  private readonly t: Translate;
  private readonly locale: Locale;
  private readonly save: (state: QuestionProgress) => void;

  constructor(question: Question, placeholder: HTMLElement, t: Translate, locale: Locale, save: (state: QuestionProgress) => void) {
    this.question = question;
    this.placeholder = placeholder;
    this.t = t;
    this.locale = locale;
    this.save = save;
    const form = (this.form = document.createElement('form'));
    form.className = 'lc-quiz-form';
    form.noValidate = true;
    // Every question's field is labelled "Your answer": the form itself is named by its prompt.
    const prompt = placeholder.querySelector<HTMLElement>('.lc-prompt');
    if (prompt?.textContent?.trim()) {
      prompt.id ||= `${question.id}-prompt`;
      form.setAttribute('aria-labelledby', prompt.id);
    }
    this.input = renderQuestionInput(question, t);
    form.append(this.input.element);
    for (const hint of question.hints) {
      const details = document.createElement('details');
      details.className = 'lc-hint';
      const summary = document.createElement('summary');
      summary.textContent = t('quiz.hint');
      const text = document.createElement('p');
      text.append(withInlineCode(hint));
      details.append(summary, text);
      form.append(details);
    }
    const buttons = document.createElement('div');
    buttons.className = 'lc-buttons';
    buttons.append(button(t('quiz.check'), 'submit', 'lc-check'));
    this.answer = placeholder.querySelector<HTMLElement>('.lc-answer');
    if (this.answer) {
      this.toggle = this.answerToggle(this.answer);
      buttons.append(this.toggle);
    }
    form.append(buttons);
    this.feedback.className = 'lc-feedback';
    this.feedback.setAttribute('role', 'status');
    // The feedback (a manifest's problems by line, what a command misses) describes the field it is about.
    this.feedback.id = `${question.id}-feedback`;
    for (const field of this.input.element.querySelectorAll('input, textarea')) field.setAttribute('aria-describedby', this.feedback.id);
    form.append(this.feedback);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.check();
    });
    // The static list of choices (for readers without JavaScript, and print) gives way to the form.
    placeholder.querySelector('.lc-choices-static')?.remove();
    if (this.answer) this.answer.before(form);
    else placeholder.append(form);
  }

  private async check(): Promise<void> {
    const response = this.input.read();
    const pending = window.setTimeout(() => this.say(this.t('quiz.checking'), [], 'pending'), 150);
    let verdict: Verdict;
    try {
      verdict = await checkAnswer(this.question, response, this.locale);
    } catch (error) {
      console.error('lessonc: grading failed', error);
      this.say(this.t('quiz.loadFailed'), [], 'incorrect');
      return;
    } finally {
      window.clearTimeout(pending);
    }
    const { headline, details } = wordVerdict(verdict, this.t);
    if (verdict.status === 'unanswered') return this.say(headline, details, 'incorrect');
    if (verdict.status === 'self-mark') {
      this.say(headline, details, 'self-mark');
      this.showAnswer();
      this.askForMark(response);
      this.save({ answered: true, right: false, selfMarked: false, response });
      this.placeholder.dataset.state = 'self-mark';
      return;
    }
    const right = verdict.status === 'right';
    this.say(headline, details, right ? 'correct' : 'incorrect');
    if (right && this.question.type === 'text') this.showAnswer();
    this.mark(right, false);
    this.save({ answered: true, right, selfMarked: false, response });
  }

  /** "Was your answer right?" with two buttons; the learner's mark is what progress records. */
  private askForMark(response: Response): void {
    const group = document.createElement('div');
    group.className = 'lc-self-mark lc-buttons';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', this.t('quiz.selfMark.prompt'));
    for (const right of [true, false]) {
      const choice = button(this.t(right ? 'quiz.selfMark.right' : 'quiz.selfMark.wrong'), 'button', right ? 'lc-mark-right' : 'lc-mark-wrong');
      choice.addEventListener('click', () => {
        // The buttons go away: keep keyboard focus in the question rather than lose it to the page.
        this.form.querySelector<HTMLButtonElement>('.lc-check')?.focus();
        group.remove();
        this.say(this.t(right ? 'quiz.selfMarked.right' : 'quiz.selfMarked.wrong'), [], right ? 'correct' : 'incorrect');
        this.mark(right, true);
        this.save({ answered: true, right, selfMarked: true, response });
      });
      group.append(choice);
    }
    this.feedback.append(group);
  }

  /** A reload shows what the learner did last time: their answer, and how it went. */
  restore(state: QuestionProgress | undefined): void {
    if (!state?.answered) return;
    if (state.response) this.input.restore(state.response);
    // Checked but never marked: nothing to report yet; checking again asks for the mark.
    if (this.question.type === 'text' && !state.right && !state.selfMarked) return;
    // Told, not graded again: grading a command or manifest would load its grader before any interaction.
    const said = state.selfMarked ? (state.right ? 'quiz.selfMarked.right' : 'quiz.selfMarked.wrong') : state.right ? 'quiz.restored.right' : 'quiz.restored.wrong';
    this.say(this.t(said), [], state.right ? 'correct' : 'incorrect');
    this.mark(state.right, state.selfMarked);
  }

  private mark(right: boolean, selfMarked: boolean): void {
    this.placeholder.classList.toggle('lc-solved', right);
    this.placeholder.dataset.state = `${selfMarked ? 'self-' : ''}${right ? 'right' : 'wrong'}`;
  }

  private say(headline: string, details: string[], verdict: string): void {
    const line = document.createElement('p');
    line.textContent = headline;
    this.feedback.replaceChildren(line);
    this.feedback.dataset.verdict = verdict;
    if (details.length === 0) return;
    const list = document.createElement('ul');
    for (const detail of details) {
      const item = document.createElement('li');
      item.append(withInlineCode(detail));
      list.append(item);
    }
    this.feedback.append(list);
  }

  private showAnswer(): void {
    if (!this.answer || !this.answer.hidden) return;
    this.toggle?.click();
  }

  private answerToggle(answer: HTMLElement): HTMLButtonElement {
    answer.id ||= `${this.question.id}-answer`;
    const toggle = button(this.t('quiz.reveal'), 'button', 'lc-reveal');
    toggle.setAttribute('aria-controls', answer.id);
    toggle.setAttribute('aria-expanded', 'false');
    toggle.addEventListener('click', () => {
      answer.hidden = !answer.hidden;
      toggle.setAttribute('aria-expanded', String(!answer.hidden));
      toggle.textContent = this.t(answer.hidden ? 'quiz.reveal' : 'quiz.hide');
    });
    return toggle;
  }
}

function button(label: string, type: 'submit' | 'button', className: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = type;
  element.className = className;
  element.textContent = label;
  return element;
}

/** Feedback and hints mark code with backticks; show those parts as `<code>`, as text. */
function withInlineCode(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  text.split('`').forEach((part, index) => {
    if (index % 2 === 0) fragment.append(part);
    else fragment.append(Object.assign(document.createElement('code'), { textContent: part }));
  });
  return fragment;
}

