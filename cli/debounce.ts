/**
 * Runs `task(key)` once `delay` ms after the last `schedule(key)`: a lesson is checked again when its
 * author pauses typing (the language server) or when an editor's burst of writes is over (`--watch`).
 */
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

  cancelAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
