import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@waybill/devtools";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { orderBilling, twoShipmentOrder, type Invoice } from "../support/billing.ts";
import { execute, nodes } from "../support/graphql.ts";
import { milestone } from "../support/shipments.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;
let gateway: string;

beforeAll(async () => {
  // The scenarios stamp milestones hours ahead of now to order them: allow that lead.
  system = await startTestSystem({ CLOCK_SKEW_SECONDS: "86400" });
  gateway = system.gatewayUrl;
  for (const sku of ["MUG-1", "TEE-M"]) {
    await execute(gateway, CREATE_PRODUCT, { sku, name: sku, warehouse: "AMS1", quantity: 1000 });
  }
});

afterAll(async () => {
  await system?.dispose();
});

const hour = (h: number) => new Date(Date.now() + h * 3_600_000);

/** Waits until the order's invoices satisfy `ready`, and returns the order. */
const settled = (
  orderId: string,
  description: string,
  ready: (invoices: Invoice[], billingStatus: string) => boolean,
) =>
  waitFor(
    async () => {
      const order = await orderBilling(gateway, orderId);
      return ready(nodes(order.invoices), order.billingStatus) ? order : undefined;
    },
    { description },
  );

const byShipment = (invoices: Invoice[], shipmentId: string) =>
  invoices.find((invoice) => invoice.shipment.id === shipmentId);

describe("a two-shipment partial order under each billing policy", () => {
  it("ON_SHIPMENT: each shipment is invoiced for what it carried as soon as it ships", async () => {
    const { orderId, line1, line2, shipments } = await twoShipmentOrder(gateway, "ON_SHIPMENT");
    const order = await settled(
      orderId,
      "two issued invoices",
      (invoices, status) => invoices.filter((i) => i.number).length === 2 && status === "BILLED",
    );
    expect(byShipment(nodes(order.invoices), shipments[0])?.lines).toEqual([
      { lineId: line1, quantity: 2 },
    ]);
    expect(byShipment(nodes(order.invoices), shipments[1])?.lines).toEqual([
      { lineId: line1, quantity: 1 },
      { lineId: line2, quantity: 2 },
    ]);
    expect(
      nodes(order.invoices).every((invoice) => invoice.status === "ISSUED" && invoice.touchless),
    ).toBe(true);
    expect(order.fulfilmentStatus).toBe("SHIPPED");
  });

  it("ON_DELIVERY: drafts until each shipment is delivered, then issues it alone", async () => {
    const { orderId, shipments } = await twoShipmentOrder(gateway, "ON_DELIVERY");
    const drafts = await settled(
      orderId,
      "two draft invoices",
      (invoices) => invoices.length === 2,
    );
    expect(nodes(drafts.invoices).map((invoice) => [invoice.status, invoice.number])).toEqual([
      ["DRAFT", null],
      ["DRAFT", null],
    ]);
    expect(drafts.billingStatus).toBe("NOT_BILLED");

    await milestone(gateway, shipments[0], "DELIVERED", hour(1));
    const partly = await settled(
      orderId,
      "the first invoice issued",
      (invoices) => byShipment(invoices, shipments[0])?.status === "ISSUED",
    );
    expect(byShipment(nodes(partly.invoices), shipments[1])?.status).toBe("DRAFT");
    await waitFor(
      async () => (await orderBilling(gateway, orderId)).billingStatus === "PARTIALLY_BILLED",
      { description: "orders to see the partial billing" },
    );

    await milestone(gateway, shipments[1], "DELIVERED", hour(2));
    const billed = await settled(
      orderId,
      "both invoices issued and the order billed",
      (invoices, status) => invoices.every((i) => i.status === "ISSUED") && status === "BILLED",
    );
    expect(billed.fulfilmentStatus).toBe("DELIVERED");
  });

  it("ON_PROOF_OF_DELIVERY: delivery alone does not issue; the proof does", async () => {
    const { orderId, shipments } = await twoShipmentOrder(gateway, "ON_PROOF_OF_DELIVERY");
    await settled(orderId, "two draft invoices", (invoices) => invoices.length === 2);
    for (const [index, shipmentId] of shipments.entries())
      await milestone(gateway, shipmentId, "DELIVERED", hour(index + 1));
    // Both deliveries are recorded by shipments; billing must still hold back.
    await waitFor(
      async () => (await orderBilling(gateway, orderId)).fulfilmentStatus === "DELIVERED",
      { description: "both shipments delivered" },
    );
    const delivered = await orderBilling(gateway, orderId);
    expect(nodes(delivered.invoices).map((invoice) => invoice.status)).toEqual(["DRAFT", "DRAFT"]);

    await milestone(gateway, shipments[0], "PROOF_OF_DELIVERY", hour(3), {
      signedBy: "R. Jansen",
      photoReference: "pod/123.jpg",
    });
    const proved = await settled(
      orderId,
      "the proved shipment's invoice issued",
      (invoices) => byShipment(invoices, shipments[0])?.status === "ISSUED",
    );
    expect(byShipment(nodes(proved.invoices), shipments[1])?.status).toBe("DRAFT");
    expect(
      nodes(proved.shipments).find((shipment) => shipment.id === shipments[0])?.proofOfDelivery,
    ).toEqual({ signedBy: "R. Jansen" });
  });
});

describe("duplicate and out-of-order milestones", () => {
  it("the same DELIVERED three times, then older milestones: one invoice, status DELIVERED, history kept", async () => {
    const { orderId, shipments } = await twoShipmentOrder(gateway, "ON_DELIVERY");
    const [shipmentId] = shipments;
    // Older milestones must really be older than the delivery: stamped before now, not ahead of
    // it (shipments orders an instant ahead of the clock by its receipt).
    const deliveredAt = new Date();
    for (let i = 0; i < 3; i++) await milestone(gateway, shipmentId, "DELIVERED", deliveredAt);
    await milestone(gateway, shipmentId, "OUT_FOR_DELIVERY", hour(-1));
    await milestone(gateway, shipmentId, "PICKED_UP", hour(-4));
    const order = await settled(
      orderId,
      "the delivered shipment's invoice",
      (invoices) => byShipment(invoices, shipmentId)?.status === "ISSUED",
    );
    const shipment = nodes(order.shipments).find((candidate) => candidate.id === shipmentId);
    expect(shipment?.status).toBe("DELIVERED");
    expect(shipment && nodes(shipment.milestones)).toEqual([
      { type: "PICKED_UP", late: true },
      { type: "OUT_FOR_DELIVERY", late: true },
      { type: "DELIVERED", late: false },
    ]);
    expect(
      nodes(order.invoices).filter((invoice) => invoice.shipment.id === shipmentId),
    ).toHaveLength(1);
  });
});
