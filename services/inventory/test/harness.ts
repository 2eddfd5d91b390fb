// The inventory use cases over a throwaway embedded store, with events read back from the outbox.
import type { EventData, EventOf, EventType } from "@waybill/contracts";
import { buildEvent, OUTBOX, type OutboxRecord } from "@waybill/bus";
import { openTestStore, testPrincipal } from "@waybill/devtools";
import { createLogger } from "@waybill/observability";
import { createRuntime, type UnitOfWork } from "@waybill/service";
import { createContext, type InventoryContext } from "../src/context.ts";
import { inventoryCollections } from "../src/store/collections.ts";
import { prepareInventoryStore, type InventoryRepository } from "../src/store/repository.ts";

type Handler<T extends EventType> = (
  repo: InventoryRepository,
  event: EventOf<T>,
  work: UnitOfWork,
) => Promise<void>;

export async function inventoryHarness(varianceThreshold = 10) {
  const opened = await openTestStore("inventory");
  const { store } = opened;
  await prepareInventoryStore(store);
  const runtime = createRuntime("inventory", store, createLogger("inventory", "silent"), () => {});
  const ctx: InventoryContext = createContext(runtime, { varianceThreshold }, testPrincipal());
  const { repo } = ctx;
  // The store hands out one object per collection: a method wrapped here is wrapped for `repo`.
  const collections = inventoryCollections(store);
  return {
    ctx,
    repo,
    /** The collections behind the repository, to check what was stored. */
    collections,
    close: () => opened.close(),
    /** Applies an event the way the consumer does: the handler in one transaction. */
    deliver<T extends EventType>(handler: Handler<T>, type: T, data: EventData<T>) {
      const event = buildEvent({ type, subject: "test", data, source: type.split(".")[0] ?? "" });
      return runtime.transact((work) => handler(repo, event, work));
    },
    /** Data of the events emitted so far, of one type, oldest first. */
    async emitted<T extends EventType>(type: T): Promise<EventData<T>[]> {
      const records = await store
        .collection<OutboxRecord>(OUTBOX)
        .find({ "event.type": type }, { sort: { seq: 1 } });
      return records.map((record) => record.event.data as EventData<T>);
    },
    async stock(sku: string) {
      const product = await collections.products.findOne({ _id: sku });
      return Object.fromEntries(
        (product?.stock ?? []).map((level) => [level.warehouse, [level.onHand, level.reserved]]),
      );
    },
    /** `lineId: [reserved, backordered, status]` of an order. */
    async reservations(orderId: string) {
      const found = await collections.reservations.find({ orderId }, { sort: { lineIndex: 1 } });
      return Object.fromEntries(
        found.map((r) => [
          r.lineId,
          [r.allocations.reduce((sum, a) => sum + a.quantity, 0), r.backordered, r.status],
        ]),
      );
    },
  };
}

export type InventoryHarness = Awaited<ReturnType<typeof inventoryHarness>>;

/** An `orders.order.placed` payload; lines are `[sku, quantity]`, line ids `<orderId>-<n>`. */
export function placed(
  orderId: string,
  lines: [string, number][],
  placedAt = new Date(),
): EventData<"orders.order.placed"> {
  return {
    orderId,
    customerId: "cus_1",
    billingPolicy: "ON_SHIPMENT",
    shippingRefund: "NEVER",
    currency: "EUR",
    lines: lines.map(([sku, quantity], index) => ({
      lineId: `${orderId}-${index + 1}`,
      sku,
      quantity,
      unitPrice: 1000,
      taxRatePpm: 200_000,
    })),
    placedAt: placedAt.toISOString(),
  };
}
