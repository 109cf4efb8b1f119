import { isMessageKey, translate, type Locale, type MessageKey } from '../../plugins/remark-lessonc/lib/i18n.ts';
import { loadKubectlGrammar } from '../../plugins/remark-lessonc/lib/kubectl/load-grammar.ts';
import { checkAnswer } from '../../plugins/remark-lessonc/lib/quiz/check.ts';
import { Question, type Verdict } from '../../plugins/remark-lessonc/lib/quiz/schema.ts';
import { markSolved, showProgress, solvedQuestions } from './progress.ts';
import { renderQuestionInput } from './question-input.ts';

/**
 * Turns the compiler's question placeholders (`.lc-question[data-question]`) into small forms:
 * the type's input, hints, a Check button, a Show-answer toggle and a feedback status region.
 * Without JavaScript the placeholders still read as questions with hidden answers.
 */
export function setUpQuiz(root: Document): void {
  // Semantic grading of command answers needs the kubectl grammar (~13 KB gzipped): fetch it now, in
  // the background; until it arrives, answers are compared as text.
  if (root.querySelector('.lc-question[data-type="command"]')) void loadKubectlGrammar().catch((error: unknown) => console.error('lessonc: kubectl grammar not loaded', error));
  const locale: Locale = root.documentElement.lang.startsWith('en') ? 'en' : 'ko';
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values);
  const lesson = root.querySelector<HTMLElement>('[data-lesson]')?.dataset.lesson ?? root.location.pathname;
  const solved = solvedQuestions(lesson);
  for (const placeholder of root.querySelectorAll<HTMLElement>('.lc-question[data-question]')) {
    let question: Question;
    try {
      question = Question.parse(JSON.parse(placeholder.dataset.question ?? ''));
    } catch (error) {
      // A placeholder from an older compiler: leave it as static text rather than break the page.
      console.error(`lessonc: unreadable question in ${placeholder.id || 'lesson'}`, error);
      continue;
    }
    const form = renderQuestionForm(question, placeholder, t, (verdict) => {
      if (!verdict.correct) return;
      markSolved(lesson, question.id);
      placeholder.classList.add('lc-solved');
      showProgress(root);
    });
    // The static list of choices (for readers without JavaScript, and print) gives way to the form.
    placeholder.querySelector('.lc-choices-static')?.remove();
    placeholder.querySelector('.lc-answer')?.before(form);
    placeholder.classList.toggle('lc-solved', solved.has(question.id));
  }
}

function renderQuestionForm(question: Question, placeholder: HTMLElement, t: (key: MessageKey) => string, onVerdict: (verdict: Verdict) => void): HTMLFormElement {
  const form = document.createElement('form');
  form.className = 'lc-quiz-form';
  form.noValidate = true;
  // Every question's field is labelled "Your answer": the form itself is named by its prompt.
  const prompt = placeholder.querySelector<HTMLElement>('.lc-prompt');
  if (prompt?.textContent?.trim()) {
    prompt.id ||= `${question.id}-prompt`;
    form.setAttribute('aria-labelledby', prompt.id);
  }
  const input = renderQuestionInput(question, t);
  form.append(input.element);

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
  const check = button(t('quiz.check'), 'submit', 'lc-check');
  buttons.append(check);
  const answer = placeholder.querySelector<HTMLElement>('.lc-answer');
  if (answer) buttons.append(answerToggle(answer, `${question.id}-answer`, t));
  form.append(buttons);

  const feedback = document.createElement('div');
  feedback.className = 'lc-feedback';
  feedback.setAttribute('role', 'status');
  form.append(feedback);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const verdict = checkAnswer(question, input.read());
    showVerdict(feedback, verdict, t);
    onVerdict(verdict);
  });
  return form;
}

function answerToggle(answer: HTMLElement, id: string, t: (key: MessageKey) => string): HTMLButtonElement {
  answer.id ||= id;
  const toggle = button(t('quiz.reveal'), 'button', 'lc-reveal');
  toggle.setAttribute('aria-controls', answer.id);
  toggle.setAttribute('aria-expanded', 'false');
  toggle.addEventListener('click', () => {
    answer.hidden = !answer.hidden;
    toggle.setAttribute('aria-expanded', String(!answer.hidden));
    toggle.textContent = t(answer.hidden ? 'quiz.reveal' : 'quiz.hide');
  });
  return toggle;
}

function showVerdict(feedback: HTMLElement, verdict: Verdict, t: (key: MessageKey) => string): void {
  const headline = document.createElement('p');
  headline.textContent = isMessageKey(verdict.feedback) ? t(verdict.feedback) : verdict.feedback;
  feedback.replaceChildren(headline);
  feedback.dataset.verdict = verdict.correct ? 'correct' : 'incorrect';
  if (verdict.details.length === 0) return;
  const list = document.createElement('ul');
  for (const detail of verdict.details) {
    const item = document.createElement('li');
    item.append(withInlineCode(detail));
    list.append(item);
  }
  feedback.append(list);
}

function button(label: string, type: 'submit' | 'button', className: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = type;
  element.className = className;
  element.textContent = label;
  return element;
}

/** Verdict details and hints mark code with backticks; show those parts as `<code>`, as text. */
function withInlineCode(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  text.split('`').forEach((part, index) => {
    if (index % 2 === 0) fragment.append(part);
    else fragment.append(Object.assign(document.createElement('code'), { textContent: part }));
  });
  return fragment;
}
