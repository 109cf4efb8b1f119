import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeLesson, type LessonAnalysis } from '../../plugins/remark-lessonc/index.ts';

/**
 * The analysis of each open lesson at its current version, worked out once however many requests
 * (diagnostics, code actions, hover, completion) ask about that version.
 */
export class LessonAnalyses {
  private readonly cache = new Map<string, { version: number; analysis: LessonAnalysis }>();

  of(document: TextDocument): LessonAnalysis {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysis;
    const analysis = analyzeLesson(document.getText());
    this.cache.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}

/** Runs `task(key)` once `delay` ms after the last `schedule(key)`: diagnostics wait until the author pauses. */
export class Debouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly delay: number;
  private readonly task: (key: string) => void;

  constructor(delay: number, task: (key: string) => void) {
    this.delay = delay;
    this.task = task;
  }

  schedule(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.task(key);
    }, this.delay));
  }

  cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }
}
