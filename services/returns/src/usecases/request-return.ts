import { randomUUID } from "node:crypto";
import type { RequestReturnInput } from "../generated/resolvers.ts";
import type { ReturnsContext } from "../context.ts";
import { returnLines, type ReturnRejection } from "../domain/return-lines.ts";
import { requestedEvent } from "../domain/told.ts";
import type { ReturnRecord } from "../store/records.ts";

export type ReturnOutcome =
  | { kind: "requested"; record: ReturnRecord }
  | { kind: "nothing_shipped"; orderId: string }
  | ReturnRejection;

/** Authorises a return against what shipped and tells of it (`returns.return.requested`). */
export function requestReturn(
  ctx: ReturnsContext,
  input: RequestReturnInput,
): Promise<ReturnOutcome> {
  const { repo } = ctx;
  return ctx.runtime.transact(async ({ session, emit }): Promise<ReturnOutcome> => {
    const reason = input.reason.trim();
    if (!reason || reason.length > 500)
      return { kind: "invalid", field: "reason", message: "reason must be 1 to 500 characters" };
    const shipped = await repo.shippedOf(input.orderId, session);
    if (!shipped || shipped.lines.every((line) => line.shipped === 0))
      return { kind: "nothing_shipped", orderId: input.orderId };
    const previous = await repo.returnsOfOrder(input.orderId, session);
    const lines = returnLines(shipped, previous, input.lines);
    if (!Array.isArray(lines)) return lines;
    const record: ReturnRecord = {
      _id: `rma_${randomUUID()}`,
      orderId: input.orderId,
      customerId: shipped.customerId,
      status: "REQUESTED",
      reason,
      lines,
      requestedAt: new Date(),
      warehouse: null,
      receivedAt: null,
      cancelledAt: null,
      cancellationReason: null,
      closedAt: null,
      creditNoteIds: [],
    };
    await repo.claimOrder(input.orderId, session);
    await repo.addReturn(record, session);
    await emit("returns.return.requested", record._id, requestedEvent(record));
    return { kind: "requested", record };
  });
}
