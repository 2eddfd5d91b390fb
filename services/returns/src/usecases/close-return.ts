import type { EventOf } from "@waybill/contracts";
import { RetryLaterError } from "@waybill/bus";
import type { UnitOfWork } from "@waybill/service";
import { canMove } from "../domain/status.ts";
import { closedEvent } from "../domain/told.ts";
import { ReturnConflictError } from "../store/conflict.ts";
import type { ReturnRecord } from "../store/records.ts";
import type { ReturnsRepository } from "../store/repository.ts";

/**
 * Billing settled a received return (credited it, or lowered what will be invoiced): the return
 * is CLOSED with billing's credit notes, and `returns.return.closed` is emitted. A return already
 * closed stays as it is. A return not known here, or not received yet, waits (retried, then
 * parked as a missing reference); settling a cancelled return is a contradiction for a person.
 */
export async function closeReturn(
  repo: ReturnsRepository,
  { data }: EventOf<"billing.return.settled">,
  { session, emit }: UnitOfWork,
): Promise<void> {
  const record = await repo.findReturn(data.returnId, session);
  if (!record) throw new RetryLaterError(`return ${data.returnId} is not known`);
  if (record.status === "CLOSED") return;
  if (record.status === "REQUESTED")
    throw new RetryLaterError(`return ${data.returnId} is not received yet`);
  if (!canMove(record.status, "CLOSED"))
    throw new Error(`return ${data.returnId} is ${record.status}: billing cannot settle it`);
  const changes = {
    status: "CLOSED" as const,
    creditNoteIds: data.creditNoteIds,
    closedAt: new Date(data.settledAt),
  };
  if (!(await repo.moveReturn(record._id, record.status, changes, session)))
    throw new ReturnConflictError(record._id);
  const updated: ReturnRecord = { ...record, ...changes };
  await emit("returns.return.closed", updated._id, closedEvent(updated));
}
