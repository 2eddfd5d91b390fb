/** This service's view of time: now, and how far ahead of it a reported instant may be. */
export interface Clock {
  now: Date;
  skewMs: number;
}

/** The problem with an instant reported ahead of the clock by more than the skew, if any. */
export function aheadOfClock(
  field: string,
  at: Date,
  clock: Clock,
): { field: string; code: string; message: string } | null {
  const leadMs = at.getTime() - clock.now.getTime();
  if (leadMs <= clock.skewMs) return null;
  return {
    field,
    code: "INSTANT_IN_FUTURE",
    message: `${field} ${at.toISOString()} is ${Math.round(leadMs / 1000)} s ahead of this service's clock (${clock.now.toISOString()}); at most ${clock.skewMs / 1000} s are allowed`,
  };
}
