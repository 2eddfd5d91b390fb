import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@waybill/devtools";
import { INVOICES_OF_ORDER } from "../documents/billing.ts";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { execute, nodes } from "../support/graphql.ts";
import { placeDemoOrder } from "../support/orders.ts";
import { confirmWhenKnown } from "../support/shipments.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

const ORDERS = 60;

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem();
  await execute(system.gatewayUrl, CREATE_PRODUCT, {
    sku: "BOX-1",
    name: "Box",
    warehouse: "AMS1",
    quantity: 1000,
  });
});

afterAll(async () => {
  await system?.dispose();
});

describe("billing killed with -9 while shipments are confirmed", () => {
  it("ends with exactly one invoice per shipment and gapless numbers", async () => {
    const gateway = system.gatewayUrl;
    const orders: Awaited<ReturnType<typeof placeDemoOrder>>[] = [];
    for (let i = 0; i < ORDERS; i++) {
      orders.push(
        await placeDemoOrder(gateway, [
          { sku: "BOX-1", quantity: 2, unitPrice: "3.00", taxRate: "20" },
        ]),
      );
    }

    const confirmations = (async () => {
      for (const [index, order] of orders.entries()) {
        await confirmWhenKnown(gateway, {
          orderId: order.orderId,
          lines: [{ lineId: order.lineIds[0] ?? "", quantity: index % 2 ? 2 : 1 }],
          warehouse: "AMS1",
          carrier: "UPS",
          service: "Ground",
          trackingNumber: `1Z${String(index).padStart(6, "0")}`,
          shippedAt: new Date().toISOString(),
          shippingCharge: "1.00",
        });
      }
    })();

    // Kill billing once it has started issuing invoices, while confirmations keep coming.
    await waitFor(
      async () => {
        const { order } = await execute(gateway, INVOICES_OF_ORDER, {
          id: orders[3]?.orderId ?? "",
        });
        return (order?.invoices.edges.length ?? 0) > 0;
      },
      { description: "billing to issue its first invoices", timeoutMs: 30_000 },
    );
    await system.services.billing.kill();
    await confirmations;
    await system.services.billing.start();

    const numbers: string[] = [];
    for (const order of orders) {
      const billed = await waitFor(
        async () => {
          const result = await execute(gateway, INVOICES_OF_ORDER, { id: order.orderId });
          return result.order?.invoices.edges.length ? result.order : undefined;
        },
        { description: `an invoice for order ${order.orderId}`, timeoutMs: 60_000 },
      );
      expect(nodes(billed.shipments)).toHaveLength(1);
      expect(nodes(billed.invoices)).toHaveLength(1);
      expect(nodes(billed.shipments)[0]?.invoice?.number).toBe(nodes(billed.invoices)[0]?.number);
      numbers.push(nodes(billed.invoices)[0]?.number ?? "");
    }
    const sequence = numbers.map((number) => Number(number.slice(-6))).sort((a, b) => a - b);
    expect(sequence).toEqual(Array.from({ length: ORDERS }, (_, i) => i + 1));
  });
});
