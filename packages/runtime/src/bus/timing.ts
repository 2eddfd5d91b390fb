import { setTimeout as delay } from "node:timers/promises";

/** Picks the delay for the n-th attempt (1-based) from a schedule; the last entry repeats. */
export function backoffDelay(schedule: readonly number[], attempt: number): number {
  if (schedule.length === 0) return 0;
  return schedule[Math.min(Math.max(attempt, 1), schedule.length) - 1] ?? 0;
}

/** Waits `ms`, returning early (without throwing) when `signal` aborts. */
export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  try {
    await delay(ms, undefined, { signal });
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}

/** A level-triggered wake-up: `notify()` ends the current or the next `wait()`. */
export class Wakeup {
  #pending = false;
  #wake: (() => void) | undefined;

  notify(): void {
    this.#pending = true;
    this.#wake?.();
  }

  /** Resolves on `notify()`, after `ms`, or when `signal` aborts, whichever comes first. */
  async wait(ms: number, signal: AbortSignal): Promise<void> {
    if (!this.#pending && !signal.aborted) {
      const woken = new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
      const abort = new AbortController();
      const onAbort = (): void => abort.abort();
      signal.addEventListener("abort", onAbort, { once: true });
      await Promise.race([woken, sleep(ms, abort.signal)]);
      abort.abort();
      signal.removeEventListener("abort", onAbort);
      this.#wake = undefined;
    }
    this.#pending = false;
  }
}
