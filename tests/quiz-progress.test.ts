import { beforeEach, describe, expect, it } from 'vitest';
import { readLessonProgress, readQuestionProgress, recordLessonTotal, recordQuestion, resetProgress } from '../src/scripts/progress.ts';

/** The progress API the course home reads, over the documented storage format (an in-memory localStorage). */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  keys() {
    return [...this.items.keys()];
  }
}

let storage: MemoryStorage;

beforeEach(() => {
  storage = new MemoryStorage();
  // Object.keys(localStorage) lists the stored keys in a browser; the proxy does the same here.
  Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: new Proxy(storage, { ownKeys: (target) => target.keys(), getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }) }) });
});

describe('progress', () => {
  it('counts right answers per lesson, self-marks included, out of the total the lesson page wrote', () => {
    recordLessonTotal('01-pod', 12);
    expect(readLessonProgress('01-pod')).toEqual({ correct: 0, answered: 0, total: 12 });
    recordQuestion('01-pod', 'q1', { answered: true, right: true, selfMarked: false, response: { text: 'kubectl get po' } });
    recordQuestion('01-pod', 'q9', { answered: true, right: true, selfMarked: true, response: { text: '준비된 컨테이너 수' } });
    recordQuestion('01-pod', 'q2', { answered: true, right: false, selfMarked: false });
    expect(readLessonProgress('01-pod')).toEqual({ correct: 2, answered: 3, total: 12 });
    expect(JSON.parse(storage.getItem('lessonc:progress:01-pod')!)).toEqual({
      v: 2,
      total: 12,
      questions: {
        q1: { answered: true, right: true, selfMarked: false, response: { text: 'kubectl get po' } },
        q9: { answered: true, right: true, selfMarked: true, response: { text: '준비된 컨테이너 수' } },
        q2: { answered: true, right: false, selfMarked: false },
      },
    });
    // A later wrong answer replaces the earlier right one: progress is the current state.
    recordQuestion('01-pod', 'q1', { answered: true, right: false, selfMarked: false });
    expect(readLessonProgress('01-pod', 12).correct).toBe(1);
  });

  it('reads the first format (ids answered right), and survives a corrupted value', () => {
    storage.setItem('lessonc:progress:old', JSON.stringify(['q1', 'q3']));
    expect(readLessonProgress('old', 5)).toEqual({ correct: 2, answered: 2, total: 5 });
    expect(readQuestionProgress('old').q3).toEqual({ answered: true, right: true, selfMarked: false });
    storage.setItem('lessonc:progress:broken', '{not json');
    expect(readLessonProgress('broken', 3)).toEqual({ correct: 0, answered: 0, total: 3 });
    recordQuestion('broken', 'q1', { answered: true, right: true, selfMarked: false });
    expect(readLessonProgress('broken', 3).correct).toBe(1);
  });

  it('forgets one lesson or every lesson', () => {
    for (const lesson of ['a', 'b']) recordQuestion(lesson, 'q1', { answered: true, right: true, selfMarked: false });
    storage.setItem('other-app', 'kept');
    resetProgress('a');
    expect(readLessonProgress('a').correct).toBe(0);
    expect(readLessonProgress('b').correct).toBe(1);
    resetProgress();
    expect(readLessonProgress('b').correct).toBe(0);
    expect(storage.getItem('other-app')).toBe('kept');
  });
});
