/**
 * A clock for code that takes its timers as dependencies (the page lens, the hover machine): timers run when the
 * test says so, in the order they are due, and no test waits for real time to pass.
 */
export class FakeClock {
  #now = 0;
  #nextId = 1;
  readonly #timers = new Map<number, { at: number; fn: () => void }>();

  readonly now = (): number => this.#now;

  readonly setTimer = (fn: () => void, ms: number): number => {
    const id = this.#nextId++;
    this.#timers.set(id, { at: this.#now + Math.max(0, ms), fn });
    return id;
  };

  readonly clearTimer = (id: number): void => {
    this.#timers.delete(id);
  };

  get pending(): number {
    return this.#timers.size;
  }

  /** Moves the clock to the earliest timer and runs it; false when no timer is waiting. */
  runNext(): boolean {
    let first: [number, { at: number; fn: () => void }] | null = null;
    for (const entry of this.#timers) if (!first || entry[1].at < first[1].at) first = entry;
    if (!first) return false;
    this.#timers.delete(first[0]);
    this.#now = Math.max(this.#now, first[1].at);
    first[1].fn();
    return true;
  }

  /** Moves the clock on by `ms`, running every timer that falls due on the way, in order. */
  advance(ms: number): void {
    const until = this.#now + ms;
    for (;;) {
      let due: number | null = null;
      for (const [id, timer] of this.#timers) if (timer.at <= until && (due === null || timer.at < this.#timers.get(due)!.at)) due = id;
      if (due === null) break;
      const timer = this.#timers.get(due)!;
      this.#timers.delete(due);
      this.#now = Math.max(this.#now, timer.at);
      timer.fn();
    }
    this.#now = until;
  }
}

/** Lets every queued microtask run (mutation records in happy-dom, promise chains): one turn of the event loop. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
