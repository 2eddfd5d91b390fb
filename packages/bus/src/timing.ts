import { setTimeout as delay } from "node:timers/promises";
import { isRetryLater } from "./errors.ts";

/** Waits between attempts to reach the broker again (a pull loop, the outbox relay). */
export const RECONNECT_BACKOFF_MS: readonly number[] = [250, 500, 1_000, 2_000, 5_000];

/** Picks the delay for the n-th attempt (1-based) from a schedule; the last entry repeats. */
export function backoffDelay(schedule: readonly number[], attempt: number): number {
  if (schedule.length === 0) return 0;
  return schedule[Math.min(Math.max(attempt, 1), schedule.length) - 1] ?? 0;
}

/** The first wait of an event that cannot be applied yet: its reference is usually milliseconds behind. */
const RETRY_LATER_FIRST_MS = 50;

/**
 * The redelivery delay after the n-th failed delivery. A `RetryLaterError` (say, a shipment seen
 * before its order, which another consumer is applying) is first retried after 50 ms, then along
 * the schedule; other failures follow the schedule from its start.
 */
export function retryDelay(
  schedule: readonly number[],
  deliveries: number,
  error: unknown,
): number {
  if (!isRetryLater(error)) return backoffDelay(schedule, deliveries);
  const first = Math.min(RETRY_LATER_FIRST_MS, schedule[0] ?? RETRY_LATER_FIRST_MS);
  return backoffDelay([first, ...schedule], deliveries);
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
