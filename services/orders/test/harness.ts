// An orders service without HTTP or NATS: the real store, repositories, outbox and event handlers.
import type { EventData, EventOf, EventType } from "@waybill/contracts";
import { applyOnce, buildEvent, OUTBOX, type EventHandlers, type OutboxRecord } from "@waybill/bus";
import { openTestStore, testPrincipal } from "@waybill/devtools";
import { createLogger } from "@waybill/observability";
import { createRuntime, type ServiceRuntime, type UnitOfWork } from "@waybill/service";
import { createContext, type OrdersContext } from "../src/context.ts";
import { ordersConsumers } from "../src/events/consumers.ts";
import {
  ordersRepository,
  prepareOrdersStore,
  type OrdersRepository,
} from "../src/store/repository.ts";

export interface OrdersHarness {
  runtime: ServiceRuntime;
  repo: OrdersRepository;
  ctx: () => OrdersContext;
  /** Events the service committed to its outbox, oldest first. */
  emitted(): Promise<EventOf<EventType>[]>;
  /** Delivers one event through the inbox, as the consumer would; reuse `id` for a redelivery. */
  deliver<T extends EventType>(
    type: T,
    data: EventData<T>,
    id?: string,
  ): Promise<"handled" | "duplicate">;
  close(): Promise<void>;
}

export async function ordersHarness(): Promise<OrdersHarness> {
  const testStore = await openTestStore("orders");
  const { store } = testStore;
  await prepareOrdersStore(store);
  const runtime = createRuntime("orders", store, createLogger("orders-test", "silent"), () => {});
  const handlers = Object.assign(
    {},
    ...ordersConsumers(runtime).map((consumer) => consumer.handlers),
  ) as EventHandlers<UnitOfWork>;
  return {
    runtime,
    repo: ordersRepository(store),
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
      const handler = handlers[type];
      if (!handler) throw new Error(`orders does not consume ${type}`);
      return applyOnce(store, "orders", event, (session) =>
        handler(event, runtime.unitOfWork(session)),
      );
    },
    close: () => testStore.close(),
  };
}
