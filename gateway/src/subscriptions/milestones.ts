import { canSeeCustomer, type Principal } from "@waybill/auth";
import type { Bus, StreamEntry, StreamStart } from "@waybill/bus";
import { codedError } from "@waybill/graphql";

const MILESTONE = "shipments.milestone.recorded" as const;

export type MilestoneFilter = {
  shipmentId?: string | null;
  orderId?: string | null;
  /** A cursor from an earlier event: start right after it. */
  after?: string | null;
};

export type MilestoneEvent = {
  cursor: string;
  shipmentId: string;
  orderId: string;
  type: string;
  status: string;
  occurredAt: Date;
  late: boolean;
  carrier: string;
  trackingNumber: string;
  location: string | null;
};

function startAt(after: string | null | undefined): StreamStart {
  if (after == null) return "new";
  if (!/^\d{1,15}$/.test(after)) throw codedError("BAD_USER_INPUT", "after must be a cursor");
  return { after: Number(after) };
}

/** The milestone an entry carries, when it is one the principal may see and asked for. */
function visible(
  entry: StreamEntry,
  principal: Principal,
  filter: MilestoneFilter,
): MilestoneEvent | null {
  if (!("event" in entry) || entry.event.type !== MILESTONE) return null;
  const { data } = entry.event;
  if (!canSeeCustomer(principal, data.customerId)) return null;
  if (filter.shipmentId && data.shipmentId !== filter.shipmentId) return null;
  if (filter.orderId && data.orderId !== filter.orderId) return null;
  return {
    cursor: String(entry.sequence),
    shipmentId: data.shipmentId,
    orderId: data.orderId,
    type: data.type,
    status: data.status,
    occurredAt: new Date(data.occurredAt),
    late: data.late,
    carrier: data.carrier,
    trackingNumber: data.trackingNumber,
    location: data.location,
  };
}

/**
 * Milestones read from the shipments stream, each checked against the principal before it is
 * sent. Ending the iteration (the client leaves) stops the read at once, even while it waits for
 * the next event.
 */
export function milestoneFeed(bus: Bus) {
  return async function subscribe(
    principal: Principal,
    filter: MilestoneFilter,
  ): Promise<AsyncIterableIterator<MilestoneEvent>> {
    const reader = await bus.read({
      stream: "shipments",
      types: [MILESTONE],
      start: startAt(filter.after),
      until: "closed",
    });
    const iterator: AsyncIterableIterator<MilestoneEvent> = {
      async next() {
        for (;;) {
          const step = await reader.next();
          if (step.done) return { done: true, value: undefined };
          const event = visible(step.value, principal, filter);
          if (event) return { done: false, value: event };
        }
      },
      async return() {
        await reader.close();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  };
}

export type MilestoneFeed = ReturnType<typeof milestoneFeed>;
