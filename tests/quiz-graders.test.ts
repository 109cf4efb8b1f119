import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeLesson } from '../plugins/remark-lessonc/lib/analyze.ts';
import { translate, type Locale } from '../plugins/remark-lessonc/lib/i18n.ts';
import { checkAnswer } from '../plugins/remark-lessonc/lib/quiz/check.ts';
import { wordVerdict } from '../plugins/remark-lessonc/lib/quiz/feedback.ts';
import { containsKeyword, missingKeywordGroups } from '../plugins/remark-lessonc/lib/quiz/keywords.ts';
import { ChoiceQuestion, Question, type Response, type VerdictStatus } from '../plugins/remark-lessonc/lib/quiz/schema.ts';
import { renderLesson } from '../plugins/remark-lessonc/lib/render/lesson.ts';
import { repoRoot } from './fixtures/site/harness.ts';

/**
 * Every grader on lesson 1's twelve questions, as a learner would answer them: for each question two
 * right answers written differently and two wrong ones, with the feedback the learner reads (Korean,
 * the lesson's language).
 */
async function lessonQuestions(file: string, locale: Locale): Promise<Question[]> {
  return renderLesson(analyzeLesson(await readFile(path.join(repoRoot, file), 'utf8')), locale).questions;
}

async function graded(question: Question, response: Response, locale: Locale = 'ko'): Promise<{ status: VerdictStatus; text: string }> {
  const verdict = await checkAnswer(question, response, locale);
  const { headline, details } = wordVerdict(verdict, (key, data) => translate(locale, key, data));
  return { status: verdict.status, text: [headline, ...details].join(' ') };
}

type Case = [answer: string, status: VerdictStatus, feedback: string];

/** Lesson 1, question by question: [answer, verdict, the feedback shown]. */
const lessonOne: Record<number, Case[]> = {
  1: [
    ['kubectl get pods', 'right', '정답입니다!'],
    ['$ kubectl get po', 'right', '정답입니다!'],
    ['kubectl get pods -A', 'wrong', '올바른 kubectl 명령이지만, 이 문제에서 기대한 명령과 다릅니다. `--all-namespaces`은(는) 이 문제에 필요하지 않습니다.'],
    ['kubectl describe pods', 'wrong', '`kubectl describe`은(는) 리소스의 자세한 정보와 이벤트를 보여 줍니다. 여기서 기대한 답은 `kubectl get`이고, 이 명령은 리소스 목록과 상태를 간단히 보여 줍니다.'],
  ],
  2: [
    ['kubectl get po -A', 'right', '정답입니다!'],
    ['kubectl get pods --all-namespaces=true', 'right', '정답입니다!'],
    ['kubectl get pods', 'wrong', '`--all-namespaces`이(가) 빠졌습니다.'],
    ['kubectl get nodes -A', 'wrong', '리소스 종류가 다릅니다. `nodes`이(가) 아니라 `pods`입니다.'],
  ],
  3: [
    ['kubectl run nginx-pod --image nginx:1.14', 'right', '정답입니다!'],
    ['kubectl run --image=nginx:1.14 nginx-pod', 'right', '정답입니다!'],
    ['kubectl run nginx --image=nginx:1.14', 'wrong', '인자가 다릅니다. `nginx`이(가) 아니라 `nginx-pod`입니다.'],
    ['kubectl run nginx-pod --imag=nginx:1.14', 'wrong', 'kubectl이 받아들이지 않는 명령입니다. 이유: '],
  ],
  4: [
    ['kubectl describe po nginx-pod', 'right', '정답입니다!'],
    ['kubectl describe pod/nginx-pod', 'right', '정답입니다!'],
    ['kubectl get pods nginx-pod -o yaml', 'wrong', '`kubectl get`은(는) 리소스 목록과 상태를 간단히 보여 줍니다. 여기서 기대한 답은 `kubectl describe`이고'],
    ['kubectl describe pods nginx', 'wrong', '대상 이름이 다릅니다. `nginx`이(가) 아니라 `nginx-pod`입니다.'],
  ],
  5: [
    ['kubectl get pods -owide', 'right', '정답입니다!'],
    ['kubectl get po -o=wide', 'right', '정답입니다!'],
    ['kubectl get pods', 'wrong', '`-o wide`이(가) 빠졌습니다.'],
    ['kubectl get pods -o yaml', 'wrong', '`-o yaml`이(가) 아니라 `-o wide`이어야 합니다.'],
  ],
  6: [
    ['kubectl get pods -o wide', 'right', '정답입니다!'],
    // `::alternative[kubectl get pods]`: the READY column shows the containers too.
    ['kubectl get po', 'right', '정답입니다!'],
    ['kubectl logs nginx-pod', 'wrong', '`kubectl logs`은(는) 컨테이너의 로그를 보여 줍니다.'],
    ['kubectl get nodes', 'wrong', '리소스 종류가 다릅니다. `nodes`이(가) 아니라 `pods`입니다.'],
  ],
  7: [
    ['kubectl describe pod nginx-pod', 'right', '정답입니다!'],
    ['kubectl get pods --output=wide', 'right', '정답입니다!'],
    ['kubectl get pods --show-labels', 'wrong', '`--show-labels`은(는) 이 문제에 필요하지 않습니다.'],
    ['kubectl delete pods nginx-pod', 'wrong', '`kubectl delete`은(는) 리소스를 지웁니다.'],
  ],
  8: [
    ['kubectl describe pods nginx-pod', 'right', '정답입니다!'],
    ['kubectl describe po/nginx-pod', 'right', '정답입니다!'],
    ['kubectl describe nodes', 'wrong', '리소스 종류가 다릅니다. `nodes`이(가) 아니라 `pods`입니다.'],
    ['get pods nginx-pod', 'wrong', 'kubectl 명령이 아닙니다.'],
  ],
  9: [
    // `::keywords[준비|ready|동작|실행|running, 컨테이너|파드|container|pod, 수|개수|count|number]`
    ['준비된 컨테이너 수', 'right', '정답입니다! 핵심어가 모두 들어 있습니다.'],
    ['전체 파드수 중 현재 동작중인 파드수', 'right', '정답입니다!'],
    ['파드 이름', 'self-mark', '모범 답안과 비교해 보세요. 내 답이 맞았나요? 찾지 못한 핵심어: 준비 / ready / 동작 / 실행 / running 찾지 못한 핵심어: 수 / 개수 / count / number'],
    ['ready', 'self-mark', '찾지 못한 핵심어: 컨테이너 / 파드 / container / pod'],
  ],
  10: [
    ['kubectl delete po nginx-pod', 'right', '정답입니다!'],
    ['kubectl delete pod/nginx-pod', 'right', '정답입니다!'],
    ['kubectl delete pods', 'wrong', '대상 `nginx-pod`을(를) 지정해야 합니다.'],
    ['kubectl delete pods nginx-pod --now --forse', 'wrong', 'kubectl이 받아들이지 않는 명령입니다.'],
  ],
  11: [
    ['kubectl create -f ./redis.yaml', 'right', '정답입니다!'],
    ['kubectl create --filename=redis.yaml', 'right', '정답입니다!'],
    ['kubectl apply -f redis.yaml', 'wrong', '`kubectl apply`은(는) 매니페스트의 내용대로 리소스를 만들거나 바꿉니다. 여기서 기대한 답은 `kubectl create`이고'],
    ['kubectl create -f redis.yaml > out.txt', 'wrong', '명령 뒤의 `> out.txt`은(는) 필요하지 않습니다.'],
  ],
  12: [
    // The key `kubectl edit pods edit` is corrected to the pod the lesson made (`redis`).
    ['kubectl edit pod redis', 'right', '정답입니다!'],
    ['kubectl edit po/redis', 'right', '정답입니다!'],
    ['kubectl edit pods nginx-pod', 'wrong', '대상 이름이 다릅니다. `nginx-pod`이(가) 아니라 `redis`입니다.'],
    ['kubectl edit pod redis --foo', 'wrong', 'kubectl이 받아들이지 않는 명령입니다. 이유: '],
  ],
};

describe('lesson 1, every question', async () => {
  const questions = await lessonQuestions('lessons/01-pod.md', 'ko');

  it('has the twelve questions, each with cases', () => {
    expect(questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(Object.keys(lessonOne).map(Number)).toEqual(questions.map((q) => q.number));
    for (const cases of Object.values(lessonOne)) {
      expect(cases.filter(([, status]) => status === 'right').length).toBeGreaterThanOrEqual(2);
      expect(cases.filter(([, status]) => status !== 'right').length).toBeGreaterThanOrEqual(2);
    }
  });

  for (const [number, cases] of Object.entries(lessonOne)) {
    it(`grades question ${number}`, async () => {
      const question = questions[Number(number) - 1]!;
      for (const [answer, status, feedback] of cases) {
        const result = await graded(question, { text: answer });
        expect(result.status, answer).toBe(status);
        expect(result.text, answer).toContain(feedback);
      }
    });
  }

  it('asks for an answer before grading', async () => {
    for (const question of questions) expect(await graded(question, { text: '  ' })).toEqual({ status: 'unanswered', text: '답을 입력하세요.' });
  });
});

describe('text answers', () => {
  it('ignores Korean particles, spacing and case in keywords, and takes synonyms', () => {
    for (const answer of ['컨테이너를 재시작', '컨테이너가 죽으면', '컨테이너']) expect(containsKeyword(answer, '컨테이너'), answer).toBe(true);
    expect(containsKeyword('셀프 힐링 기능', '셀프힐링')).toBe(true);
    expect(containsKeyword('셀프힐링 기능', '셀프 힐링')).toBe(true);
    expect(containsKeyword('Self Healing', 'self-healing')).toBe(true);
    expect(containsKeyword('READY 열', 'ready')).toBe(true);
    expect(containsKeyword('it is already there', 'ready')).toBe(false);
    expect(containsKeyword('파드 이름', '컨테이너를')).toBe(false);
    expect(containsKeyword('준비된 컨테이너 수', '컨테이너를')).toBe(true);
    expect(missingKeywordGroups('ready 상태의 컨테이너', [['준비', 'ready'], ['컨테이너']])).toEqual([]);
  });

  it('leaves a question without keywords to the learner, with the model answer', async () => {
    const question = Question.parse({ id: 'q1', number: 1, prompt: '스케줄러가 하는 일은?', type: 'text', answer: '파드를 실행할 노드를 고릅니다.' });
    expect(await graded(question, { text: '파드를 실행할 노드를 고릅니다' })).toEqual({ status: 'right', text: '정답입니다!' });
    expect(await graded(question, { text: '노드를 정해 줍니다' })).toEqual({ status: 'self-mark', text: '모범 답안과 비교해 보세요. 내 답이 맞았나요?' });
    expect(await graded(question, { text: 'It picks a node' }, 'en')).toEqual({ status: 'self-mark', text: 'Compare yours with the model answer. Was your answer right?' });
  });
});

describe('choice answers', () => {
  const question = ChoiceQuestion.parse({
    id: 'q1',
    number: 1,
    prompt: '파드에 반드시 있어야 하는 필드는?',
    type: 'choice',
    multiple: false,
    choices: [
      { text: 'spec.containers', correct: true, why: '파드는 적어도 하나의 컨테이너를 실행합니다.' },
      { text: 'spec.nodeName', correct: false, why: '비워 두면 스케줄러가 정합니다.' },
      { text: 'metadata.labels', correct: false },
    ],
  });

  it('explains each picked choice', async () => {
    expect(await graded(question, { picked: [0] })).toEqual({ status: 'right', text: '정답입니다! spec.containers: 파드는 적어도 하나의 컨테이너를 실행합니다.' });
    expect(await graded(question, { picked: [1] })).toEqual({ status: 'wrong', text: '틀렸습니다. 다시 시도해 보세요. spec.nodeName: 비워 두면 스케줄러가 정합니다.' });
    expect(await graded(question, { picked: [2] })).toEqual({ status: 'wrong', text: '틀렸습니다. 다시 시도해 보세요. ‘metadata.labels’은(는) 답이 아닙니다.' });
    expect(await graded(question, { picked: [] })).toEqual({ status: 'unanswered', text: '답을 입력하세요.' });
  });

  it('counts the right choices missed in a multiple-answer question', async () => {
    const multiple = ChoiceQuestion.parse({ ...question, multiple: true, choices: question.choices.map((choice, i) => ({ ...choice, correct: i < 2, why: undefined })) });
    expect(await graded(multiple, { picked: [0, 1] })).toEqual({ status: 'right', text: '정답입니다!' });
    expect(await graded(multiple, { picked: [0] }, 'en')).toEqual({ status: 'wrong', text: 'Not quite. Try again. 1 more choice(s) are right.' });
  });
});

describe('manifest answers', () => {
  const answer = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: redis\nspec:\n  containers:\n    - name: redis\n      image: redis\n';
  const question = async (extra: string) => (await lessonQuestionsFrom(`## 문제\n\n1. 파드를 쓰세요.\n\n\`\`\`yaml\n${answer}\`\`\`\n${extra}`))[0]!;

  it('accepts extra valid fields and another order, by default graded on the key under metadata.name and spec', async () => {
    const q = await question('');
    expect(q).toMatchObject({ type: 'manifest', require: [{ path: 'kind', value: 'Pod' }, { path: 'metadata.name', value: 'redis' }, { path: 'spec.containers[name=redis].name', value: 'redis' }, { path: 'spec.containers[name=redis].image', value: 'redis' }] });
    expect(await graded(q, { text: answer })).toEqual({ status: 'right', text: '정답입니다!' });
    const extra = 'kind: Pod\napiVersion: v1\nmetadata:\n  name: redis\n  labels:\n    app: redis\nspec:\n  restartPolicy: Never\n  containers:\n  - image: redis\n    name: redis\n';
    expect(await graded(q, { text: extra })).toEqual({ status: 'right', text: '정답입니다!' });
  });

  it('shows a misspelt field at its line, in the page language', async () => {
    const q = await question('');
    const misspelt = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: redis\nspec:\n  containers:\n    - name: redis\n      imgae: redis\n';
    // Only the typo: the "missing" `image` it stands for is not reported again.
    expect(await graded(q, { text: misspelt })).toEqual({ status: 'wrong', text: '매니페스트에 문제가 있습니다. 8행: `Container`에 `imgae` 필드는 없습니다. `image`을(를) 뜻했나요?' });
    expect((await graded(q, { text: misspelt }, 'en')).text).toBe('The manifest has problems. Line 8: Unexpected field `imgae` in `Container`, expected `image`');
    const missing = misspelt.replace('      imgae: redis\n', '');
    expect((await graded(q, { text: missing }, 'en')).text).toBe('The manifest has problems. Line 7: Missing required field `image` in `Container`');
  });

  it('names a wrong value at its line, and a missing field', async () => {
    const q = await question('');
    const other = answer.replace('image: redis', 'image: nginx');
    expect(await graded(q, { text: other })).toEqual({ status: 'wrong', text: '올바른 매니페스트이지만, 문제에서 요구한 내용과 다릅니다. 8행: `spec.containers[name=redis].image`은(는) `nginx`이(가) 아니라 `redis`이어야 합니다.' });
    const renamed = answer.replace('name: redis\nspec', 'name: cache\nspec');
    expect((await graded(q, { text: renamed }, 'en')).text).toBe('A valid manifest, but not what the question asks for. Line 4: `metadata.name` should be `redis`, not `cache`.');
  });

  it('grades on `::require[…]` only when given', async () => {
    const q = await question('\n::require[metadata.name=redis, spec.containers[0].image=redis]\n');
    expect(q).toMatchObject({ require: [{ path: 'metadata.name', value: 'redis' }, { path: 'spec.containers[0].image', value: 'redis' }] });
    expect((await graded(q, { text: answer.replace('- name: redis', '- name: db') })).status).toBe('right');
    expect((await graded(q, { text: answer.replace('image: redis', 'image: redis:7') })).status).toBe('wrong');
  });
});

async function lessonQuestionsFrom(body: string): Promise<Question[]> {
  return renderLesson(analyzeLesson(`---\ntitle: t\n---\n\n${body}`), 'ko').questions;
}

describe('English feedback', async () => {
  const [command] = await lessonQuestions('tests/fixtures/quiz/lessons/b-quiz-en.md', 'en');

  it('words command feedback in English on an English lesson', async () => {
    expect(await graded(command!, { text: 'kubectl describe po/web' }, 'en')).toEqual({ status: 'right', text: 'Correct!' });
    expect(await graded(command!, { text: 'kubectl describe pods web' }, 'en')).toEqual({ status: 'right', text: 'Correct!' });
    expect((await graded(command!, { text: 'kubectl get pod web' }, 'en')).text).toBe(
      'That is a valid kubectl command, but not the one this question asks for. `kubectl get` lists resources with a short status; the answer expected here is `kubectl describe`, which shows a resource in detail, with its events.',
    );
    expect((await graded(command!, { text: 'kubectl describe pod' }, 'en')).text).toContain('Name the object `web`.');
  });
});
