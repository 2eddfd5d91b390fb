/** How far each retry's delay may be spread, either way, so failed receivers are not hit in step. */
const JITTER = 0.1;

/** The longest a `Retry-After` is taken at its word: a day, the standard schedule's longest wait. */
const RETRY_AFTER_CAP = 86_400;

/**
 * Seconds a `Retry-After` header asks for (delta-seconds or an HTTP date); undefined when absent
 * or unreadable.
 */
export function retryAfterSeconds(header: string | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, (at - now.getTime()) / 1000);
}

/**
 * When to try again after `attempts` attempts (1 after the first), or null when the schedule is
 * spent. The schedule's entry is jittered by ±10 %; a `Retry-After` moves it later, never earlier,
 * up to a day.
 */
export function nextAttemptAt(
  schedule: readonly number[],
  attempts: number,
  now: Date,
  retryAfter: number | undefined,
  random: () => number = Math.random,
): Date | null {
  const planned = schedule[attempts];
  if (planned === undefined) return null;
  const jittered = planned * (1 - JITTER + 2 * JITTER * random());
  const wait = Math.max(jittered, Math.min(retryAfter ?? 0, RETRY_AFTER_CAP));
  return new Date(now.getTime() + Math.round(wait * 1000));
}
