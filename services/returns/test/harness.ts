// The returns use cases over a throwaway embedded store, with events read back from the outbox.
import type { EventData, EventOf, EventType } from "@waybill/contracts";
import { buildEvent, OUTBOX, type OutboxRecord } from "@waybill/bus";
import { openTestStore, testPrincipal } from "@waybill/devtools";
import { createLogger } from "@waybill/observability";
import { createRuntime, type UnitOfWork } from "@waybill/service";
import { createContext, type ReturnsContext } from "../src/context.ts";
import { prepareReturnsStore, type ReturnsRepository } from "../src/store/repository.ts";

type Handler<T extends EventType> = (
  repo: ReturnsRepository,
  event: EventOf<T>,
  work: UnitOfWork,
) => Promise<void>;

export async function returnsHarness() {
  const opened = await openTestStore("returns");
  const { store } = opened;
  await prepareReturnsStore(store);
  const runtime = createRuntime("returns", store, createLogger("returns", "silent"), () => {});
  const ctx: ReturnsContext = createContext(runtime, testPrincipal());
  return {
    ctx,
    repo: ctx.repo,
    close: () => opened.close(),
    /** Applies an event the way the consumer does: the handler in one transaction. */
    deliver<T extends EventType>(handler: Handler<T>, type: T, data: EventData<T>) {
      const event = buildEvent({ type, subject: "test", data, source: type.split(".")[0] ?? "" });
      return runtime.transact((work) => handler(ctx.repo, event, work));
    },
    /** Data of the events emitted so far, of one type, oldest first. */
    async emitted<T extends EventType>(type: T): Promise<EventData<T>[]> {
      const records = await store
        .collection<OutboxRecord>(OUTBOX)
        .find({ "event.type": type }, { sort: { seq: 1 } });
      return records.map((record) => record.event.data as EventData<T>);
    },
  };
}

export type ReturnsHarness = Awaited<ReturnType<typeof returnsHarness>>;

/** A `shipments.shipment.confirmed` of order `o1`; lines are `[lineId, sku, quantity]`. */
export function confirmed(
  shipmentId: string,
  lines: [string, string, number][],
): EventData<"shipments.shipment.confirmed"> {
  return {
    shipmentId,
    orderId: "o1",
    customerId: "cus_1",
    warehouse: "AMS1",
    lines: lines.map(([lineId, sku, quantity]) => ({ lineId, sku, quantity })),
    carrier: "UPS",
    service: "Standard",
    trackingNumber: "1Z",
    shippedAt: new Date().toISOString(),
    shippingCharge: { amount: 0, currency: "EUR" },
  };
}
