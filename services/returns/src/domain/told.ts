import type { EventData } from "@waybill/contracts";
import type { ReturnRecord } from "../store/records.ts";

// What each returns event tells of the return, right after the change.

const parties = (record: ReturnRecord) => ({
  returnId: record._id,
  orderId: record.orderId,
  customerId: record.customerId,
});

/** A field a step of the lifecycle set; its absence is a bug, not a default. */
function set<T>(value: T | null | undefined, name: string): T {
  if (value === null || value === undefined) throw new Error(`the return has no ${name}`);
  return value;
}

export const requestedEvent = (record: ReturnRecord): EventData<"returns.return.requested"> => ({
  ...parties(record),
  reason: record.reason,
  lines: record.lines.map(({ lineId, sku, quantity }) => ({ lineId, sku, quantity })),
  requestedAt: record.requestedAt.toISOString(),
});

export const receivedEvent = (record: ReturnRecord): EventData<"returns.return.received"> => ({
  ...parties(record),
  warehouse: set(record.warehouse, "warehouse"),
  lines: record.lines.map((line) => ({
    lineId: line.lineId,
    sku: line.sku,
    requested: line.quantity,
    received: set(line.received, "received quantity"),
    disposition: set(line.disposition, "disposition"),
  })),
  receivedAt: set(record.receivedAt, "receipt time").toISOString(),
});

export const cancelledEvent = (record: ReturnRecord): EventData<"returns.return.cancelled"> => ({
  ...parties(record),
  reason: set(record.cancellationReason, "cancellation reason"),
  cancelledAt: set(record.cancelledAt, "cancellation time").toISOString(),
});

export const closedEvent = (record: ReturnRecord): EventData<"returns.return.closed"> => ({
  ...parties(record),
  creditNoteIds: record.creditNoteIds ?? [],
  closedAt: set(record.closedAt, "closing time").toISOString(),
});
