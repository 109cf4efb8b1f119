import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { analyzeLesson, checkAnswer, importNotes, Question } from '../plugins/remark-lessonc/index.ts';
import { renderLesson } from '../plugins/remark-lessonc/lib/render/lesson.ts';
import { seedNotes } from './helpers/paths.ts';

async function seedQuestions(): Promise<Question[]> {
  const markdown = importNotes(await readFile(seedNotes, 'utf8'), { sourceName: '000_27c1ab4a3650825c.txt' });
  return renderLesson(analyzeLesson(markdown), 'ko').questions;
}

describe('questions of the seed', () => {
  it('extracts all 12 questions with their answers', async () => {
    const questions = await seedQuestions();
    expect(questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const question of questions) {
      expect(Question.parse(question)).toEqual(question);
      expect(question.prompt.length).toBeGreaterThan(5);
    }
    const answer = (n: number) => {
      const q = questions[n - 1]!;
      return q.type === 'choice' ? '' : q.answer;
    };
    expect(questions[0]!.prompt).toBe('현재 namespace에서 동작중인 Pod는 몇 개인가?');
    expect(answer(1)).toBe('kubectl get pods');
    expect(answer(2)).toBe('kubectl get pods --all-namespaces');
    expect(answer(3)).toBe('kubectl run nginx-pod --image=nginx:1.14');
    expect(answer(4)).toBe('kubectl describe pods nginx-pod');
    expect(answer(5)).toBe('kubectl get pods -o wide');
    expect(answer(7)).toBe('kubectl get pods -o wide');
    expect(answer(8)).toBe('kubectl describe pods nginx-pod');
    expect(questions[8]!.type).toBe('text');
    expect(answer(9)).toBe('전체 파드수중 현재 동작중인 파드수');
    expect(answer(10)).toBe('kubectl delete pods nginx-pod');
    expect(questions[10]!.type).toBe('command');
    expect(answer(11)).toBe('kubectl create -f redis.yaml');
    expect(questions[11]!.type).toBe('command');
    expect(answer(12)).toMatch(/^kubectl edit pods? /);
  });

  it('grades command answers by whitespace-normalised comparison', async () => {
    const [first] = await seedQuestions();
    expect((await checkAnswer(first!, { text: '  kubectl   get pods ' })).status).toBe('right');
    expect((await checkAnswer(first!, { text: '# kubectl get pods' })).status).toBe('right');
    expect(await checkAnswer(first!, { text: 'kubectl get nodes' })).toMatchObject({ status: 'wrong', feedback: { id: 'quiz.command.validButDifferent' } });
    expect(await checkAnswer(first!, { text: '' })).toMatchObject({ status: 'unanswered', feedback: { id: 'quiz.empty' } });
  });
});

describe('semantic grading of command answers', () => {
  const question = Question.parse({ id: 'q1', number: 1, prompt: '모든 파드를 넓게', type: 'command', answer: 'kubectl get pods --all-namespaces -o wide' });

  it('accepts the same command written another way', async () => {
    for (const text of ['kubectl get po -A -owide', 'kubectl get pods -o=wide --all-namespaces', '$ kubectl get pod -o wide -A']) {
      expect(await checkAnswer(question, { text }), text).toMatchObject({ status: 'right' });
    }
  });

  it('says what differs', async () => {
    expect(await checkAnswer(question, { text: 'kubectl get pods -A' })).toMatchObject({ status: 'wrong', details: [{ id: 'quiz.command.flagMissing', data: { flag: '-o wide' } }] });
    expect((await checkAnswer(question, { text: 'kubectl get svc -A -o wide' })).details).toEqual([{ id: 'quiz.command.resource', data: { expected: 'pods', actual: 'services' } }]);
  });

  it('keeps pipes and redirections significant', async () => {
    const redirect = Question.parse({ id: 'q2', number: 2, prompt: 'yaml로 저장', type: 'command', answer: 'kubectl run redis --image=redis123 -o yaml --dry-run=client > redis.yaml' });
    expect((await checkAnswer(redirect, { text: 'kubectl run redis --dry-run=client -o yaml --image=redis123 > redis.yaml' })).status).toBe('right');
    expect((await checkAnswer(redirect, { text: 'kubectl run redis --dry-run=client -o yaml --image=redis123 > other.yaml' })).details).toEqual([{ id: 'quiz.command.tail', data: { expected: '> redis.yaml', actual: '> other.yaml' } }]);
  });
});

describe('explicit questions', () => {
  const lesson = `---
title: Directives
---

:::question{type=choice}
가장 작은 배포 단위는?

- [ ] 컨테이너
- [x] 파드

::hint[컨테이너를 감쌉니다]
:::

:::question{type=command}
모든 네임스페이스의 파드는?

\`\`\`shell
kubectl get pods --all-namespaces
\`\`\`

::alternative[kubectl get pods -A]
:::

## Quiz

1. READY 열의 뜻은? \`준비된 컨테이너 수\`
`;

  it('reads choices, hints, alternatives and inline-code answers into the same schema', async () => {
    const questions = renderLesson(analyzeLesson(lesson), 'ko').questions;
    expect(questions).toHaveLength(3);
    const [choice, command, text] = questions;
    expect(choice).toMatchObject({ type: 'choice', multiple: false, hints: ['컨테이너를 감쌉니다'], choices: [{ text: '컨테이너', correct: false }, { text: '파드', correct: true }] });
    expect((await checkAnswer(choice!, { picked: [1] })).status).toBe('right');
    expect((await checkAnswer(choice!, { picked: [0, 1] })).status).toBe('wrong');
    expect(command).toMatchObject({ type: 'command', answer: 'kubectl get pods --all-namespaces', alternatives: ['kubectl get pods -A'] });
    expect((await checkAnswer(command!, { text: 'kubectl get pods -A' })).status).toBe('right');
    expect(text).toMatchObject({ type: 'text', prompt: 'READY 열의 뜻은?', answer: '준비된 컨테이너 수' });
  });
});
