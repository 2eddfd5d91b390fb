// Seeding through the public API, as a client would; retries while events have not arrived yet.
import { randomUUID } from "node:crypto";
import { waitFor } from "@waybill/devtools";
import type { VariablesOf } from "@graphql-typed-document-node/core";
import { INVOICES_OF_ORDER } from "../../test/documents/billing.ts";
import { CREATE_PRODUCT } from "../../test/documents/inventory.ts";
import { CREATE_CUSTOMER, PLACE_ORDER } from "../../test/documents/orders.ts";
import { REQUEST_RETURN } from "../../test/documents/returns.ts";
import { CONFIRM_SHIPMENT, RECORD_MILESTONE } from "../../test/documents/shipments.ts";
import { execute, type Endpoint } from "./graphql.ts";

type BillingPolicy = NonNullable<VariablesOf<typeof CREATE_CUSTOMER>["input"]["billingPolicy"]>;
type MilestoneType = VariablesOf<typeof RECORD_MILESTONE>["input"]["type"];

export const WAREHOUSE = "AMS1";

export interface PlacedOrder {
  id: string;
  lineIds: string[];
}

export async function createCustomer(
  api: Endpoint,
  policy: BillingPolicy = "ON_SHIPMENT",
): Promise<string> {
  const { createCustomer: customer } = await execute(api, CREATE_CUSTOMER, {
    input: {
      name: "Bench Customer",
      email: `b${randomUUID()}@example.com`,
      billingPolicy: policy,
    },
  });
  return customer.id;
}

export async function createProduct(api: Endpoint, sku: string, quantity: number): Promise<void> {
  await execute(api, CREATE_PRODUCT, { sku, name: sku, warehouse: WAREHOUSE, quantity });
}

/** The input of an order of `skus`, one line each. */
export function orderInput(customerId: string, skus: string[], quantity = 2) {
  return {
    customerId,
    channel: "bench",
    currency: "EUR",
    lines: skus.map((sku) => ({ sku, quantity, unitPrice: "12.50", taxRate: "21" })),
  };
}

/** Places an order, asking again while orders has not learned the SKUs from inventory. */
export async function placeOrder(
  api: Endpoint,
  customerId: string,
  skus: string[],
  quantity = 2,
): Promise<PlacedOrder> {
  const input = orderInput(customerId, skus, quantity);
  const placed = await waitFor(
    async () => {
      const { placeOrder: result } = await execute(api, PLACE_ORDER, { input });
      return result.__typename === "UnknownSkuError" ? undefined : result;
    },
    { description: "orders to know the SKUs", timeoutMs: 60_000, intervalMs: 50 },
  );
  if (placed.__typename !== "Order") throw new Error(`order refused: ${JSON.stringify(placed)}`);
  return { id: placed.id, lineIds: placed.lines.map((line) => line.id) };
}

/** The input of a shipment of `quantity` units of each line. */
export function shipmentInput(order: PlacedOrder, quantity: number, tracking: string) {
  return {
    orderId: order.id,
    warehouse: WAREHOUSE,
    lines: order.lineIds.map((lineId) => ({ lineId, quantity })),
    carrier: "UPS",
    service: "Standard",
    trackingNumber: tracking,
    shippedAt: new Date().toISOString(),
    shippingCharge: "5.95",
  };
}

/** Confirms a shipment, asking again while shipments has not heard of the order. */
export async function confirmShipment(
  api: Endpoint,
  input: ReturnType<typeof shipmentInput>,
  headers: Record<string, string> = {},
): Promise<string> {
  const shipped = await waitFor(
    async () => {
      const { confirmShipment: result } = await execute(api, CONFIRM_SHIPMENT, { input }, headers);
      return result.__typename === "UnknownOrderError" ? undefined : result;
    },
    { description: "shipments to know the order", timeoutMs: 60_000, intervalMs: 20 },
  );
  if (shipped.__typename !== "Shipment")
    throw new Error(`shipment refused: ${JSON.stringify(shipped)}`);
  return shipped.id;
}

export async function milestone(
  api: Endpoint,
  shipmentId: string,
  type: MilestoneType,
): Promise<void> {
  await execute(api, RECORD_MILESTONE, {
    input: { shipmentId, type, occurredAt: new Date().toISOString(), location: "Utrecht" },
  });
}

export async function requestReturn(api: Endpoint, order: PlacedOrder): Promise<void> {
  const lineId = order.lineIds[0] ?? "";
  await waitFor(
    async () => {
      const { requestReturn: result } = await execute(api, REQUEST_RETURN, {
        input: { orderId: order.id, reason: "damaged", lines: [{ lineId, quantity: 1 }] },
      });
      return result.__typename === "Return" ? result : undefined;
    },
    { description: "returns to know the shipment", timeoutMs: 60_000, intervalMs: 50 },
  );
}

/** Waits until the order has `count` invoices, all issued. */
export async function invoicesIssued(api: Endpoint, orderId: string, count: number): Promise<void> {
  await waitFor(
    async () => {
      const { order } = await execute(api, INVOICES_OF_ORDER, { id: orderId });
      const issued = order?.invoices.edges.filter(({ node }) => node.status === "ISSUED").length;
      return issued === count;
    },
    { description: `${count} issued invoices of order ${orderId}`, timeoutMs: 60_000 },
  );
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function inParallel<T, R>(
  items: T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A populated order 360: two lines shipped in two parts, milestones, two issued invoices, a return. */
export async function order360(api: Endpoint, skus: string[], index: number): Promise<string> {
  const customerId = await createCustomer(api);
  const order = await placeOrder(api, customerId, skus, 4);
  const tracking = `1Z360${String(index).padStart(6, "0")}`;
  const first = await confirmShipment(api, shipmentInput(order, 2, `${tracking}A`));
  const second = await confirmShipment(api, shipmentInput(order, 2, `${tracking}B`));
  for (const type of ["PICKED_UP", "IN_TRANSIT"] as const) {
    await milestone(api, first, type);
    await milestone(api, second, type);
  }
  await invoicesIssued(api, order.id, 2);
  await requestReturn(api, order);
  return order.id;
}

/** A customer with `size` orders, each shipped whole and invoiced. */
export async function customerWithOrders(
  api: Endpoint,
  skus: string[],
  size: number,
  parallel = 8,
): Promise<{ customerId: string; orderIds: string[] }> {
  const customerId = await createCustomer(api);
  const orders = await inParallel(Array.from({ length: size }), parallel, async () => {
    const placed = await placeOrder(api, customerId, skus, 1);
    const tracking = `1ZL${placed.id.slice(-12).replace(/-/g, "")}`;
    await confirmShipment(api, shipmentInput(placed, 1, tracking));
    return placed;
  });
  await inParallel(orders, parallel, (placed) => invoicesIssued(api, placed.id, 1));
  return { customerId, orderIds: orders.map((order) => order.id) };
}

export const READ_SKUS = ["BENCH-MUG", "BENCH-TEE"];

/** `orders360` populated orders and `customers` customers with `listSize` orders each. */
export async function seedReadModel(
  api: Endpoint,
  sizes: { orders360: number; customers: number; listSize: number },
) {
  for (const sku of READ_SKUS) await createProduct(api, sku, 900_000);
  const orderIds = await inParallel(Array.from({ length: sizes.orders360 }), 4, (_, index) =>
    order360(api, READ_SKUS, index),
  );
  const customerIds: string[] = [];
  for (let i = 0; i < sizes.customers; i++) {
    customerIds.push((await customerWithOrders(api, READ_SKUS, sizes.listSize)).customerId);
  }
  return { orderIds, customerIds };
}
