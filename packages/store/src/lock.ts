/**
 * A FIFO async mutex. `DatabaseSync` is one connection: while a transaction is open across
 * awaits, every other request must wait for it, or its statements would join that transaction.
 */
export class Mutex {
  #held = false;
  readonly #waiting: Array<() => void> = [];

  /** Resolves when the caller holds the lock; the returned function releases it (once). */
  async acquire(): Promise<() => void> {
    if (this.#held) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    this.#held = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#handOver();
    };
  }

  /** Runs `fn` while holding the lock. */
  async run<R>(fn: () => R | Promise<R>): Promise<R> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  #handOver(): void {
    const next = this.#waiting.shift();
    // The lock passes straight to the next waiter, so nobody can barge in between.
    if (next) next();
    else this.#held = false;
  }
}
