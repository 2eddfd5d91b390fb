import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@waybill/devtools";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { ORDER_360 } from "../documents/order-360.ts";
import { CONFIRM_SHIPMENT } from "../documents/shipments.ts";
import { execute, request, credentialHeaders, nodes } from "../support/graphql.ts";
import { placeDemoOrder } from "../support/orders.ts";
import { confirmWhenKnown } from "../support/shipments.ts";
import { toldSoFar } from "../support/streams.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;
let gateway: string;

beforeAll(async () => {
  system = await startTestSystem();
  gateway = system.gatewayUrl;
  for (const [sku, name] of [
    ["MUG-1", "Mug"],
    ["TEE-M", "T-shirt M"],
  ] as const) {
    await execute(gateway, CREATE_PRODUCT, { sku, name, warehouse: "AMS1", quantity: 25 });
  }
});

afterAll(async () => {
  await system?.dispose();
});

const order360 = async (id: string) => (await execute(gateway, ORDER_360, { id })).order;

describe("order to invoice through the gateway", () => {
  it("bills a partial shipment for the shipped quantities only, and the order 360 spans all five subgraphs", async () => {
    const {
      orderId,
      lineIds: [mug = "", tee = ""],
    } = await placeDemoOrder(gateway, [
      { sku: "MUG-1", quantity: 3, unitPrice: "19.99", taxRate: "20" },
      { sku: "TEE-M", quantity: 2, unitPrice: "12.50", taxRate: "7" },
    ]);
    const shipment = await confirmWhenKnown(gateway, {
      orderId,
      lines: [
        { lineId: mug, quantity: 2 },
        { lineId: tee, quantity: 1 },
      ],
      warehouse: "AMS1",
      carrier: "UPS",
      service: "Standard",
      trackingNumber: "1Z999AA10123456784",
      shippedAt: new Date().toISOString(),
      shippingCharge: "4.95",
    });
    expect(shipment.__typename).toBe("Shipment");

    const order = await waitFor(
      async () => {
        const current = await order360(orderId);
        return current?.invoices.edges.length && current.billingStatus === "PARTIALLY_BILLED"
          ? current
          : undefined;
      },
      { description: "the invoice to be issued and seen by orders" },
    );
    expect(order.customer.billingPolicy).toBe("ON_SHIPMENT");
    expect(order.fulfilmentStatus).toBe("PARTIALLY_SHIPPED");
    expect(order.total).toEqual({ amount: "84.97", currency: "EUR" });
    expect(
      order.lines.map((line) => [line.sku, line.shippedQuantity, line.invoicedQuantity]),
    ).toEqual([
      ["MUG-1", 2, 2],
      ["TEE-M", 1, 1],
    ]);
    // Inventory reserved 3 + 2 units on placement; the shipment took 2 mugs and 1 shirt off the shelf.
    const stocked = await waitFor(
      async () => {
        const current = await order360(orderId);
        return current?.lines[0]?.product.onHand === 23 && current.lines[1]?.product.onHand === 24
          ? current
          : undefined;
      },
      { description: "inventory to take the shipped units off hand" },
    );
    expect(stocked.lines.map((line) => line.product)).toMatchObject([
      {
        name: "Mug",
        onHand: 23,
        stock: [{ warehouse: "AMS1", onHand: 23, reserved: 1, available: 22 }],
      },
      {
        name: "T-shirt M",
        onHand: 24,
        stock: [{ warehouse: "AMS1", onHand: 24, reserved: 1, available: 23 }],
      },
    ]);

    const [invoice] = nodes(order.invoices);
    expect(nodes(order.invoices)).toHaveLength(1);
    expect(invoice?.status).toBe("ISSUED");
    expect(invoice?.number).toMatch(/^INV-\d{4}-\d{6}$/);
    // 2 x 19.99 = 39.98 (+7.996 -> 8.00 tax); 1 x 12.50 (+0.875 -> 0.88 tax); shipping 4.95 at 20 % (0.99)
    expect(
      invoice?.lines.map((line) => [line.quantity, line.netAmount.amount, line.taxAmount.amount]),
    ).toEqual([
      [2, "39.98", "8.00"],
      [1, "12.50", "0.88"],
    ]);
    expect(invoice?.subtotal.amount).toBe("57.43");
    expect(invoice?.taxTotal.amount).toBe("9.87");
    expect(invoice?.total).toEqual({ amount: "67.30", currency: "EUR" });
    expect(invoice?.shipment.trackingNumber).toBe("1Z999AA10123456784");
    expect(nodes(order.shipments)[0]?.invoice?.number).toBe(invoice?.number);
    expect(nodes(order.returns)).toEqual([]);
    expect(nodes(order.timeline).map((entry) => entry.kind)).toEqual([
      "ORDER_PLACED",
      "SHIPMENT_CONFIRMED",
      "INVOICE_ISSUED",
    ]);

    // What subscribers hear: the order's statuses after each change, revisions without gaps...
    const updates = await waitFor(
      async () => {
        const told = (await toldSoFar(system.natsUrl, "orders.order.updated")).filter(
          (data) => data.orderId === orderId,
        );
        return told.length >= 3 ? told : undefined;
      },
      { description: "orders to tell the invoiced order's statuses on its stream" },
    );
    expect(
      updates.map((data) => [data.fulfilmentStatus, data.billingStatus, data.revision]),
    ).toEqual([
      ["UNFULFILLED", "NOT_BILLED", 1],
      ["PARTIALLY_SHIPPED", "NOT_BILLED", 2],
      ["PARTIALLY_SHIPPED", "PARTIALLY_BILLED", 3],
    ]);
    // ...and each warehouse's stock after the receipt, the reservation and the shipment.
    const levels = await waitFor(
      async () => {
        const told = await toldSoFar(system.natsUrl, "inventory.stock_level.changed");
        const mugs = told.filter((data) => data.sku === "MUG-1" && data.warehouse === "AMS1");
        return mugs.at(-1)?.onHand === 23 ? mugs : undefined;
      },
      { description: "inventory to tell the mugs' stock level after the shipment" },
    );
    expect(
      levels.map((data) => [data.onHand, data.reserved, data.available, data.revision]),
    ).toEqual([
      [25, 0, 25, 1],
      [25, 3, 22, 2],
      [23, 1, 22, 3],
    ]);
  });

  it("refuses over-shipping with a typed error and writes nothing", async () => {
    const {
      orderId,
      lineIds: [lineId = ""],
    } = await placeDemoOrder(gateway, [
      { sku: "MUG-1", quantity: 2, unitPrice: "19.99", taxRate: "20" },
    ]);
    const base = {
      orderId,
      warehouse: "AMS1",
      carrier: "DHL",
      service: "Express",
      trackingNumber: "JD014600006281234567",
      shippedAt: new Date().toISOString(),
      shippingCharge: "0",
    };
    const first = await confirmWhenKnown(gateway, {
      ...base,
      lines: [{ lineId, quantity: 1 }],
    });
    expect(first.__typename).toBe("Shipment");
    const { confirmShipment } = await execute(gateway, CONFIRM_SHIPMENT, {
      input: { ...base, lines: [{ lineId, quantity: 2 }] },
    });
    expect(confirmShipment).toMatchObject({
      __typename: "QuantityExceedsOrderedError",
      code: "QUANTITY_EXCEEDS_ORDERED",
      ordered: 2,
      alreadyShipped: 1,
      requested: 2,
    });
    for (const quantity of [0, -1]) {
      const { confirmShipment: invalid } = await execute(gateway, CONFIRM_SHIPMENT, {
        input: { ...base, lines: [{ lineId, quantity }] },
      });
      expect(invalid).toMatchObject({
        __typename: "InvalidShipmentError",
        code: "INVALID_SHIPMENT",
      });
    }
    const order = await order360(orderId);
    expect(order?.shipments.edges).toHaveLength(1);
  });

  it("surfaces errors with codes: bad variables, bad arguments in a subgraph, unknown orders", async () => {
    const wrongType = await request(gateway, print(CONFIRM_SHIPMENT), { input: { orderId: 42 } });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");

    const badPage = await request(gateway, "{ orders(first: 0) { edges { node { id } } } }");
    expect(badPage.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(badPage.errors?.[0]?.message).toMatch(/first must be between/);

    const unknown = await execute<{ order: null }>(gateway, '{ order(id: "ord_missing") { id } }');
    expect(unknown.order).toBeNull();

    const notJson = await fetch(gateway, {
      method: "POST",
      headers: { ...credentialHeaders(gateway), "content-type": "text/plain" },
      body: "{}",
    });
    expect(notJson.status).toBe(415);
  });

  it("carries the caller's correlation id from the request through events into billing's logs", async () => {
    const {
      orderId,
      lineIds: [lineId = ""],
    } = await placeDemoOrder(gateway, [
      { sku: "MUG-1", quantity: 1, unitPrice: "19.99", taxRate: "20" },
    ]);
    const input = {
      orderId,
      lines: [{ lineId, quantity: 1 }],
      warehouse: "AMS1",
      carrier: "PostNL",
      service: "Parcel",
      trackingNumber: "3SABCD1234567",
      shippedAt: new Date().toISOString(),
      shippingCharge: "0",
    };
    // An empty shipment is refused once the order is known, and writes nothing: a safe probe.
    await confirmWhenKnown(gateway, { ...input, lines: [] });
    const correlationId = `corr-${orderId.slice(-12)}`;
    const response = await request(
      gateway,
      CONFIRM_SHIPMENT,
      { input },
      { "x-correlation-id": correlationId },
    );
    expect(response.headers.get("x-correlation-id")).toBe(correlationId);
    expect(response.data?.confirmShipment.__typename).toBe("Shipment");
    const issued = await waitFor(
      () =>
        system.logs.find(
          ({ process, line }) =>
            process === "billing" &&
            line.includes('"invoice issued"') &&
            line.includes(correlationId),
        ),
      { description: "billing to log the invoice with the request's correlation id" },
    );
    expect(JSON.parse(issued.line)).toMatchObject({ correlationId, msg: "invoice issued" });
  });
});
