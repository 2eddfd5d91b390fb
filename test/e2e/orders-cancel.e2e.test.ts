import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@waybill/devtools";
import {
  cancelOrder,
  cancelOrderLine,
  createCatalog,
  ORDER_LINES,
  placeDemoOrder,
  serviceView,
} from "../support/orders.ts";
import { confirmWhenKnown, oneUnitShipment } from "../support/shipments.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;
let gateway: string;

beforeAll(async () => {
  system = await startTestSystem();
  gateway = system.gatewayUrl;
  await createCatalog(gateway);
});

afterAll(async () => {
  await system?.dispose();
});

describe("cancelling orders and lines", () => {
  it("cancels a whole order with nothing shipped, once", async () => {
    const { orderId } = await placeDemoOrder(gateway, ORDER_LINES);
    const cancelled = await cancelOrder(gateway, {
      orderId,
      reason: "customer changed their mind",
    });
    expect(cancelled).toMatchObject({ __typename: "Order", fulfilmentStatus: "CANCELLED" });
    expect(await cancelOrder(gateway, { orderId, reason: "again" })).toMatchObject({
      __typename: "AlreadyCancelledError",
      code: "ALREADY_CANCELLED",
    });
    const order = await serviceView(gateway, orderId);
    expect(order?.lines.map((line) => line.cancelledQuantity)).toEqual([3, 2]);
    expect(order?.timeline.edges.map(({ node }) => node.kind)).toEqual([
      "ORDER_PLACED",
      "ORDER_CANCELLED",
    ]);
  });

  it("refuses to cancel what has shipped, and cancels an unshipped line", async () => {
    const { orderId, lineIds } = await placeDemoOrder(gateway, ORDER_LINES);
    const [mug = "", tee = ""] = lineIds;
    const confirmed = await confirmWhenKnown(
      gateway,
      oneUnitShipment(orderId, mug, "JD0146000001"),
    );
    expect(confirmed.__typename).toBe("Shipment");
    await waitFor(
      async () => (await serviceView(gateway, orderId))?.lines[0]?.shippedQuantity === 1,
      { description: "orders to learn of the shipment" },
    );

    expect(await cancelOrder(gateway, { orderId, reason: "too late" })).toMatchObject({
      __typename: "CannotCancelShippedError",
      code: "CANNOT_CANCEL_SHIPPED",
      shippedQuantity: 1,
    });
    expect(
      await cancelOrderLine(gateway, { orderId, lineId: mug, reason: "too late" }),
    ).toMatchObject({
      __typename: "CannotCancelShippedError",
      lineId: mug,
      shippedQuantity: 1,
    });
    const cancelled = await cancelOrderLine(gateway, {
      orderId,
      lineId: tee,
      reason: "out of stock",
    });
    expect(cancelled).toMatchObject({ __typename: "Order", fulfilmentStatus: "PARTIALLY_SHIPPED" });
    const order = await serviceView(gateway, orderId);
    expect(order?.lines.map((line) => [line.cancelledQuantity, line.shippedQuantity])).toEqual([
      [0, 1],
      [2, 0],
    ]);
    expect(order?.timeline.edges.map(({ node }) => node.kind)).toContain("LINE_CANCELLED");
  });
});
