import { loaderByField, loaderOfMany } from "@waybill/runtime";
import type { Session, Store } from "@waybill/runtime/store";
import type { CustomerRecord, OrderRecord, TimelineRecord } from "./records.ts";

/** Indexes of the orders database; idempotent. */
export async function prepareOrdersStore(store: Store): Promise<void> {
  await store.collection("orders").createIndex({ keys: { externalKey: 1 }, unique: true });
  await store.collection("orders").createIndex({ keys: { customerId: 1, placedAt: -1 } });
  await store.collection("customers").createIndex({ keys: { email: 1 }, unique: true });
}

/** Reads and writes of orders and customers. */
export function ordersRepository(store: Store) {
  const orders = store.collection<OrderRecord>("orders");
  const customers = store.collection<CustomerRecord>("customers");
  return {
    orders,
    customers,
    findOrder: (id: string, session?: Session) => orders.findOne({ _id: id }, { session }),
    findByExternalKey: (externalKey: string, session: Session) =>
      orders.findOne({ externalKey }, { session }),
    listOrders: (customerId: string | null | undefined, first: number) =>
      orders.find(customerId ? { customerId } : {}, { sort: { placedAt: -1 }, limit: first }),
    findCustomer: (id: string, session?: Session) => customers.findOne({ _id: id }, { session }),
    listCustomers: () => customers.find({}, { sort: { name: 1 } }),
    appendTimeline: (orderId: string, entry: TimelineRecord, session: Session) =>
      orders.updateOne({ _id: orderId }, { $push: { timeline: entry } }, { session }),
    /** Per-request batching loaders for entity lookups. */
    loaders: () => ({
      order: loaderByField(orders, "_id"),
      customer: loaderByField(customers, "_id"),
      ordersOfCustomer: loaderOfMany(orders, "customerId", "placedAt"),
    }),
  };
}

export type OrdersRepository = ReturnType<typeof ordersRepository>;
export type OrdersLoaders = ReturnType<OrdersRepository["loaders"]>;
