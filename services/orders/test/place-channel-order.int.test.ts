import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PlaceChannelOrderInput } from "../src/generated/resolvers.ts";
import { placeChannelOrder } from "../src/lifecycle/usecases/place-channel-order.ts";
import { ordersHarness, type OrdersHarness } from "./harness.ts";

let h: OrdersHarness;
beforeEach(async () => {
  h = await ordersHarness();
  await h.deliver("inventory.product.created", { sku: "MUG-1", name: "Mug" });
});
afterEach(async () => {
  await h.close();
});

const input = (overrides: Partial<PlaceChannelOrderInput> = {}): PlaceChannelOrderInput => ({
  customer: { email: " Bob@Example.com ", name: "Bob Norman" },
  channel: "shopify",
  externalReference: "5551234567890123456",
  currency: "EUR",
  lines: [{ sku: "MUG-1", quantity: 2, unitPrice: "19.99", taxRate: "20" }],
  ...overrides,
});

async function nothingWritten() {
  expect(await h.count("orders")).toBe(0);
  expect(await h.count("customers")).toBe(0);
  expect(await h.emitted()).toEqual([]);
}

describe("placing a channel's order", () => {
  it("places it once for a customer it creates, and answers the same order when sent again", async () => {
    const first = await placeChannelOrder(h.ctx(), input());
    const again = await placeChannelOrder(h.ctx(), input());
    if (first.kind !== "placed") throw new Error(`not placed: ${first.kind}`);
    expect(first.order).toMatchObject({
      channel: "shopify",
      externalReference: "5551234567890123456",
    });
    expect(again).toMatchObject({ kind: "duplicate", existing: { _id: first.order._id } });
    expect(await h.count("orders")).toBe(1);
    const customer = await h.orders.findCustomer(first.order.customerId);
    expect(customer).toMatchObject({
      email: "bob@example.com",
      name: "Bob Norman",
      billingPolicy: "ON_SHIPMENT",
    });
    expect((await h.emitted()).map((event) => event.type)).toEqual([
      "orders.order.placed",
      "orders.order.updated",
    ]);
  });

  it("places an order for the customer its email already names", async () => {
    const first = await placeChannelOrder(h.ctx(), input());
    const second = await placeChannelOrder(h.ctx(), input({ externalReference: "2" }));
    if (first.kind !== "placed" || second.kind !== "placed") throw new Error("not placed");
    expect(second.order.customerId).toBe(first.order.customerId);
    expect(await h.count("customers")).toBe(1);
  });

  it("places concurrent deliveries of one order once", async () => {
    const outcomes = await Promise.all([1, 2, 3].map(() => placeChannelOrder(h.ctx(), input())));
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual([
      "duplicate",
      "duplicate",
      "placed",
    ]);
    expect(await h.count("orders")).toBe(1);
    expect(await h.count("customers")).toBe(1);
  });

  it("refuses an unknown SKU or a bad customer email and writes nothing, not even the customer", async () => {
    const ghost = input({
      lines: [{ sku: "GHOST-9", quantity: 1, unitPrice: "1.00", taxRate: "0" }],
    });
    expect(await placeChannelOrder(h.ctx(), ghost)).toEqual({
      kind: "unknown_sku",
      skus: ["GHOST-9"],
    });
    const noEmail = input({ customer: { email: "not an email", name: "Bob" } });
    expect(await placeChannelOrder(h.ctx(), noEmail)).toMatchObject({
      kind: "invalid",
      field: "customer.email",
    });
    await nothingWritten();
  });
});
