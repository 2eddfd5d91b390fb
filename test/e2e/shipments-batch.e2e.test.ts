import type { VariablesOf } from "@graphql-typed-document-node/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@waybill/devtools";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { ORDER_360 } from "../documents/order-360.ts";
import { CONFIRM_SHIPMENTS } from "../documents/shipments.ts";
import { execute, request, nodes } from "../support/graphql.ts";
import { placeDemoOrder } from "../support/orders.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;
let gateway: string;

beforeAll(async () => {
  system = await startTestSystem();
  gateway = system.gatewayUrl;
  await execute(gateway, CREATE_PRODUCT, {
    sku: "BOX-1",
    name: "Box",
    warehouse: "AMS1",
    quantity: 50,
  });
});

afterAll(async () => {
  await system?.dispose();
});

const confirm = async (inputs: VariablesOf<typeof CONFIRM_SHIPMENTS>["inputs"]) =>
  (await execute(gateway, CONFIRM_SHIPMENTS, { inputs })).confirmShipments;

const shipping = (orderId: string, lineId: string, quantity: number) => ({
  orderId,
  lines: [{ lineId, quantity }],
  warehouse: "AMS1",
  carrier: "UPS",
  service: "Standard",
  trackingNumber: `1Z${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
  shippedAt: new Date().toISOString(),
  shippingCharge: "1.50",
});

describe("confirming a batch of shipments through the gateway", () => {
  it("confirms each input in order, rejects what cannot ship without failing the rest, and bills each shipment", async () => {
    const lines = [{ sku: "BOX-1", quantity: 3, unitPrice: "10.00", taxRate: "20" }];
    const a = await placeDemoOrder(gateway, lines);
    const b = await placeDemoOrder(gateway, lines);
    const [lineA = ""] = a.lineIds;
    const [lineB = ""] = b.lineIds;
    // Too much for either order: refused once shipments knows both, and writes nothing.
    await waitFor(
      async () => {
        const probe = await confirm([
          shipping(a.orderId, lineA, 99),
          shipping(b.orderId, lineB, 99),
        ]);
        return (
          probe.every((result) => "code" in result && result.code === "QUANTITY_EXCEEDS_ORDERED") ||
          undefined
        );
      },
      { description: "shipments to know both orders", timeoutMs: 30_000, intervalMs: 100 },
    );

    const results = await confirm([
      shipping(a.orderId, lineA, 2),
      shipping("ord_missing", "l", 1),
      shipping(a.orderId, lineA, 2),
      shipping(b.orderId, lineB, 3),
      shipping(a.orderId, lineA, 1),
    ]);
    expect(results.map((result) => result.__typename)).toEqual([
      "Shipment",
      "UnknownOrderError",
      "QuantityExceedsOrderedError",
      "Shipment",
      "Shipment",
    ]);
    // The third input saw the first one's two units as already shipped.
    expect(results[2]).toMatchObject({ alreadyShipped: 2, requested: 2 });
    expect(results.map((result) => ("order" in result ? result.order.id : undefined))).toEqual([
      a.orderId,
      undefined,
      undefined,
      b.orderId,
      a.orderId,
    ]);

    const billed = async (orderId: string, invoices: number) =>
      waitFor(
        async () => {
          const { order } = await execute(gateway, ORDER_360, { id: orderId });
          return order?.invoices.edges.length === invoices && order.billingStatus === "BILLED"
            ? order
            : undefined;
        },
        { description: `order ${orderId} billed in ${invoices} invoices`, timeoutMs: 30_000 },
      );
    const orderA = await billed(a.orderId, 2);
    const orderB = await billed(b.orderId, 1);
    expect(nodes(orderA.shipments)).toHaveLength(2);
    expect(orderA.lines[0]).toMatchObject({ shippedQuantity: 3, invoicedQuantity: 3 });
    expect(orderB.lines[0]).toMatchObject({ shippedQuantity: 3, invoicedQuantity: 3 });
    expect(nodes(orderA.invoices).map((invoice) => invoice.status)).toEqual(["ISSUED", "ISSUED"]);
  });

  it("refuses more than 500 shipments in one call with BAD_USER_INPUT", async () => {
    const inputs = Array.from({ length: 501 }, () => shipping("ord_missing", "l", 1));
    const answer = await request(gateway, CONFIRM_SHIPMENTS, { inputs });
    expect(answer.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(answer.errors?.[0]?.message).toMatch(/at most 500/);
  });
});
