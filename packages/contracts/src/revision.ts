/** Anything told with a revision: the state of one entity as of one of its events. */
export interface Revised {
  revision: number;
}

/**
 * The state to keep of an entity: the one told with the higher revision, so a late event never
 * overwrites a newer state. On a tie (the same event applied twice) the kept state stays.
 */
export function latestState<T extends Revised>(kept: T | null | undefined, told: T): T {
  return kept && kept.revision >= told.revision ? kept : told;
}
