// The repository's queries and upserts, against the embedded store.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestStore, type TestStore } from "@waybill/devtools";
import type { Session } from "@waybill/store";
import { shipmentsCollections } from "../src/store/collections.ts";
import type { ParkedMilestoneRecord, ShipmentRecord } from "../src/store/records.ts";
import {
  prepareShipmentsStore,
  shipmentsRepository,
  type ShipmentsRepository,
} from "../src/store/repository.ts";

let opened: TestStore;
let repo: ShipmentsRepository;

beforeEach(async () => {
  opened = await openTestStore("shipments");
  await prepareShipmentsStore(opened.store);
  repo = shipmentsRepository(opened.store);
});

afterEach(async () => {
  await opened.close();
});

const minute = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n));
const inTransaction = <R>(fn: (session: Session) => Promise<R>) => opened.store.withTransaction(fn);

function parked(id: string, trackingKey: string, parkedAt: Date): ParkedMilestoneRecord {
  return {
    _id: id,
    carrier: "DHL",
    trackingNumber: trackingKey,
    trackingKey,
    parkedAt,
    report: {
      id: `mst_${id}`,
      type: "IN_TRANSIT",
      occurredAt: parkedAt,
      location: null,
      detail: null,
      signedBy: null,
      photoReference: null,
      reasonCode: null,
      deliveredQuantity: null,
    },
  };
}

describe("parked milestones", () => {
  beforeEach(async () => {
    await inTransaction(async (session) => {
      await repo.parkMilestone(parked("p3", "dhl:1", minute(3)), session);
      await repo.parkMilestone(parked("p1", "dhl:1", minute(1)), session);
      await repo.parkMilestone(parked("p2", "dhl:2", minute(2)), session);
    });
  });

  it("lists oldest first up to the page size, and finds those of a tracking key", async () => {
    const ids = (records: ParkedMilestoneRecord[]) => records.map((record) => record._id).sort();
    // One more than the page size tells that more follow.
    expect((await repo.parkedPage({ first: 1, after: null })).map((record) => record._id)).toEqual([
      "p1",
      "p2",
    ]);
    expect(ids(await inTransaction((session) => repo.parkedFor("dhl:1", session)))).toEqual([
      "p1",
      "p3",
    ]);
  });

  it("unparks one milestone", async () => {
    expect(await inTransaction((session) => repo.unpark("p1", session))).toBe(1);
    expect((await repo.parkedPage({ first: 10, after: null })).map((record) => record._id)).toEqual(
      ["p2", "p3"],
    );
  });
});

describe("the order projection", () => {
  const order = {
    _id: "ord_1",
    customerId: "cus_1",
    currency: "EUR",
    lines: [{ lineId: "l1", sku: "MUG-1", quantity: 2, cancelled: 0 }],
  };

  it("is created by the first recording, replaced by the next, and its lines saved alone", async () => {
    await inTransaction((session) => repo.recordOrder(order, session));
    await inTransaction((session) => repo.recordOrder({ ...order, currency: "USD" }, session));
    const cancelled = [{ lineId: "l1", sku: "MUG-1", quantity: 2, cancelled: 1 }];
    await inTransaction((session) => repo.saveOrderLines("ord_1", cancelled, session));
    expect(await inTransaction((session) => repo.findOrder("ord_1", session))).toEqual({
      ...order,
      currency: "USD",
      lines: cancelled,
    });
    expect(await shipmentsCollections(opened.store).orders.countDocuments({})).toBe(1);
  });
});

describe("shipments", () => {
  const DAY = 24 * 60 * 60 * 1000;
  const shipped = (id: string, orderId: string, shippedAt: Date): ShipmentRecord => ({
    _id: id,
    orderId,
    customerId: "cus_1",
    warehouse: "AMS1",
    lines: [{ lineId: "l1", sku: "MUG-1", quantity: 1 }],
    carrier: "DHL",
    service: "express",
    trackingNumber: "1",
    trackingKey: "dhl:1",
    shippedAt,
    shippingCharge: 0,
    currency: "EUR",
    status: "SHIPPED",
    milestones: [],
    confirmedAt: shippedAt,
  });

  it("matches a recycled tracking number to the latest shipment within the window", async () => {
    const now = minute(0).getTime();
    await inTransaction(async (session) => {
      await repo.addShipment(shipped("s_old", "o1", new Date(now - 90 * DAY)), session);
      await repo.addShipment(shipped("s_new", "o2", new Date(now - 5 * DAY)), session);
      await repo.addShipment(shipped("s_o2", "o2", new Date(now - 4 * DAY)), session);
    });
    const match = (at: number) =>
      inTransaction((session) => repo.byTracking("dhl:1", new Date(at), session));
    expect((await match(now))?._id).toBe("s_o2");
    expect((await match(now - 85 * DAY))?._id).toBe("s_old");
    expect(await match(now - 200 * DAY)).toBeNull();
    const ofOrder = await inTransaction((session) => repo.shipmentsOfOrder("o2", session));
    expect(ofOrder.map((shipment) => shipment._id).sort()).toEqual(["s_new", "s_o2"]);
  });

  it("saves milestones and status together", async () => {
    await inTransaction((session) => repo.addShipment(shipped("s1", "o1", minute(0)), session));
    const milestone = {
      ...parked("p", "dhl:1", minute(5)).report,
      recordedAt: minute(6),
      late: false,
    };
    await inTransaction((session) => repo.saveMilestones("s1", [milestone], "IN_TRANSIT", session));
    expect(await inTransaction((session) => repo.findShipment("s1", session))).toMatchObject({
      status: "IN_TRANSIT",
      milestones: [milestone],
    });
  });
});
