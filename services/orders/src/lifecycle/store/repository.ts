import { loaderByField, loaderOfMany, type Session, type Store } from "@waybill/store";
import type { CatalogRecord, CustomerRecord, OrderLineRecord, OrderRecord } from "./records.ts";

/** Indexes of the order lifecycle's collections; idempotent. */
export async function prepareLifecycleStore(store: Store): Promise<void> {
  await store.collection("orders").createIndex({ keys: { externalKey: 1 }, unique: true });
  await store.collection("orders").createIndex({ keys: { customerId: 1, placedAt: -1 } });
  await store.collection("customers").createIndex({ keys: { email: 1 }, unique: true });
}

/** Reads and writes of orders, customers and the catalog of SKUs inventory has announced. */
export function ordersRepository(store: Store) {
  const orders = store.collection<OrderRecord>("orders");
  const customers = store.collection<CustomerRecord>("customers");
  const catalog = store.collection<CatalogRecord>("catalog");
  return {
    findOrder: (id: string, session?: Session) => orders.findOne({ _id: id }, { session }),
    findByExternalKey: (externalKey: string, session?: Session) =>
      orders.findOne({ externalKey }, { session }),
    /** Newest first, of the given customer accounts (all when undefined). */
    listOrders: (accounts: readonly string[] | undefined, first: number) =>
      orders.find(accounts ? { customerId: { $in: [...accounts] } } : {}, {
        sort: { placedAt: -1 },
        limit: first,
      }),
    insertOrder: (order: OrderRecord, session: Session) => orders.insertOne(order, { session }),
    /** Replaces what follows from events and cancellations: lines, shipments, statuses. */
    async saveOrder(order: OrderRecord, session: Session): Promise<void> {
      await orders.updateOne(
        { _id: order._id },
        {
          $set: {
            lines: order.lines,
            shipments: order.shipments,
            fulfilmentStatus: order.fulfilmentStatus,
            billingStatus: order.billingStatus,
            cancelledAt: order.cancelledAt,
            cancellationReason: order.cancellationReason,
          },
        },
        { session },
      );
    },
    /** Replaces the lines alone (what inventory reserved changes nothing else). */
    async saveLines(orderId: string, lines: OrderLineRecord[], session: Session): Promise<void> {
      await orders.updateOne({ _id: orderId }, { $set: { lines } }, { session });
    },
    findCustomer: (id: string, session?: Session) => customers.findOne({ _id: id }, { session }),
    findCustomerByEmail: (email: string, session: Session) =>
      customers.findOne({ email }, { session }),
    listCustomers: (accounts: readonly string[] | undefined) =>
      customers.find(accounts ? { _id: { $in: [...accounts] } } : {}, { sort: { name: 1 } }),
    /** Throws a duplicate-key error when the email is taken. */
    insertCustomer: (customer: CustomerRecord, session?: Session) =>
      customers.insertOne(customer, { session }),
    /** Remembers a SKU inventory announced; announcing it again changes nothing but its name. */
    async rememberProduct(sku: string, name: string, session: Session): Promise<void> {
      await catalog.updateOne(
        { _id: sku },
        { $set: { name }, $setOnInsert: { createdAt: new Date() } },
        { upsert: true, session },
      );
    },
    /** The SKUs of `skus` the catalog does not know, in the order given. */
    async unknownSkus(skus: string[], session: Session): Promise<string[]> {
      const known = await catalog.find({ _id: { $in: [...new Set(skus)] } }, { session });
      const names = new Set(known.map((product) => product._id));
      return skus.filter((sku) => !names.has(sku));
    },
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
