import {
  findPage,
  loaderByField,
  pagesOfMany,
  type PageQuery,
  type Session,
  type Store,
} from "@waybill/store";
import { CUSTOMERS_BY_NAME, ORDERS_NEWEST_FIRST, ORDERS_OLDEST_FIRST } from "./pages.ts";
import type { CatalogRecord, CustomerRecord, OrderLineRecord, OrderRecord } from "./records.ts";

/** Indexes of the order lifecycle's collections; idempotent. */
export async function prepareLifecycleStore(store: Store): Promise<void> {
  await store.collection("orders").createIndex({ keys: { externalKey: 1 }, unique: true });
  await store.collection("orders").createIndex({ keys: { customerId: 1, placedAt: -1 } });
  await store.collection("orders").createIndex({ keys: { placedAt: -1 } });
  await store.collection("customers").createIndex({ keys: { name: 1 } });
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
    /** A page of orders, newest first, of the given customer accounts (all when undefined). */
    ordersPage: (accounts: readonly string[] | undefined, page: PageQuery) =>
      findPage(
        orders,
        accounts ? { customerId: { $in: [...accounts] } } : {},
        ORDERS_NEWEST_FIRST,
        page,
      ),
    insertOrder: (order: OrderRecord, session: Session) => orders.insertOne(order, { session }),
    /** The orders placed in `[from, to)`, oldest first. */
    placedBetween: (from: Date, to: Date) =>
      orders.find({ placedAt: { $gte: from, $lt: to } }, { sort: { placedAt: 1, _id: 1 } }),
    /**
     * Replaces what follows from events and cancellations: lines, shipments, returns, credit
     * notes and settlements told, statuses and their revision.
     */
    async saveOrder(order: OrderRecord, session: Session): Promise<void> {
      await orders.updateOne(
        { _id: order._id },
        {
          $set: {
            lines: order.lines,
            shipments: order.shipments,
            returns: order.returns ?? [],
            creditNotes: order.creditNotes ?? [],
            settlements: order.settlements ?? [],
            fulfilmentStatus: order.fulfilmentStatus,
            billingStatus: order.billingStatus,
            revision: order.revision ?? 1,
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
    /** A page of customers by name, of the given accounts (all when undefined). */
    customersPage: (accounts: readonly string[] | undefined, page: PageQuery) =>
      findPage(customers, accounts ? { _id: { $in: [...accounts] } } : {}, CUSTOMERS_BY_NAME, page),
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
      ordersOfCustomer: pagesOfMany(orders, "customerId", ORDERS_OLDEST_FIRST),
    }),
  };
}

export type OrdersRepository = ReturnType<typeof ordersRepository>;
export type OrdersLoaders = ReturnType<OrdersRepository["loaders"]>;
