import type { EventOf } from "@waybill/contracts";
import type { UnitOfWork } from "@waybill/service";
import { describeReceived, mismatchedLines } from "../domain/service-case.ts";
import type { CustomerServiceRepository } from "../store/repository.ts";
import type { TimelineEntry } from "../store/records.ts";
import { openOrNoteReturn } from "./cases.ts";
import { knownOrder, recorded } from "./known.ts";

const units = (lines: { quantity: number }[]) =>
  lines.reduce((sum, line) => sum + line.quantity, 0);

/** Puts a return event on its order's timeline once, with the cases it opens. */
async function onTimeline(
  repo: CustomerServiceRepository,
  orderId: string,
  entry: TimelineEntry,
  { session }: UnitOfWork,
  cases: () => Promise<TimelineEntry[]> = () => Promise.resolve([]),
): Promise<void> {
  const order = await knownOrder(repo, orderId, session);
  if (recorded(order, entry.key)) return;
  await repo.recordEntries(orderId, [entry, ...(await cases())], session);
}

export function onReturnRequested(
  repo: CustomerServiceRepository,
  { data }: EventOf<"returns.return.requested">,
  work: UnitOfWork,
): Promise<void> {
  return onTimeline(
    repo,
    data.orderId,
    {
      at: new Date(data.requestedAt),
      kind: "RETURN_REQUESTED",
      message: `Return requested for ${units(data.lines)} unit(s): ${data.reason}`,
      reference: data.returnId,
      key: `return:${data.returnId}:requested`,
    },
    work,
  );
}

/** A return received; other quantities than requested, on any line, open a case. */
export function onReturnReceived(
  repo: CustomerServiceRepository,
  { data }: EventOf<"returns.return.received">,
  work: UnitOfWork,
): Promise<void> {
  const at = new Date(data.receivedAt);
  const received = data.lines.reduce((sum, line) => sum + line.received, 0);
  const requested = data.lines.reduce((sum, line) => sum + line.requested, 0);
  const mismatched = mismatchedLines(data.lines);
  return onTimeline(
    repo,
    data.orderId,
    {
      at,
      kind: "RETURN_RECEIVED",
      message: `Return received at ${data.warehouse}: ${received} of ${requested} requested unit(s) (${describeReceived(data.lines)})`,
      reference: data.returnId,
      key: `return:${data.returnId}:received`,
    },
    work,
    () =>
      mismatched.length === 0
        ? Promise.resolve([])
        : openOrNoteReturn(
            repo,
            work,
            { orderId: data.orderId, returnId: data.returnId },
            `Return ${data.returnId} received in other quantities than requested: ${describeReceived(mismatched)}`,
            at,
          ),
  );
}

export function onReturnCancelled(
  repo: CustomerServiceRepository,
  { data }: EventOf<"returns.return.cancelled">,
  work: UnitOfWork,
): Promise<void> {
  return onTimeline(
    repo,
    data.orderId,
    {
      at: new Date(data.cancelledAt),
      kind: "RETURN_CANCELLED",
      message: `Return cancelled: ${data.reason}`,
      reference: data.returnId,
      key: `return:${data.returnId}:cancelled`,
    },
    work,
  );
}

export function onReturnClosed(
  repo: CustomerServiceRepository,
  { data }: EventOf<"returns.return.closed">,
  work: UnitOfWork,
): Promise<void> {
  const notes = data.creditNoteIds.length;
  return onTimeline(
    repo,
    data.orderId,
    {
      at: new Date(data.closedAt),
      kind: "RETURN_CLOSED",
      message: `Return closed with ${notes} credit note(s)`,
      reference: data.returnId,
      key: `return:${data.returnId}:closed`,
    },
    work,
  );
}
