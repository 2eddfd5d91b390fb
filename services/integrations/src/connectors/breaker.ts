/** Where a connector's breaker stands: sending, paused while its system is down, or trying one. */
export type BreakerState = "closed" | "open" | "half_open";

/**
 * A circuit breaker per connector: after `failures` unavailable answers in a row it opens for
 * `openMs`, sending nothing; then one delivery (the oldest due) tries the system, and a success
 * closes it again so the backlog resumes in order.
 */
export function circuitBreaker(failures: number, openMs: number) {
  let consecutive = 0;
  let openUntil = 0;
  return {
    state(now: number): BreakerState {
      if (consecutive < failures) return "closed";
      return now < openUntil ? "open" : "half_open";
    },
    /** How many deliveries may be tried now, of `concurrency`. */
    allowance(concurrency: number, now: number): number {
      const state = this.state(now);
      return state === "closed" ? concurrency : state === "half_open" ? 1 : 0;
    },
    succeeded() {
      consecutive = 0;
    },
    failed(now: number) {
      consecutive += 1;
      if (consecutive >= failures) openUntil = now + openMs;
    },
  };
}

export type CircuitBreaker = ReturnType<typeof circuitBreaker>;
