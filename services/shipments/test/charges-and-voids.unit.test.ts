import { describe, expect, it } from "vitest";
import { chargeDecision, chargeKeyOf, chargeReport } from "../src/domain/carrier-charge.ts";
import { shipmentLines } from "../src/domain/confirm.ts";
import { applyMilestone } from "../src/domain/status-machine.ts";
import { voidDecision } from "../src/domain/void.ts";
import type {
  CarrierChargeRecord,
  MilestoneRecord,
  OrderProjection,
  ShipmentRecord,
} from "../src/store/records.ts";
import type { MilestoneType } from "../src/generated/resolvers.ts";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

const milestone = (type: MilestoneType, minute: number): MilestoneRecord => ({
  id: `mst_${type}_${minute}`,
  type,
  occurredAt: at(minute),
  recordedAt: at(minute),
  late: false,
  location: null,
  detail: null,
  signedBy: null,
  photoReference: null,
  reasonCode: null,
  deliveredQuantity: null,
});

const shipment = (over: Partial<ShipmentRecord> = {}): ShipmentRecord => ({
  _id: "shp_1",
  orderId: "ord_1",
  customerId: "cus_1",
  warehouse: "AMS1",
  lines: [{ lineId: "l1", sku: "MUG", quantity: 2 }],
  carrier: "DHL",
  service: "Express",
  trackingNumber: "JD1",
  trackingKey: "dhl:JD1",
  shippedAt: at(0),
  shippingCharge: 495,
  currency: "EUR",
  status: "SHIPPED",
  milestones: [],
  confirmedAt: at(0),
  ...over,
});

const charge = (over: Partial<CarrierChargeRecord> = {}): CarrierChargeRecord => ({
  _id: "chg_1",
  chargeKey: "dhl:C-1",
  shipmentId: "shp_1",
  carrier: "DHL",
  carrierChargeId: "C-1",
  type: "LIFTGATE",
  amount: 1250,
  currency: "EUR",
  description: null,
  recordedAt: at(1),
  ...over,
});

const input = (amount: string, over: { carrierChargeId?: string; description?: string } = {}) => ({
  carrierChargeId: "C-1",
  type: "LIFTGATE" as const,
  amount,
  ...over,
});

describe("what may be voided", () => {
  it("voids a shipment with no milestone, or only a label created", () => {
    expect(voidDecision(shipment())).toEqual({ kind: "void" });
    expect(voidDecision(shipment({ milestones: [milestone("LABEL_CREATED", 1)] }))).toEqual({
      kind: "void",
    });
  });

  it("refuses once the carrier has it, whatever the milestone beyond the label", () => {
    for (const type of ["PICKED_UP", "IN_TRANSIT", "EXCEPTION", "DELIVERED"] as const) {
      expect(
        voidDecision(shipment({ milestones: [milestone("LABEL_CREATED", 1), milestone(type, 2)] })),
      ).toMatchObject({ kind: "not_voidable", code: "SHIPMENT_ALREADY_PICKED_UP" });
    }
  });

  it("refuses on a pickup that arrived late and left the status SHIPPED", () => {
    const late = { ...milestone("PICKED_UP", 1), late: true };
    expect(voidDecision(shipment({ milestones: [late] }))).toMatchObject({
      kind: "not_voidable",
    });
  });

  it("answers a voided shipment as voided already", () => {
    expect(voidDecision(shipment({ status: "VOIDED" }))).toEqual({ kind: "already_voided" });
  });

  it("no longer counts a voided shipment's quantities as shipped", () => {
    const order: OrderProjection = {
      _id: "ord_1",
      customerId: "cus_1",
      currency: "EUR",
      lines: [{ lineId: "l1", sku: "MUG", quantity: 2, cancelled: 0 }],
    };
    const requested = [{ lineId: "l1", quantity: 2 }];
    expect(shipmentLines(order, [shipment()], requested)).toMatchObject({ kind: "exceeds" });
    expect(shipmentLines(order, [shipment({ status: "VOIDED" })], requested)).toEqual([
      { lineId: "l1", sku: "MUG", quantity: 2 },
    ]);
  });

  it("keeps a milestone of a voided shipment as late, status still VOIDED", () => {
    const outcome = applyMilestone("VOIDED", [], { ...milestone("PICKED_UP", 5) });
    expect(outcome).toMatchObject({
      kind: "recorded",
      status: "VOIDED",
      milestone: { late: true },
    });
  });
});

describe("a carrier charge", () => {
  it("takes a positive amount in the shipment's currency's minor unit", () => {
    expect(chargeReport(shipment(), input("12.50", { description: " lift " }))).toEqual({
      carrierChargeId: "C-1",
      type: "LIFTGATE",
      amount: 1250,
      description: "lift",
    });
    expect(chargeReport(shipment({ currency: "JPY" }), input("300"))).toMatchObject({
      amount: 300,
    });
  });

  it("refuses zero, negative, malformed and over-precise amounts", () => {
    for (const amount of ["0", "0.00", "-1.00", "1e3", "abc", "1.234", ""]) {
      expect(chargeReport(shipment(), input(amount))).toMatchObject({
        field: "amount",
        code: "INVALID_AMOUNT",
      });
    }
    expect(chargeReport(shipment({ currency: "JPY" }), input("1.5"))).toMatchObject({
      code: "INVALID_AMOUNT",
    });
  });

  it("refuses a blank charge id, an overlong description and a voided shipment", () => {
    expect(chargeReport(shipment(), input("1.00", { carrierChargeId: "  " }))).toMatchObject({
      field: "carrierChargeId",
    });
    expect(chargeReport(shipment(), input("1.00", { description: "x".repeat(501) }))).toMatchObject(
      { field: "description" },
    );
    expect(chargeReport(shipment({ status: "VOIDED" }), input("1.00"))).toMatchObject({
      code: "SHIPMENT_VOIDED",
    });
  });

  it("is new, a repeat of the charge recorded under the carrier's id, or a reused id", () => {
    const report = {
      carrierChargeId: "C-1",
      type: "LIFTGATE" as const,
      amount: 1250,
      description: null,
    };
    expect(chargeDecision(shipment(), report, null)).toEqual({ kind: "new" });
    expect(chargeDecision(shipment(), { ...report, description: "other words" }, charge())).toEqual(
      { kind: "repeat", charge: charge() },
    );
    expect(chargeDecision(shipment(), { ...report, amount: 1300 }, charge())).toMatchObject({
      code: "CHARGE_ID_REUSED",
    });
    expect(chargeDecision(shipment(), { ...report, type: "FUEL" }, charge())).toMatchObject({
      code: "CHARGE_ID_REUSED",
    });
    expect(chargeDecision(shipment({ _id: "shp_2" }), report, charge())).toMatchObject({
      code: "CHARGE_ID_REUSED",
    });
  });

  it("keys a charge by carrier, so two carriers' equal ids are two charges", () => {
    expect(chargeKeyOf(" DHL ", "C-1")).toBe(chargeKeyOf("dhl", "C-1"));
    expect(chargeKeyOf("DHL", "C-1")).not.toBe(chargeKeyOf("UPS", "C-1"));
  });
});
