import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@waybill/devtools";
import { SHIPMENT_CARRIER_MILESTONES } from "../documents/shipments.ts";
import { postAfterShip, postEasyPost, postShopifyFulfillment } from "../support/carriers.ts";
import { execute, nodes } from "../support/graphql.ts";
import { createCatalog, placeDemoOrder } from "../support/orders.ts";
import { confirmWhenKnown } from "../support/shipments.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

// Carriers post milestones in their own formats to the gateway, which relays them to the
// integrations service; each test says which documentation its payloads follow.
const SECRETS = {
  AFTERSHIP_WEBHOOK_SECRET: "e2e-aftership-secret-0123456789",
  EASYPOST_WEBHOOK_SECRET: "e2e-easypost-secret-0123456789",
  SHOPIFY_WEBHOOK_SECRET: "e2e-shopify-secret-0123456789",
};
let system: TestSystem;
let gateway: string;

beforeAll(async () => {
  // Milestones are stamped minutes after their shipment, which ships now: allow that lead.
  system = await startTestSystem({ ...SECRETS, CLOCK_SKEW_SECONDS: "3600" });
  gateway = system.gatewayUrl;
  await createCatalog(gateway);
});

afterAll(async () => {
  await system?.dispose();
});

const minutesOn = (minutes: number) => new Date(Date.now() + minutes * 60_000);
const unique = (prefix: string) =>
  `${prefix}${Math.random().toString(36).slice(2, 12).toUpperCase()}`;

/** Ships one mug of a new order with `carrier` and `trackingNumber`, now. */
async function shipped(carrier: string, trackingNumber: string): Promise<string> {
  const { orderId, lineIds } = await placeDemoOrder(gateway, [
    { sku: "MUG-1", quantity: 1, unitPrice: "19.99", taxRate: "20" },
  ]);
  const shipment = await confirmWhenKnown(gateway, {
    orderId,
    warehouse: "AMS1",
    lines: [{ lineId: lineIds[0] ?? "", quantity: 1 }],
    carrier,
    service: "Standard",
    trackingNumber,
    shippedAt: new Date().toISOString(),
    shippingCharge: "4.95",
  });
  if (shipment.__typename !== "Shipment") throw new Error(`not shipped: ${shipment.__typename}`);
  return shipment.id;
}

const shipmentView = async (id: string) => {
  const { shipment } = await execute(gateway, SHIPMENT_CARRIER_MILESTONES, { id });
  if (!shipment) throw new Error(`no shipment ${id}`);
  return { ...shipment, milestones: nodes(shipment.milestones) };
};

/** The shipment once it has `count` milestones. */
const withMilestones = (id: string, count: number) =>
  waitFor(
    async () => {
      const view = await shipmentView(id);
      return view.milestones.length >= count ? view : undefined;
    },
    { description: `${count} milestones on ${id}` },
  );

describe("carrier formats in, through the gateway", () => {
  it("AfterShip (webhook-specifications 2025-01): an exception with its reason code, then delivery with the signer; the same event twice is one milestone", async () => {
    const trackingNumber = unique("1Z");
    const shipmentId = await shipped("UPS", trackingNumber);
    const base = { slug: "ups", trackingNumber };

    const exception = await postAfterShip(gateway, SECRETS.AFTERSHIP_WEBHOOK_SECRET, {
      ...base,
      eventId: "5e0f3d1c-0b7e-4c55-8f43-9d7c2b1a0e01",
      tag: "Exception",
      subtag: "Exception_004",
      at: minutesOn(10),
    });
    expect(exception).toMatchObject({ status: 200, body: { outcome: "MILESTONE_RECORDED" } });

    const deliveredUpdate = {
      ...base,
      eventId: "5e0f3d1c-0b7e-4c55-8f43-9d7c2b1a0e02",
      tag: "Delivered",
      subtag: "Delivered_001",
      at: minutesOn(20),
      signedBy: "J. DE VRIES",
    };
    const delivered = await postAfterShip(
      gateway,
      SECRETS.AFTERSHIP_WEBHOOK_SECRET,
      deliveredUpdate,
    );
    expect(delivered).toMatchObject({
      status: 200,
      body: { outcome: "MILESTONE_RECORDED", milestones: ["DELIVERED", "PROOF_OF_DELIVERY"] },
    });
    const again = await postAfterShip(gateway, SECRETS.AFTERSHIP_WEBHOOK_SECRET, deliveredUpdate);
    expect(again).toMatchObject({ status: 200, body: { outcome: "DUPLICATE" } });

    const view = await withMilestones(shipmentId, 3);
    expect(view.status).toBe("DELIVERED");
    expect(
      view.milestones.map(({ type, reasonCode, signedBy }) => ({ type, reasonCode, signedBy })),
    ).toEqual([
      { type: "EXCEPTION", reasonCode: "Exception_004", signedBy: null },
      { type: "DELIVERED", reasonCode: null, signedBy: null },
      { type: "PROOF_OF_DELIVERY", reasonCode: null, signedBy: "J. DE VRIES" },
    ]);
    expect(view.proofOfDelivery?.signedBy).toBe("J. DE VRIES");

    const forged = await postAfterShip(
      gateway,
      SECRETS.AFTERSHIP_WEBHOOK_SECRET,
      { ...deliveredUpdate, eventId: "5e0f3d1c-0b7e-4c55-8f43-9d7c2b1a0e03" },
      "Zm9yZ2Vk",
    );
    expect(forged).toMatchObject({ status: 401, body: { error: { code: "INVALID_SIGNATURE" } } });
    expect((await shipmentView(shipmentId)).milestones).toHaveLength(3);
  });

  it("EasyPost (events, trackers, webhooks guide): a return to sender for a parcel not shipped yet is parked, then lands on the shipment with that carrier and number", async () => {
    const trackingCode = unique("9400");
    const parked = await postEasyPost(gateway, SECRETS.EASYPOST_WEBHOOK_SECRET, {
      id: `evt_${trackingCode}`,
      carrier: "USPS",
      trackingCode,
      status: "return_to_sender",
      statusDetail: "return",
      at: minutesOn(10),
    });
    expect(parked).toMatchObject({ status: 200, body: { outcome: "MILESTONE_PARKED" } });
    // The same number with another carrier is another parcel: it gets nothing.
    const other = await shipped("DHL", trackingCode);
    const shipmentId = await shipped("USPS", trackingCode);
    const view = await withMilestones(shipmentId, 1);
    expect(view.milestones).toMatchObject([
      { type: "RETURNED_TO_SENDER", location: "UTRECHT, 3511, NL" },
    ]);
    expect(view.status).toBe("RETURNED_TO_SENDER");
    expect((await shipmentView(other)).milestones).toEqual([]);
  });

  it("Shopify (REST Fulfillment and FulfillmentEvent): a fulfilment's ready_for_pickup event is AVAILABLE_FOR_PICKUP on the shipment its tracking number names", async () => {
    const trackingNumber = unique("JD");
    const shipmentId = await shipped("DHL", trackingNumber);
    const fulfillment = await postShopifyFulfillment(
      gateway,
      SECRETS.SHOPIFY_WEBHOOK_SECRET,
      "fulfillments/update",
      {
        id: 255858046,
        order_id: 450789469,
        status: "success",
        tracking_company: "DHL",
        tracking_number: trackingNumber,
        shipment_status: "in_transit",
        updated_at: minutesOn(10).toISOString(),
      },
    );
    expect(fulfillment).toMatchObject({ status: 200, body: { milestones: ["IN_TRANSIT"] } });
    const event = await postShopifyFulfillment(
      gateway,
      SECRETS.SHOPIFY_WEBHOOK_SECRET,
      "fulfillment_events/create",
      {
        id: 944956395,
        fulfillment_id: 255858046,
        order_id: 450789469,
        status: "ready_for_pickup",
        message: "Ready at DHL ServicePoint",
        happened_at: minutesOn(20).toISOString(),
        city: "Rotterdam",
        country: "Netherlands",
      },
    );
    expect(event).toMatchObject({ status: 200, body: { milestones: ["AVAILABLE_FOR_PICKUP"] } });
    const view = await withMilestones(shipmentId, 2);
    expect(view.milestones.map((m) => m.type)).toEqual(["IN_TRANSIT", "AVAILABLE_FOR_PICKUP"]);
    expect(view.status).toBe("AVAILABLE_FOR_PICKUP");
  });
});
