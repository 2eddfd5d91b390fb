// Charges and voids in the shipments store, against the embedded store.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestStore, type TestStore } from "@waybill/devtools";
import { isDuplicateKeyError } from "@waybill/store";
import type { CarrierChargeRecord, ShipmentRecord } from "../src/store/records.ts";
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

const day = (n: number) => new Date(Date.UTC(2026, 0, n));

const shipment = (id: string, shippedAt: Date): ShipmentRecord => ({
  _id: id,
  orderId: "ord_1",
  customerId: "cus_1",
  warehouse: "AMS1",
  lines: [{ lineId: "l1", sku: "MUG", quantity: 1 }],
  carrier: "DHL",
  service: "Express",
  trackingNumber: "JD1",
  trackingKey: "dhl:JD1",
  shippedAt,
  shippingCharge: 495,
  currency: "EUR",
  status: "SHIPPED",
  milestones: [],
  confirmedAt: shippedAt,
});

const charge = (id: string, chargeKey: string): CarrierChargeRecord => ({
  _id: id,
  chargeKey,
  shipmentId: "shp_1",
  carrier: "DHL",
  carrierChargeId: "C-1",
  type: "FUEL",
  amount: 100,
  currency: "EUR",
  description: null,
  recordedAt: day(2),
});

describe("voided shipments and carrier charges in the store", () => {
  it("never matches a carrier's tracking number to a voided shipment", async () => {
    await opened.store.withTransaction(async (session) => {
      await repo.addShipment(shipment("shp_old", day(1)), session);
      await repo.addShipment(shipment("shp_new", day(2)), session);
      await repo.saveVoid("shp_new", { voidedAt: day(3), voidReason: "relabelled" }, session);
    });
    const found = await opened.store.withTransaction((session) =>
      repo.byTracking("dhl:JD1", day(4), session),
    );
    expect(found?._id).toBe("shp_old");
  });

  it("records a carrier's charge id once, even when two requests race past the lookup", async () => {
    await opened.store.withTransaction((session) =>
      repo.addCharge(charge("chg_1", "dhl:C-1"), session),
    );
    const second = opened.store.withTransaction((session) =>
      repo.addCharge(charge("chg_2", "dhl:C-1"), session),
    );
    await expect(second).rejects.toSatisfy(isDuplicateKeyError);
    await opened.store.withTransaction((session) =>
      repo.addCharge(charge("chg_3", "ups:C-1"), session),
    );
    expect(await opened.store.collection("carrier_charges").countDocuments({})).toBe(2);
  });
});
