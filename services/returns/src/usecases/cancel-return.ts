import type { ReturnsContext } from "../context.ts";
import type { ReturnRejection } from "../domain/return-lines.ts";
import { canMove } from "../domain/status.ts";
import { cancelledEvent } from "../domain/told.ts";
import { ReturnConflictError } from "../store/conflict.ts";
import type { ReturnRecord } from "../store/records.ts";
import type { LifecycleRefusal } from "./receive-return.ts";
import { transactReturn } from "./transact.ts";

export type CancelOutcome =
  | { kind: "cancelled"; record: ReturnRecord }
  | LifecycleRefusal
  | Extract<ReturnRejection, { kind: "invalid" }>;

/**
 * Cancels a requested return (`returns.return.cancelled`); its quantities no longer count against
 * what shipped. The same cancellation again answers the return as it stands and emits nothing.
 */
export function cancelReturn(
  ctx: ReturnsContext,
  record: ReturnRecord,
  reason: string,
): Promise<CancelOutcome> {
  const cancellationReason = reason.trim();
  if (!cancellationReason || cancellationReason.length > 500)
    return Promise.resolve({
      kind: "invalid",
      field: "reason",
      message: "reason must be 1 to 500 characters",
    });
  const { repo } = ctx;
  return transactReturn(ctx.runtime, async ({ session, emit }): Promise<CancelOutcome> => {
    const current = await repo.findReturn(record._id, session);
    if (!current) return { kind: "not_found", returnId: record._id };
    if (current.status === "CANCELLED" && current.cancellationReason === cancellationReason)
      return { kind: "cancelled", record: current };
    if (!canMove(current.status, "CANCELLED"))
      return { kind: "transition", record: current, to: "CANCELLED" };
    const changes = { status: "CANCELLED" as const, cancellationReason, cancelledAt: new Date() };
    if (!(await repo.moveReturn(current._id, current.status, changes, session)))
      throw new ReturnConflictError(current._id);
    const updated: ReturnRecord = { ...current, ...changes };
    await emit("returns.return.cancelled", updated._id, cancelledEvent(updated));
    return { kind: "cancelled", record: updated };
  });
}
