import { DeliverPolicy, type ConsumerMessages, type JsMsg } from "@nats-io/jetstream";
import { parseEvent, type EventData } from "@waybill/contracts";
import { canSeeCustomer, type Principal } from "@waybill/auth";
import type { Bus } from "@waybill/bus";
import { codedError } from "@waybill/graphql";

const MILESTONE = "shipments.milestone.recorded";

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

function startAt(after: string | null | undefined) {
  if (after == null) return { deliver_policy: DeliverPolicy.New };
  if (!/^\d{1,15}$/.test(after)) throw codedError("BAD_USER_INPUT", "after must be a cursor");
  return { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: Number(after) + 1 };
}

/** The event a message carries, when it is a milestone the principal may see and asked for. */
function visible(msg: JsMsg, principal: Principal, filter: MilestoneFilter): MilestoneEvent | null {
  let event;
  try {
    event = parseEvent(JSON.parse(msg.string()));
  } catch {
    return null;
  }
  if (event.type !== MILESTONE) return null;
  // parseEvent validated the data against the schema of its type.
  const data = event.data as EventData<typeof MILESTONE>;
  if (!canSeeCustomer(principal, data.customerId)) return null;
  if (filter.shipmentId && data.shipmentId !== filter.shipmentId) return null;
  if (filter.orderId && data.orderId !== filter.orderId) return null;
  return {
    cursor: String(msg.seq),
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
 * Milestones from the shipments stream through an ordered (ephemeral) JetStream consumer, each
 * checked against the principal before it is sent. Ending the iteration (the client leaves)
 * stops the consumer at once, even while it waits for the next event.
 */
export function milestoneFeed(bus: Bus) {
  return async function subscribe(
    principal: Principal,
    filter: MilestoneFilter,
  ): Promise<AsyncIterableIterator<MilestoneEvent>> {
    const consumer = await bus.jetstream.consumers.get(bus.names.streamName("shipments"), {
      ...startAt(filter.after),
      filter_subjects: bus.names.subjectOf(MILESTONE),
    });
    const messages: ConsumerMessages = await consumer.consume();
    const source = messages[Symbol.asyncIterator]();
    const iterator: AsyncIterableIterator<MilestoneEvent> = {
      async next() {
        for (;;) {
          const step = await source.next();
          if (step.done) return { done: true, value: undefined };
          const event = visible(step.value, principal, filter);
          if (event) return { done: false, value: event };
        }
      },
      return() {
        messages.stop();
        return Promise.resolve({ done: true, value: undefined });
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  };
}

export type MilestoneFeed = ReturnType<typeof milestoneFeed>;
