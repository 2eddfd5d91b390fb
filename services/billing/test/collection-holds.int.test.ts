// A carrier exception after issue holds an issued invoice's collection, never the invoice; the
// hold and its release are told with the invoice's customer, so only that customer hears of them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { billingHarness, type BillingHarness } from "./harness.ts";
import { confirmed, delivered, placed } from "./fixtures.ts";

let billing: BillingHarness;

beforeEach(async () => {
  billing = await billingHarness();
});

afterEach(() => billing.close());

const milestone = (type: "EXCEPTION" | "IN_TRANSIT", revision: number) => ({
  ...delivered("o1", "s1", 2),
  milestoneId: `${type}-${revision}`,
  type,
  status: type,
  deliveredAt: null,
  occurredAt: `2026-03-0${revision + 1}T12:00:00.000Z`,
  revision,
  reasonCode: type === "EXCEPTION" ? "DAMAGED" : null,
});

describe("an issued invoice's collection", () => {
  it("is held on a carrier exception and released when the shipment moves on, both told with the customer", async () => {
    await billing.deliver(
      "orders.order.placed",
      placed("o1", [[2, 1000, 200_000]], { customerId: "cus_7" }),
    );
    await billing.deliver(
      "shipments.shipment.confirmed",
      confirmed("o1", "s1", { 1: 2 }, 495, "cus_7"),
    );
    const invoice = await billing.invoiceOf("s1");
    expect(invoice.status).toBe("ISSUED");

    await billing.deliver("shipments.milestone.recorded", milestone("EXCEPTION", 1));
    await billing.deliver("shipments.milestone.recorded", milestone("IN_TRANSIT", 2));

    const told = { invoiceId: invoice._id, orderId: "o1", shipmentId: "s1", customerId: "cus_7" };
    expect(await billing.emitted("billing.invoice_collection.held")).toMatchObject([
      { ...told, number: invoice.number, reason: "CARRIER_EXCEPTION", status: "ISSUED" },
    ]);
    expect(await billing.emitted("billing.invoice_collection.released")).toMatchObject([
      { ...told, number: invoice.number, reason: "CARRIER_EXCEPTION", releasedBy: "AUTOMATIC" },
    ]);
    expect(await billing.emitted("billing.invoice.held")).toEqual([]);
  });
});
