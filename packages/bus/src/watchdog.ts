import type { ConsumerProgress } from "./consumer-types.ts";

/** Events handled, skipped or given up on so far, whatever the outcome. */
export function progressed(counts: ConsumerProgress): number {
  return counts.handled + counts.duplicate + counts.skipped + counts.retrying + counts.terminated;
}

export interface StallCheck {
  /** Messages the broker holds for this consumer and has not delivered. */
  pending: number;
  /** `progressed()` now, and at the previous check. */
  progressNow: number;
  progressBefore: number;
  lastPullAt: Date | null;
  now: Date;
  /** How long one pull may wait; a healthy loop pulls again at least this often. */
  expiresMs: number;
}

/**
 * A consumer is stalled when the broker has messages for it, nothing moved since the last check,
 * and it has not pulled for two pull periods: its loop is stuck and must be restarted.
 */
export function isStalled(check: StallCheck): boolean {
  if (check.pending === 0 || check.progressNow !== check.progressBefore) return false;
  const idleMs = check.lastPullAt
    ? check.now.getTime() - check.lastPullAt.getTime()
    : Number.POSITIVE_INFINITY;
  return idleMs > 2 * check.expiresMs;
}
