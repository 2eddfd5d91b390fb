// An orders service without HTTP or NATS: the real store, repositories, outbox and event handlers.
import type { EventData, EventOf, EventType } from "@waybill/contracts";
import {
  applyOnce,
  buildEvent,
  dispatch,
  OUTBOX,
  type ConsumedEvent,
  type OutboxRecord,
} from "@waybill/bus";
import { openTestStore, testPrincipal } from "@waybill/devtools";
import { createLogger } from "@waybill/observability";
import { consumerOf, createRuntime, mergeByStream, type ServiceRuntime } from "@waybill/service";
import type { Store } from "@waybill/store";
import {
  createContext,
  ordersRooms,
  type OrdersContext,
  type OrdersRooms,
} from "../src/context.ts";
import type {
  OrderServiceRecord,
  ServiceCaseRecord,
  TimelineRecord,
} from "../src/customer-service/store/records.ts";
import { ordersService, prepareOrdersStore } from "../src/server.ts";

export interface OrdersHarness extends OrdersRooms {
  runtime: ServiceRuntime;
  store: Store;
  ctx: () => OrdersContext;
  /** Events the service committed to its outbox, oldest first. */
  emitted(): Promise<EventOf<EventType>[]>;
  /** Delivers one event through the inbox, as the consumer would; reuse `id` for a redelivery. */
  deliver<T extends EventType>(
    type: T,
    data: EventData<T>,
    id?: string,
  ): Promise<"handled" | "duplicate">;
  /** Documents in a collection of the orders database. */
  count(collection: string): Promise<number>;
  /** An order's timeline in the order it was recorded. */
  timelineOf(orderId: string): Promise<TimelineRecord[]>;
  /** An order's service cases, oldest first. */
  casesOf(orderId: string): Promise<ServiceCaseRecord[]>;
  close(): Promise<void>;
}

export async function ordersHarness(): Promise<OrdersHarness> {
  const testStore = await openTestStore("orders");
  const { store } = testStore;
  await prepareOrdersStore(store);
  const runtime = createRuntime("orders", store, createLogger("orders-test", "silent"), () => {});
  // The definitions the service runs: each stream's rooms merged, as its consumers handle them.
  const consumers = mergeByStream(ordersService.consumers?.(runtime) ?? []);
  return {
    runtime,
    store,
    ...ordersRooms(store),
    ctx: () => createContext(runtime, testPrincipal()),
    async emitted() {
      const records = await store.collection<OutboxRecord>(OUTBOX).find({}, { sort: { seq: 1 } });
      return records.map((record) => record.event);
    },
    async deliver(type, data, id) {
      const event = buildEvent({
        type,
        subject: "test",
        data,
        source: "test",
        ...(id ? { id } : {}),
      });
      const consumer = consumerOf(consumers, type);
      if (!consumer) throw new Error(`orders does not consume ${type}`);
      return applyOnce(store, "orders", event, (session) =>
        dispatch(consumer.handlers, event as ConsumedEvent, runtime.unitOfWork(session)),
      );
    },
    count: (collection) => store.collection(collection).countDocuments({}),
    timelineOf: async (orderId) =>
      (await store.collection<OrderServiceRecord>("orders").findOne({ _id: orderId }))?.timeline ??
      [],
    casesOf: (orderId) =>
      store
        .collection<ServiceCaseRecord>("serviceCases")
        .find({ orderId }, { sort: { openedAt: 1 } }),
    close: () => testStore.close(),
  };
}
