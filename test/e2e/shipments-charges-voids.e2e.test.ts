import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@waybill/devtools";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { ORDER_RETURNS_VIEW } from "../documents/order-returns.ts";
import { CONFIRM_SHIPMENT } from "../documents/shipments.ts";
import {
  RECORD_CARRIER_CHARGE,
  SHIPMENT_CHARGES,
  VOID_SHIPMENT,
} from "../documents/shipment-charges-voids.ts";
import { execute, nodes, request } from "../support/graphql.ts";
import { placeDemoOrder } from "../support/orders.ts";
import { confirmWhenKnown, milestone } from "../support/shipments.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;
let gateway: string;

beforeAll(async () => {
  system = await startTestSystem();
  gateway = system.gatewayUrl;
  await execute(gateway, CREATE_PRODUCT, {
    sku: "CRATE-1",
    name: "Crate",
    warehouse: "AMS1",
    quantity: 50,
  });
});

afterAll(async () => {
  await system?.dispose();
});

/** An order of `quantity` crates and one shipment of all of them; its line and the shipment. */
async function shippedOrder(quantity: number) {
  const { orderId, lineIds } = await placeDemoOrder(gateway, [
    { sku: "CRATE-1", quantity, unitPrice: "10.00", taxRate: "20" },
  ]);
  const lineId = lineIds[0] ?? "";
  const input = shipping(orderId, lineId, quantity);
  const shipment = await confirmWhenKnown(gateway, input);
  if (shipment.__typename !== "Shipment") throw new Error(JSON.stringify(shipment));
  return { orderId, lineId, shipmentId: shipment.id };
}

const shipping = (orderId: string, lineId: string, quantity: number) => ({
  orderId,
  warehouse: "AMS1",
  lines: [{ lineId, quantity }],
  carrier: "DHL",
  service: "Express",
  trackingNumber: `JD${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
  shippedAt: new Date().toISOString(),
  shippingCharge: "4.95",
});

const charge = async (
  shipmentId: string,
  carrierChargeId: string,
  amount: string,
  type: "LIFTGATE" | "FUEL" | "LABEL_CORRECTION" = "LIFTGATE",
) =>
  (
    await execute(gateway, RECORD_CARRIER_CHARGE, {
      input: { shipmentId, carrierChargeId, type, amount, description: "tail lift" },
    })
  ).recordCarrierCharge;

const read = async (id: string) => {
  const { shipment } = await execute(gateway, SHIPMENT_CHARGES, { id });
  if (!shipment) throw new Error(`shipment ${id} not found`);
  return { ...shipment, charges: nodes(shipment.charges) };
};

const voiding = async (shipmentId: string, reason = "customer changed the address") =>
  (await execute(gateway, VOID_SHIPMENT, { input: { shipmentId, reason } })).voidShipment;

describe("carrier charges through the gateway", () => {
  it("records a charge once per carrier charge id and sums the shipment's fulfilment cost", async () => {
    const { shipmentId } = await shippedOrder(2);
    const first = await charge(shipmentId, "LG-1", "12.50");
    const again = await charge(shipmentId, "LG-1", "12.50");
    expect(first).toMatchObject({
      __typename: "CarrierCharge",
      carrierChargeId: "LG-1",
      amount: { amount: "12.50", currency: "EUR" },
      shipment: { fulfilmentCost: { amount: "12.50", currency: "EUR" } },
    });
    expect(again).toMatchObject({ __typename: "CarrierCharge" });
    expect(again.__typename === "CarrierCharge" && again.id).toBe(
      first.__typename === "CarrierCharge" && first.id,
    );
    const correction = await charge(shipmentId, "LC-7", "3.05", "LABEL_CORRECTION");
    expect(correction).toMatchObject({
      shipment: { fulfilmentCost: { amount: "15.55" } },
    });

    const shipment = await read(shipmentId);
    expect(shipment.fulfilmentCost).toEqual({ amount: "15.55", currency: "EUR" });
    expect(shipment.charges.map((c) => [c.carrierChargeId, c.type, c.amount.amount])).toEqual([
      ["LG-1", "LIFTGATE", "12.50"],
      ["LC-7", "LABEL_CORRECTION", "3.05"],
    ]);
  });

  it("refuses a reused charge id and bad input with codes, writing nothing", async () => {
    const { shipmentId } = await shippedOrder(1);
    await charge(shipmentId, "FU-1", "2.00", "FUEL");
    expect(await charge(shipmentId, "FU-1", "2.50", "FUEL")).toMatchObject({
      code: "CHARGE_ID_REUSED",
      field: "carrierChargeId",
    });
    expect(await charge(shipmentId, "FU-1", "2.00", "LIFTGATE")).toMatchObject({
      code: "CHARGE_ID_REUSED",
    });
    for (const amount of ["0", "-1.00", "1.005", "1e2", "ten"])
      expect(await charge(shipmentId, `BAD-${amount}`, amount)).toMatchObject({
        code: "INVALID_AMOUNT",
        field: "amount",
      });
    expect(await charge(shipmentId, "   ", "1.00")).toMatchObject({ field: "carrierChargeId" });
    expect(await charge("shp_missing", "X-1", "1.00")).toMatchObject({
      __typename: "UnknownShipmentError",
      code: "UNKNOWN_SHIPMENT",
    });
    // An enum value the schema does not know never reaches the service.
    const unknownType = await request(
      gateway,
      `mutation { recordCarrierCharge(input: { shipmentId: "${shipmentId}", carrierChargeId: "Z", type: PARKING, amount: "1.00" }) { __typename } }`,
    );
    expect(unknownType.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");

    const shipment = await read(shipmentId);
    expect(shipment.charges.map((c) => c.carrierChargeId)).toEqual(["FU-1"]);
    expect(shipment.fulfilmentCost.amount).toBe("2.00");
  });
});

describe("voiding a shipment through the gateway", () => {
  it("voids a label before pickup, once, and lets its quantity ship again", async () => {
    const { orderId, lineId, shipmentId } = await shippedOrder(3);
    // Everything shipped: nothing is left.
    const refused = await execute(gateway, CONFIRM_SHIPMENT, {
      input: shipping(orderId, lineId, 3),
    });
    expect(refused.confirmShipment).toMatchObject({ code: "QUANTITY_EXCEEDS_ORDERED" });
    expect(await milestone(gateway, shipmentId, "LABEL_CREATED", new Date())).toMatchObject({
      __typename: "Shipment",
    });

    const voided = await voiding(shipmentId);
    expect(voided).toMatchObject({
      __typename: "Shipment",
      status: "VOIDED",
      voidReason: "customer changed the address",
    });
    expect(voided.__typename === "Shipment" && voided.voidedAt).toBeTruthy();
    // Again: the same answer, still voided.
    expect(await voiding(shipmentId, "again")).toMatchObject({
      status: "VOIDED",
      voidReason: "customer changed the address",
    });

    // Orders hears of it: the voided units are no longer shipped.
    const order = await waitFor(
      async () => {
        const { order: found } = await execute(gateway, ORDER_RETURNS_VIEW, { id: orderId });
        const voidedEntry = nodes(found?.timeline ?? { edges: [] }).find(
          (entry) => entry.kind === "SHIPMENT_VOIDED",
        );
        return voidedEntry && found;
      },
      { description: "orders to hear of the void", timeoutMs: 30_000, intervalMs: 100 },
    );
    expect(order.lines.map((line) => line.shippedQuantity)).toEqual([0]);
    expect(order.fulfilmentStatus).toBe("UNFULFILLED");

    const reshipped = await execute(gateway, CONFIRM_SHIPMENT, {
      input: shipping(orderId, lineId, 3),
    });
    expect(reshipped.confirmShipment).toMatchObject({ __typename: "Shipment", status: "SHIPPED" });

    // A voided shipment takes no charges and its late milestones do not move it.
    expect(await charge(shipmentId, "LATE-1", "1.00")).toMatchObject({ code: "SHIPMENT_VOIDED" });
    expect(await milestone(gateway, shipmentId, "PICKED_UP", new Date())).toMatchObject({
      status: "VOIDED",
    });
    expect((await read(shipmentId)).status).toBe("VOIDED");
  });

  it("refuses a void once the carrier has picked the shipment up, and bad input, writing nothing", async () => {
    const { shipmentId } = await shippedOrder(1);
    expect(await voiding(shipmentId, "   ")).toMatchObject({
      __typename: "InvalidShipmentError",
      field: "reason",
    });
    expect(await voiding("shp_missing")).toMatchObject({ code: "UNKNOWN_SHIPMENT" });
    expect((await read(shipmentId)).status).toBe("SHIPPED");

    await milestone(gateway, shipmentId, "PICKED_UP", new Date());
    expect(await voiding(shipmentId)).toMatchObject({
      __typename: "ShipmentNotVoidableError",
      code: "SHIPMENT_ALREADY_PICKED_UP",
      status: "IN_TRANSIT",
    });
    expect((await read(shipmentId)).status).toBe("IN_TRANSIT");
  });
});
