import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@waybill/devtools";
import { ORDER_RESERVATIONS, RECEIVE_STOCK } from "../documents/inventory.ts";
import { execute, nodes } from "../support/graphql.ts";
import {
  productStock,
  reservationsOf,
  stockedProduct,
  type ProductStock,
  type Reservation,
} from "../support/inventory.ts";
import {
  cancelOrder,
  cancelOrderLine,
  createCustomer,
  placeWhenSkusKnown,
} from "../support/orders.ts";
import { confirmWhenKnown } from "../support/shipments.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;
let gateway: string;
let customerId: string;

beforeAll(async () => {
  system = await startTestSystem();
  gateway = system.gatewayUrl;
  customerId = await createCustomer(gateway);
});

afterAll(async () => {
  await system?.dispose();
});

function expectNothingNegative(product: ProductStock): void {
  for (const level of product.stock) {
    expect(level.onHand).toBeGreaterThanOrEqual(0);
    expect(level.reserved).toBeGreaterThanOrEqual(0);
    expect(level.available).toBeGreaterThanOrEqual(0);
    expect(level.reserved).toBeLessThanOrEqual(level.onHand);
  }
}

const sum = (reservations: Reservation[], field: "reserved" | "backordered") =>
  reservations.reduce((total, reservation) => total + reservation[field], 0);

/** Each order's single reservation, once inventory has processed every order. */
async function reservationsOfAll(orderIds: string[]): Promise<Reservation[]> {
  return waitFor(
    async () => {
      const all = await Promise.all(orderIds.map((id) => reservationsOf(gateway, id)));
      return all.every((found) => found.length === 1) ? all.flat() : undefined;
    },
    { description: "inventory to reserve every order", timeoutMs: 60_000, intervalMs: 200 },
  );
}

describe("reservations through the gateway", () => {
  it("never oversells when twelve orders race for five units, then fills backorders oldest first and ships", async () => {
    await stockedProduct(gateway, "RACE-1", { AMS1: 3, BER1: 2 });
    // Orders learns SKUs from inventory's events in order: once it knows this later one, it knows RACE-1.
    await stockedProduct(gateway, "RACE-PROBE", {});
    await placeWhenSkusKnown(gateway, customerId, [{ sku: "RACE-PROBE", quantity: 1 }]);

    const orders = await Promise.all(
      Array.from({ length: 12 }, () =>
        placeWhenSkusKnown(gateway, customerId, [{ sku: "RACE-1", quantity: 1 }]),
      ),
    );
    const orderIds = orders.map((order) => order.orderId);
    const reservations = await reservationsOfAll(orderIds);
    expect([sum(reservations, "reserved"), sum(reservations, "backordered")]).toEqual([5, 7]);
    const raced = await productStock(gateway, "RACE-1");
    expect(raced).toMatchObject({ onHand: 5, reserved: 5, available: 0, backordered: 7 });
    expectNothingNegative(raced);

    // The order 360 sees the same through the federated Order.reservations.
    const { order } = await execute(gateway, ORDER_RESERVATIONS, { id: orderIds[0] ?? "" });
    expect(order?.reservations).toEqual(await reservationsOf(gateway, orderIds[0] ?? ""));

    // Three more arrive: the three oldest backorders get them.
    const backordered = orderIds.filter((_, i) => reservations[i]?.backordered === 1);
    await execute(gateway, RECEIVE_STOCK, {
      input: { sku: "RACE-1", warehouse: "CDG1", quantity: 3 },
    });
    const refilled = await waitFor(
      async () => {
        const product = await productStock(gateway, "RACE-1");
        return product.backordered === 4 ? product : undefined;
      },
      { description: "backorders to be filled" },
    );
    expect(refilled).toMatchObject({ onHand: 8, reserved: 8, available: 0 });
    const placedAt = async (id: string) => {
      const data = await execute(gateway, ORDER_RESERVATIONS, { id });
      return {
        at: Date.parse(data.order?.placedAt ?? ""),
        reservation: data.order?.reservations[0],
      };
    };
    const waiting = await Promise.all(backordered.map(placedAt));
    const filled = waiting.filter((entry) => entry.reservation?.reserved === 1);
    const still = waiting.filter((entry) => entry.reservation?.backordered === 1);
    expect([filled.length, still.length]).toEqual([3, 4]);
    expect(Math.max(...filled.map((entry) => entry.at))).toBeLessThanOrEqual(
      Math.min(...still.map((entry) => entry.at)),
    );

    // A shipment from the reserved warehouse consumes that reservation and lowers on hand.
    const shippedIndex = reservations.findIndex((reservation) => reservation.reserved === 1);
    const shipped = orders[shippedIndex];
    const warehouse = reservations[shippedIndex]?.allocations[0]?.warehouse;
    const shipment = await confirmWhenKnown(gateway, {
      orderId: shipped?.orderId ?? "",
      warehouse: warehouse ?? "",
      lines: [{ lineId: shipped?.lineIds[0] ?? "", quantity: 1 }],
      carrier: "UPS",
      service: "Standard",
      trackingNumber: "1Z999AA10123456784",
      shippedAt: new Date().toISOString(),
      shippingCharge: "0",
    });
    expect(shipment.__typename).toBe("Shipment");
    const afterShipment = await waitFor(
      async () => {
        const [line] = await reservationsOf(gateway, shipped?.orderId ?? "");
        return line?.status === "FULFILLED" ? productStock(gateway, "RACE-1") : undefined;
      },
      { description: "inventory to consume the shipped reservation" },
    );
    expect(afterShipment).toMatchObject({ onHand: 7, reserved: 7, available: 0, backordered: 4 });
    expect(afterShipment.stock.find((level) => level.warehouse === warehouse)).toMatchObject({
      available: 0,
    });
    expect(nodes(afterShipment.movements)[0]).toMatchObject({
      kind: "SHIPMENT",
      warehouse,
      quantity: 1,
      reference: "id" in shipment ? shipment.id : null,
    });
    expectNothingNegative(afterShipment);
  });

  it("releases cancelled lines and orders, giving the stock to the oldest backorder", async () => {
    await stockedProduct(gateway, "CANCEL-1", { AMS1: 2 });
    await stockedProduct(gateway, "CANCEL-2", { AMS1: 1 });
    const first = await placeWhenSkusKnown(gateway, customerId, [
      { sku: "CANCEL-1", quantity: 2 },
      { sku: "CANCEL-2", quantity: 1 },
    ]);
    await waitFor(async () => (await reservationsOf(gateway, first.orderId)).length === 2, {
      description: "inventory to reserve the first order",
    });
    const second = await placeWhenSkusKnown(gateway, customerId, [
      { sku: "CANCEL-1", quantity: 1 },
    ]);
    const [waiting] = await reservationsOfAll([second.orderId]);
    expect(waiting).toMatchObject({ reserved: 0, backordered: 1 });

    const reason = "customer request";
    const statusOf = async (orderId: string) =>
      (await reservationsOf(gateway, orderId)).map((line) => line.status);

    const lineId = first.lineIds[1] ?? "";
    expect(
      (await cancelOrderLine(gateway, { orderId: first.orderId, lineId, reason })).__typename,
    ).toBe("Order");
    await waitFor(async () => (await statusOf(first.orderId))[1] === "CANCELLED", {
      description: "inventory to release the cancelled line",
    });
    expect(await productStock(gateway, "CANCEL-2")).toMatchObject({ reserved: 0, available: 1 });

    expect((await cancelOrder(gateway, { orderId: first.orderId, reason })).__typename).toBe(
      "Order",
    );
    const released = await waitFor(
      async () => {
        const found = await reservationsOf(gateway, first.orderId);
        return found[0]?.status === "CANCELLED" ? found : undefined;
      },
      { description: "inventory to release the cancelled order" },
    );
    expect(released[0]).toMatchObject({ reserved: 0, backordered: 0, allocations: [] });
    expect(await reservationsOf(gateway, second.orderId)).toMatchObject([
      { reserved: 1, backordered: 0 },
    ]);
    const product = await productStock(gateway, "CANCEL-1");
    expect(product).toMatchObject({ onHand: 2, reserved: 1, available: 1, backordered: 0 });
    expect(
      nodes(product.movements).filter((movement) => movement.kind === "RELEASE"),
    ).toMatchObject([{ quantity: 2, reference: first.orderId }]);
  });
});
