import { newEventId } from "@waybill/service";
import type { ReturnsContext } from "../context.ts";
import {
  checkReceipt,
  receiptWithinShipped,
  sameReceipt,
  type Receipt,
} from "../domain/receipt.ts";
import type { ReturnRejection } from "../domain/return-lines.ts";
import { canMove } from "../domain/status.ts";
import { receivedEvent } from "../domain/told.ts";
import { ReturnConflictError } from "../store/conflict.ts";
import type { ReturnRecord } from "../store/records.ts";
import { transactReturn } from "./transact.ts";

export type LifecycleRefusal =
  | { kind: "not_found"; returnId: string }
  /** The return's status does not allow the step (the transition table). */
  | { kind: "transition"; record: ReturnRecord; to: ReturnRecord["status"] };

export type ReceiveOutcome =
  | { kind: "received"; record: ReturnRecord }
  /** Received before with another receipt: a second receipt would tell the warehouse's story twice. */
  | { kind: "already_received"; record: ReturnRecord }
  | LifecycleRefusal
  | ReturnRejection;

/**
 * The warehouse received a requested return: per line what arrived and what becomes of it. The
 * return moves to RECEIVED and `returns.return.received` is emitted in the same transaction. The
 * same receipt again (a warehouse's retry, concurrent or not) answers the return as it stands
 * and emits nothing; a different one is refused.
 */
export function receiveReturn(
  ctx: ReturnsContext,
  returnId: string,
  receipt: Receipt,
): Promise<ReceiveOutcome> {
  const { repo } = ctx;
  return transactReturn(ctx.runtime, async ({ session, emit }): Promise<ReceiveOutcome> => {
    const record = await repo.findReturn(returnId, session);
    if (!record) return { kind: "not_found", returnId };
    const checked = checkReceipt(record, receipt);
    if ("kind" in checked) return checked;
    if (!canMove(record.status, "RECEIVED")) {
      const received = record.status === "RECEIVED" || record.status === "CLOSED";
      if (received && sameReceipt(record, checked)) return { kind: "received", record };
      if (received) return { kind: "already_received", record };
      return { kind: "transition", record, to: "RECEIVED" };
    }
    const shipped = await repo.shippedOf(record.orderId, session);
    const returns = await repo.returnsOfOrder(record.orderId, session);
    const beyond = receiptWithinShipped(record, checked.lines, shipped, returns);
    if (beyond) return beyond;
    const changes = {
      status: "RECEIVED" as const,
      warehouse: checked.warehouse,
      receivedAt: new Date(),
      receivedEventId: newEventId(),
      lines: record.lines.map((line, index) => ({
        ...line,
        received: checked.lines[index]?.received ?? 0,
        disposition: checked.lines[index]?.disposition ?? null,
      })),
    };
    if (!(await repo.moveReturn(record._id, record.status, changes, session)))
      throw new ReturnConflictError(record._id);
    if (shipped) await repo.claimOrder(record.orderId, session);
    const updated: ReturnRecord = { ...record, ...changes };
    await emit("returns.return.received", updated._id, receivedEvent(updated), {
      id: changes.receivedEventId,
    });
    return { kind: "received", record: updated };
  });
}
