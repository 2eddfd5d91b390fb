// Instants a carrier or a warehouse reports, and instants that are not instants at all.
import { waitFor } from "@waybill/devtools";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHIPMENT_INVOICE } from "../documents/billing.ts";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { CONFIRM_SHIPMENT, RECORD_MILESTONE } from "../documents/shipments.ts";
import { orderBilling } from "../support/billing.ts";
import { execute, nodes, request, type Paged } from "../support/graphql.ts";
import { placeDemoOrder, serviceView } from "../support/orders.ts";
import { confirmWhenKnown, milestone, oneUnitShipment } from "../support/shipments.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;
let gateway: string;

beforeAll(async () => {
  // Development shows error details: what must never leak must not leak there either.
  system = await startTestSystem({ WAYBILL_ENV: "development" });
  gateway = system.gatewayUrl;
  await execute(gateway, CREATE_PRODUCT, {
    sku: "CLOCK-1",
    name: "Clock",
    warehouse: "AMS1",
    quantity: 100,
  });
});

afterAll(async () => {
  await system?.dispose();
});

const YEAR = 365 * 86_400_000;
const ahead = (ms: number) => new Date(Date.now() + ms);

async function shippedOrder(policy: "ON_SHIPMENT" | "ON_DELIVERY") {
  const placed = await placeDemoOrder(
    gateway,
    [{ sku: "CLOCK-1", quantity: 2, unitPrice: "9.00", taxRate: "20" }],
    policy,
  );
  const lineId = placed.lineIds[0] ?? "";
  const shipment = await confirmWhenKnown(
    gateway,
    oneUnitShipment(placed.orderId, lineId, `1Z${Math.random().toString(36).slice(2, 10)}`),
  );
  if (!("id" in shipment)) throw new Error(`not shipped: ${JSON.stringify(shipment)}`);
  return { ...placed, lineId, shipmentId: shipment.id };
}

describe("reported instants", () => {
  it("refuses a milestone dated beyond the clock skew, so a later real exception still holds and opens a case", async () => {
    const { orderId, shipmentId } = await shippedOrder("ON_DELIVERY");
    const future = await milestone(gateway, shipmentId, "DELIVERED", ahead(YEAR));
    expect(future).toMatchObject({
      __typename: "InvalidMilestoneError",
      code: "INSTANT_IN_FUTURE",
    });
    const exception = await milestone(gateway, shipmentId, "EXCEPTION", new Date(), {
      reasonCode: "LOST",
    });
    expect(exception).toMatchObject({
      __typename: "Shipment",
      status: "EXCEPTION",
      milestones: { edges: [{ node: { type: "EXCEPTION", late: false } }] },
    });
    const invoice = await waitFor(
      async () => {
        const { shipment } = await execute(gateway, SHIPMENT_INVOICE, { id: shipmentId });
        return shipment?.invoice?.status === "ON_HOLD" ? shipment.invoice : undefined;
      },
      { description: "the CARRIER_EXCEPTION hold" },
    );
    expect(invoice).toMatchObject({ number: null, holds: [{ reason: "CARRIER_EXCEPTION" }] });
    const view = await waitFor(
      async () => {
        const order = await serviceView(gateway, orderId);
        return order && nodes(order.serviceCases).some((item) => item.kind === "CARRIER_EXCEPTION")
          ? order
          : undefined;
      },
      { description: "the carrier exception case" },
    );
    expect(view.fulfilmentStatus).not.toBe("DELIVERED");
    expect((await orderBilling(gateway, orderId)).billingStatus).not.toBe("BILLED");
  });

  it("does not let a carrier clock a little ahead make the next milestones late", async () => {
    const { shipmentId } = await shippedOrder("ON_SHIPMENT");
    const early = await milestone(gateway, shipmentId, "IN_TRANSIT", ahead(4 * 60_000));
    expect(early).toMatchObject({ __typename: "Shipment", status: "IN_TRANSIT" });
    const next = await milestone(gateway, shipmentId, "EXCEPTION", new Date());
    expect(next).toMatchObject({
      __typename: "Shipment",
      status: "EXCEPTION",
      milestones: {
        edges: [
          { node: { type: "IN_TRANSIT", late: false } },
          { node: { type: "EXCEPTION", late: false } },
        ],
      },
    });
  });

  it("refuses a shipment dated in the future or before its order was placed, writing nothing", async () => {
    const { orderId, lineId, shipmentId } = await shippedOrder("ON_SHIPMENT");
    for (const [shippedAt, code] of [
      [ahead(YEAR), "INSTANT_IN_FUTURE"],
      [ahead(-YEAR), "SHIPPED_BEFORE_ORDER"],
    ] as const) {
      const { confirmShipment } = await execute(gateway, CONFIRM_SHIPMENT, {
        input: {
          ...oneUnitShipment(orderId, lineId, "1ZLATE"),
          shippedAt: shippedAt.toISOString(),
        },
      });
      expect(confirmShipment).toMatchObject({ __typename: "InvalidShipmentError", code });
    }
    const { order } = await execute<{ order: { shipments: Paged<{ id: string }> } }>(
      gateway,
      `query ($id: ID!) { order(id: $id) { shipments { edges { node { id } } } } }`,
      { id: orderId },
    );
    expect(nodes(order.shipments).map((shipment) => shipment.id)).toEqual([shipmentId]);
  });
});

describe("an instant that is no instant", () => {
  const RECORD_MILESTONE_TEXT = print(RECORD_MILESTONE);

  it("in variables is BAD_USER_INPUT naming the variable, from any subgraph, with no subgraph URL or body", async () => {
    const { shipmentId } = await shippedOrder("ON_SHIPMENT");
    const shipments = await request(gateway, RECORD_MILESTONE_TEXT, {
      input: { shipmentId, type: "DELIVERED", occurredAt: "yesterday" },
    });
    const billing = await request(
      gateway,
      `query ($since: DateTime) { billingFigures(since: $since) { invoicesIssued } }`,
      { since: "yesterday" },
    );
    for (const [answer, variable] of [
      [shipments, "$input"],
      [billing, "$since"],
    ] as const) {
      expect(answer.status, variable).toBeLessThan(500);
      expect(answer.errors?.[0]?.extensions?.code, variable).toBe("BAD_USER_INPUT");
      expect(answer.errors?.[0]?.message, variable).toContain(variable);
      const text = JSON.stringify(answer);
      expect(text, variable).not.toMatch(/127\.0\.0\.1|"response"|\/graphql/);
    }
  });

  it("written inline gets the same code", async () => {
    const answer = await request(
      gateway,
      `{ billingFigures(since: "yesterday") { invoicesIssued } }`,
      {},
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
