// Orders through the gateway as the end-to-end tests need them: customers, orders placed once
// orders knows their SKUs, cancellations, and the order as a service agent sees it.
import type { ResultOf, VariablesOf } from "@graphql-typed-document-node/core";
import { waitFor } from "@waybill/devtools";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import {
  CANCEL_ORDER,
  CANCEL_ORDER_LINE,
  CREATE_CUSTOMER,
  ORDER_SERVICE_VIEW,
  PLACE_ORDER,
} from "../documents/orders.ts";
import { execute } from "./graphql.ts";

export type BillingPolicy = NonNullable<
  VariablesOf<typeof CREATE_CUSTOMER>["input"]["billingPolicy"]
>;
export type OrderLineInput = VariablesOf<typeof PLACE_ORDER>["input"]["lines"][number];
type Placed = ResultOf<typeof PLACE_ORDER>["placeOrder"];

/** A customer and an order for it, placed through the gateway. */
export async function placeDemoOrder(
  gateway: string,
  lines: OrderLineInput[],
  billingPolicy: BillingPolicy = "ON_SHIPMENT",
): Promise<{ customerId: string; orderId: string; lineIds: string[] }> {
  const email = `c${Math.random().toString(36).slice(2)}@example.com`;
  const { createCustomer } = await execute(gateway, CREATE_CUSTOMER, {
    input: { name: "Test Customer", email, billingPolicy },
  });
  // The orders service learns SKUs from inventory's events: retry while a new SKU is unknown there.
  const placeOrder = await waitFor(
    async () => {
      const { placeOrder: result } = await execute(gateway, PLACE_ORDER, {
        input: { customerId: createCustomer.id, channel: "web", currency: "EUR", lines },
      });
      return result.__typename === "UnknownSkuError" ? undefined : result;
    },
    { description: "orders to know the SKUs", timeoutMs: 30_000, intervalMs: 100 },
  );
  if (placeOrder.__typename !== "Order")
    throw new Error(`order refused: ${JSON.stringify(placeOrder)}`);
  return {
    customerId: createCustomer.id,
    orderId: placeOrder.id,
    lineIds: placeOrder.lines.map((line) => line.id),
  };
}

export async function createCustomer(gateway: string): Promise<string> {
  const email = `c${Math.random().toString(36).slice(2)}@example.com`;
  const { createCustomer } = await execute(gateway, CREATE_CUSTOMER, {
    input: { name: "Stock Test Customer", email, billingPolicy: "ON_SHIPMENT" },
  });
  return createCustomer.id;
}

/**
 * Places an order, asking again while orders has not yet learned the SKUs from inventory's
 * `inventory.product.created` (an unknown SKU is refused and writes nothing, so retrying is safe).
 */
export async function placeWhenSkusKnown(
  gateway: string,
  customerId: string,
  lines: { sku: string; quantity: number }[],
): Promise<{ orderId: string; lineIds: string[] }> {
  const input = {
    customerId,
    channel: "web",
    currency: "EUR",
    lines: lines.map((line) => ({ ...line, unitPrice: "10.00", taxRate: "20" })),
  };
  const placed = await waitFor(
    async (): Promise<Extract<Placed, { __typename: "Order" }> | undefined> => {
      const { placeOrder } = await execute(gateway, PLACE_ORDER, { input });
      if (placeOrder.__typename === "Order") return placeOrder;
      const unknownSku =
        placeOrder.__typename === "UnknownSkuError" ||
        ("field" in placeOrder && /sku/i.test(placeOrder.field ?? ""));
      if (unknownSku) return undefined;
      throw new Error(`order refused: ${JSON.stringify(placeOrder)}`);
    },
    { description: "orders to accept the SKUs", timeoutMs: 30_000, intervalMs: 100 },
  );
  return { orderId: placed.id, lineIds: placed.lines.map((line) => line.id) };
}

/** The order as a service agent sees it. */
export const serviceView = async (gateway: string, id: string) =>
  (await execute(gateway, ORDER_SERVICE_VIEW, { id })).order;

export const cancelOrder = async (
  gateway: string,
  input: VariablesOf<typeof CANCEL_ORDER>["input"],
) => (await execute(gateway, CANCEL_ORDER, { input })).cancelOrder;

export const cancelOrderLine = async (
  gateway: string,
  input: VariablesOf<typeof CANCEL_ORDER_LINE>["input"],
) => (await execute(gateway, CANCEL_ORDER_LINE, { input })).cancelOrderLine;

/** Two products in AMS1; orders learn them through inventory's events. */
export async function createCatalog(gateway: string): Promise<void> {
  for (const [sku, name] of [
    ["MUG-1", "Mug"],
    ["TEE-M", "T-shirt M"],
  ] as const) {
    await execute(gateway, CREATE_PRODUCT, { sku, name, warehouse: "AMS1", quantity: 50 });
  }
}

/** 3 x MUG-1 and 2 x TEE-M. */
export const ORDER_LINES: [OrderLineInput, OrderLineInput] = [
  { sku: "MUG-1", quantity: 3, unitPrice: "19.99", taxRate: "20" },
  { sku: "TEE-M", quantity: 2, unitPrice: "12.50", taxRate: "7" },
];
