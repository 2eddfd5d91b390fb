import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@waybill/devtools";
import { RELEASE_INVOICE, SHIPMENT_INVOICE } from "../documents/billing.ts";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { RECORD_MILESTONE } from "../documents/shipments.ts";
import { orderBilling, type Invoice } from "../support/billing.ts";
import { execute, nodes, type Paged } from "../support/graphql.ts";
import { placeDemoOrder, type BillingPolicy } from "../support/orders.ts";
import { confirmWhenKnown, milestone } from "../support/shipments.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;
let gateway: string;

beforeAll(async () => {
  // A one-second proof-of-delivery grace period, so the POD_MISSING hold is reached in the test.
  // The scenarios stamp milestones up to half an hour ahead of now to order them: allow that lead.
  system = await startTestSystem({ POD_GRACE_SECONDS: "1", CLOCK_SKEW_SECONDS: "86400" });
  gateway = system.gatewayUrl;
  await execute(gateway, CREATE_PRODUCT, {
    sku: "BOX-1",
    name: "Box",
    warehouse: "AMS1",
    quantity: 1000,
  });
});

afterAll(async () => {
  await system?.dispose();
});

const minutes = (m: number) => new Date(Date.now() + m * 60_000);

async function shippedOrder(
  policy: BillingPolicy,
  trackingNumber = `1Z${Math.random().toString(36).slice(2, 10)}`,
) {
  const {
    orderId,
    lineIds: [lineId = ""],
  } = await placeDemoOrder(
    gateway,
    [{ sku: "BOX-1", quantity: 2, unitPrice: "5.00", taxRate: "20" }],
    policy,
  );
  const shipment = await confirmWhenKnown(gateway, {
    orderId,
    warehouse: "AMS1",
    lines: [{ lineId, quantity: 2 }],
    carrier: "DHL",
    service: "Express",
    trackingNumber,
    shippedAt: new Date().toISOString(),
    shippingCharge: "0",
  });
  if (!("id" in shipment)) throw new Error(`not shipped: ${JSON.stringify(shipment)}`);
  return { orderId, shipmentId: shipment.id };
}

const invoiceOf = (orderId: string, description: string, ready: (invoice: Invoice) => boolean) =>
  waitFor(
    async () => {
      const [invoice] = nodes((await orderBilling(gateway, orderId)).invoices);
      return invoice && ready(invoice) ? invoice : undefined;
    },
    { description },
  );

describe("holds and releases", () => {
  it("proof of delivery arriving after the grace period: held POD_MISSING, then released automatically and issued", async () => {
    const { orderId, shipmentId } = await shippedOrder("ON_PROOF_OF_DELIVERY");
    await invoiceOf(orderId, "a draft invoice", (invoice) => invoice.status === "DRAFT");
    await milestone(gateway, shipmentId, "DELIVERED", minutes(-5));
    const held = await invoiceOf(
      orderId,
      "the POD_MISSING hold",
      (invoice) => invoice.status === "ON_HOLD",
    );
    expect(held.holds).toEqual([{ reason: "POD_MISSING", releasedBy: null, releasedAt: null }]);
    expect(held.number).toBeNull();
    await waitFor(async () => (await orderBilling(gateway, orderId)).billingStatus === "ON_HOLD", {
      description: "orders to show the hold",
    });

    await milestone(gateway, shipmentId, "PROOF_OF_DELIVERY", minutes(-1), {
      signedBy: "A. de Vries",
    });
    const issued = await invoiceOf(
      orderId,
      "the invoice issued",
      (invoice) => invoice.status === "ISSUED",
    );
    expect(issued.number).toMatch(/^INV-/);
    expect(issued.holds).toMatchObject([{ reason: "POD_MISSING", releasedBy: "AUTOMATIC" }]);
    expect(issued.touchless).toBe(true);
    await waitFor(async () => (await orderBilling(gateway, orderId)).billingStatus === "BILLED", {
      description: "orders to show it billed",
    });
  });

  it("a carrier exception after issue holds the invoice's collection, never the issued invoice, until the shipment moves on", async () => {
    const { orderId, shipmentId } = await shippedOrder("ON_SHIPMENT");
    const issued = await invoiceOf(orderId, "the issued invoice", (i) => i.status === "ISSUED");
    await milestone(gateway, shipmentId, "EXCEPTION", minutes(1), {
      reasonCode: "ADDRESS_UNKNOWN",
    });
    const held = await waitFor(
      async () => {
        const { shipment } = await execute(gateway, SHIPMENT_INVOICE, { id: shipmentId });
        return shipment?.invoice?.collectionOnHold ? shipment.invoice : undefined;
      },
      { description: "the collection hold" },
    );
    expect(held).toMatchObject({
      status: "ISSUED",
      number: issued.number,
      holds: [],
      collectionHolds: [{ reason: "CARRIER_EXCEPTION", releasedAt: null }],
    });
    // Every timestamp in causal order: the hold comes after the issue.
    expect(Date.parse(held.collectionHolds[0]?.heldAt ?? "")).toBeGreaterThanOrEqual(
      Date.parse(held.issuedAt ?? ""),
    );
    const listed = await execute<{ invoices: Paged<{ id: string }> }>(
      gateway,
      `query ($orderId: ID!) { invoices(orderId: $orderId, status: ISSUED) { edges { node { id } } } }`,
      { orderId },
    );
    expect(nodes(listed.invoices).map((invoice) => invoice.id)).toContain(held.id);
    await milestone(gateway, shipmentId, "DELIVERED", minutes(2));
    const released = await waitFor(
      async () => {
        const { shipment } = await execute(gateway, SHIPMENT_INVOICE, { id: shipmentId });
        const invoice = shipment?.invoice;
        return invoice && !invoice.collectionOnHold ? invoice : undefined;
      },
      { description: "the automatic release of the collection hold" },
    );
    expect(released).toMatchObject({
      status: "ISSUED",
      number: issued.number,
      collectionHolds: [{ reason: "CARRIER_EXCEPTION", releasedBy: "AUTOMATIC" }],
    });
    expect((await orderBilling(gateway, orderId)).billingStatus).toBe("BILLED");
  });

  it("a delivered quantity that differs is held QUANTITY_MISMATCH; finance releases it and it is no longer touchless", async () => {
    const { orderId, shipmentId } = await shippedOrder("ON_DELIVERY");
    await invoiceOf(orderId, "a draft invoice", (invoice) => invoice.status === "DRAFT");
    await milestone(gateway, shipmentId, "DELIVERED", minutes(1), { deliveredQuantity: 1 });
    const held = await invoiceOf(
      orderId,
      "the QUANTITY_MISMATCH hold",
      (invoice) => invoice.status === "ON_HOLD",
    );
    expect(held.holds).toMatchObject([{ reason: "QUANTITY_MISMATCH" }]);

    const release = (invoiceId: string) =>
      execute(gateway, RELEASE_INVOICE, {
        input: { invoiceId, comment: "customer confirmed both boxes" },
      });
    const { releaseInvoice } = await release(held.id);
    expect(releaseInvoice).toMatchObject({
      __typename: "Invoice",
      status: "ISSUED",
      touchless: false,
    });
    expect((await release(held.id)).releaseInvoice).toMatchObject({
      __typename: "InvoiceNotHeldError",
      code: "INVOICE_NOT_HELD",
    });
    expect((await release("inv_missing")).releaseInvoice).toMatchObject({
      __typename: "UnknownInvoiceError",
      code: "UNKNOWN_INVOICE",
    });

    const { billingFigures } = await execute<{
      billingFigures: { invoicesIssued: number; touchlessIssued: number; touchlessShare: string };
    }>(gateway, "{ billingFigures { invoicesIssued touchlessIssued touchlessShare } }");
    expect(billingFigures.invoicesIssued).toBeGreaterThan(billingFigures.touchlessIssued);
    expect(Number(billingFigures.touchlessShare)).toBeLessThan(100);
  });

  it("a milestone for a tracking number not shipped yet is parked, then applied when the shipment is confirmed", async () => {
    const trackingNumber = `JD${Date.now()}`;
    const { recordMilestone } = await execute(gateway, RECORD_MILESTONE, {
      input: {
        carrier: "dhl",
        trackingNumber: trackingNumber.toLowerCase(),
        type: "DELIVERED",
        occurredAt: minutes(30).toISOString(),
      },
    });
    expect(recordMilestone.__typename).toBe("ParkedMilestone");
    const { orderId, shipmentId } = await shippedOrder("ON_DELIVERY", trackingNumber);
    const order = await orderBilling(gateway, orderId);
    expect(nodes(order.shipments).find((shipment) => shipment.id === shipmentId)?.status).toBe(
      "DELIVERED",
    );
    const issued = await invoiceOf(
      orderId,
      "the invoice issued on the parked delivery",
      (invoice) => invoice.status === "ISSUED",
    );
    expect(issued.touchless).toBe(true);
  });
});
