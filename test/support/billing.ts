// Billing through the gateway: an order's invoices and holds, and an order shipped in two parts.
import type { ResultOf } from "@graphql-typed-document-node/core";
import { ORDER_BILLING } from "../documents/billing.ts";
import { execute } from "./graphql.ts";
import { placeDemoOrder, type BillingPolicy } from "./orders.ts";
import { confirmWhenKnown } from "./shipments.ts";

type OrderBilling = NonNullable<ResultOf<typeof ORDER_BILLING>["order"]>;
export type Invoice = OrderBilling["invoices"]["edges"][number]["node"];

export async function orderBilling(gateway: string, id: string): Promise<OrderBilling> {
  const { order } = await execute(gateway, ORDER_BILLING, { id });
  if (!order) throw new Error(`no order ${id}`);
  return order;
}

/** An order of 3 + 2 units shipped in two parts: 2 of line 1, then 1 of line 1 and 2 of line 2. */
export async function twoShipmentOrder(gateway: string, policy: BillingPolicy) {
  const order = await placeDemoOrder(
    gateway,
    [
      { sku: "MUG-1", quantity: 3, unitPrice: "10.00", taxRate: "20" },
      { sku: "TEE-M", quantity: 2, unitPrice: "15.00", taxRate: "20" },
    ],
    policy,
  );
  const [line1 = "", line2 = ""] = order.lineIds;
  const ship = async (lines: { lineId: string; quantity: number }[], tracking: string) => {
    const shipment = await confirmWhenKnown(gateway, {
      orderId: order.orderId,
      warehouse: "AMS1",
      lines,
      carrier: "UPS",
      service: "Standard",
      trackingNumber: tracking,
      shippedAt: new Date().toISOString(),
      shippingCharge: "4.00",
    });
    if (shipment.__typename !== "Shipment")
      throw new Error(`not shipped: ${JSON.stringify(shipment)}`);
    return shipment.id;
  };
  const first = await ship([{ lineId: line1, quantity: 2 }], `1ZA${order.orderId.slice(-8)}`);
  const second = await ship(
    [
      { lineId: line1, quantity: 1 },
      { lineId: line2, quantity: 2 },
    ],
    `1ZB${order.orderId.slice(-8)}`,
  );
  return { ...order, line1, line2, shipments: [first, second] as const };
}
