import type { ReturnStatus } from "@waybill/contracts";

/**
 * Which statuses a return may move to: requested, then received, then closed once billing has
 * settled it; a requested return may be cancelled instead. CLOSED and CANCELLED are final.
 */
export const RETURN_TRANSITIONS: Readonly<Record<ReturnStatus, readonly ReturnStatus[]>> = {
  REQUESTED: ["RECEIVED", "CANCELLED"],
  RECEIVED: ["CLOSED"],
  CLOSED: [],
  CANCELLED: [],
};

/** Whether the transition table lets a return in `from` move to `to`. */
export const canMove = (from: ReturnStatus, to: ReturnStatus): boolean =>
  RETURN_TRANSITIONS[from].includes(to);
