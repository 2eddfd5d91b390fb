import { loaderByField, loaderOfMany, type Session, type Store } from "@waybill/store";
import type {
  CatalogRecord,
  CustomerRecord,
  OrderRecord,
  ServiceCaseRecord,
  TimelineRecord,
} from "./records.ts";

/** Indexes of the orders database; idempotent. */
export async function prepareOrdersStore(store: Store): Promise<void> {
  await store.collection("orders").createIndex({ keys: { externalKey: 1 }, unique: true });
  await store.collection("orders").createIndex({ keys: { customerId: 1, placedAt: -1 } });
  await store.collection("customers").createIndex({ keys: { email: 1 }, unique: true });
  const cases = store.collection("serviceCases");
  await cases.createIndex({ keys: { openKey: 1 }, unique: true });
  await cases.createIndex({ keys: { orderId: 1, openedAt: 1 } });
  await cases.createIndex({ keys: { shipmentId: 1, status: 1 } });
  await cases.createIndex({ keys: { status: 1, openedAt: -1 } });
}

/** Reads and writes of orders, customers, the catalog projection and service cases. */
export function ordersRepository(store: Store) {
  const orders = store.collection<OrderRecord>("orders");
  const customers = store.collection<CustomerRecord>("customers");
  const catalog = store.collection<CatalogRecord>("catalog");
  const cases = store.collection<ServiceCaseRecord>("serviceCases");
  return {
    orders,
    customers,
    catalog,
    cases,
    findOrder: (id: string, session?: Session) => orders.findOne({ _id: id }, { session }),
    findByExternalKey: (externalKey: string, session?: Session) =>
      orders.findOne({ externalKey }, { session }),
    /** Newest first, of the given customer accounts (all when undefined). */
    listOrders: (accounts: readonly string[] | undefined, first: number) =>
      orders.find(accounts ? { customerId: { $in: [...accounts] } } : {}, {
        sort: { placedAt: -1 },
        limit: first,
      }),
    findCustomer: (id: string, session?: Session) => customers.findOne({ _id: id }, { session }),
    findCustomerByEmail: (email: string, session: Session) =>
      customers.findOne({ email }, { session }),
    listCustomers: (accounts: readonly string[] | undefined) =>
      customers.find(accounts ? { _id: { $in: [...accounts] } } : {}, { sort: { name: 1 } }),
    /** The SKUs of `skus` the catalog does not know, in the order given. */
    async unknownSkus(skus: string[], session: Session): Promise<string[]> {
      const known = await catalog.find({ _id: { $in: [...new Set(skus)] } }, { session });
      const names = new Set(known.map((product) => product._id));
      return skus.filter((sku) => !names.has(sku));
    },
    /** Replaces the order's derived state and appends timeline entries. */
    saveOrder: (order: OrderRecord, entries: TimelineRecord[], session: Session) =>
      orders.updateOne(
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
          $push: { timeline: { $each: entries } },
        },
        { session },
      ),
    findCase: (id: string, session?: Session) => cases.findOne({ _id: id }, { session }),
    listCases: (status: string | null | undefined, first: number) =>
      cases.find(status ? { status } : {}, { sort: { openedAt: -1 }, limit: first }),
    openCasesOfShipment: (shipmentId: string, session: Session) =>
      cases.find({ shipmentId, status: "OPEN" }, { session }),
    /** Per-request batching loaders for entity lookups. */
    loaders: () => ({
      order: loaderByField(orders, "_id"),
      customer: loaderByField(customers, "_id"),
      ordersOfCustomer: loaderOfMany(orders, "customerId", "placedAt"),
      casesOfOrder: loaderOfMany(cases, "orderId", "openedAt"),
    }),
  };
}

export type OrdersRepository = ReturnType<typeof ordersRepository>;
export type OrdersLoaders = ReturnType<OrdersRepository["loaders"]>;
