// Events billing hears about one order, for its integration tests. Lines are numbered from 1:
// line `n` of order `o` is `o-n` with SKU `SKU-n`.
import type { EventData } from "@waybill/contracts";

type Placed = EventData<"orders.order.placed">;

export const eur = (amount: number) => ({ amount, currency: "EUR" });

/** Units per line number: `{ 1: 2, 2: 1 }`. */
export type Units = Record<number, number>;

export const lineOf = (orderId: string, n: number) => `${orderId}-${n}`;

const linesOf = (orderId: string, units: Units) =>
  Object.entries(units).map(([n, quantity]) => ({
    lineId: lineOf(orderId, Number(n)),
    sku: `SKU-${n}`,
    quantity,
  }));

/** An order of `lines` (`[quantity, unitPrice, taxRatePpm]` per line) for customer `cus_1`. */
export function placed(
  orderId: string,
  lines: [number, number, number][],
  terms: Partial<Pick<Placed, "billingPolicy" | "shippingRefund" | "customerId">> = {},
): Placed {
  return {
    orderId,
    customerId: "cus_1",
    billingPolicy: "ON_SHIPMENT",
    shippingRefund: "NEVER",
    currency: "EUR",
    ...terms,
    lines: lines.map(([quantity, unitPrice, taxRatePpm], index) => ({
      lineId: lineOf(orderId, index + 1),
      sku: `SKU-${index + 1}`,
      quantity,
      unitPrice,
      taxRatePpm,
    })),
    placedAt: "2026-03-01T09:00:00.000Z",
  };
}

export function confirmed(
  orderId: string,
  shipmentId: string,
  units: Units,
  shippingCharge = 495,
  customerId = "cus_1",
): EventData<"shipments.shipment.confirmed"> {
  return {
    shipmentId,
    orderId,
    customerId,
    warehouse: "AMS1",
    lines: linesOf(orderId, units),
    carrier: "UPS",
    service: "Ground",
    trackingNumber: `1Z${shipmentId}`,
    shippedAt: "2026-03-02T09:00:00.000Z",
    shippingCharge: eur(shippingCharge),
  };
}

export function delivered(
  orderId: string,
  shipmentId: string,
  units: number,
): EventData<"shipments.milestone.recorded"> {
  return {
    shipmentId,
    orderId,
    customerId: "cus_1",
    milestoneId: `m-${shipmentId}`,
    type: "DELIVERED",
    occurredAt: "2026-03-03T09:00:00.000Z",
    status: "DELIVERED",
    deliveredAt: "2026-03-03T09:00:00.000Z",
    revision: 1,
    late: false,
    carrier: "UPS",
    trackingNumber: `1Z${shipmentId}`,
    location: null,
    signedBy: null,
    photoReference: null,
    reasonCode: null,
    deliveredQuantity: null,
    shippedQuantity: units,
  };
}

/** A return received in full (`received` = requested) unless `received` says otherwise. */
export function received(
  orderId: string,
  returnId: string,
  units: Units,
  receivedUnits: Units = units,
): EventData<"returns.return.received"> {
  return {
    returnId,
    orderId,
    customerId: "cus_1",
    warehouse: "AMS1",
    lines: linesOf(orderId, units).map(({ lineId, sku, quantity }) => ({
      lineId,
      sku,
      requested: quantity,
      received: receivedUnits[Number(lineId.slice(orderId.length + 1))] ?? 0,
      disposition: "RESTOCK" as const,
    })),
    receivedAt: "2026-03-10T09:00:00.000Z",
  };
}

export function voided(
  orderId: string,
  shipmentId: string,
  units: Units,
): EventData<"shipments.shipment.voided"> {
  return {
    shipmentId,
    orderId,
    customerId: "cus_1",
    warehouse: "AMS1",
    lines: linesOf(orderId, units),
    reason: "label cancelled before pickup",
    voidedAt: "2026-03-02T10:00:00.000Z",
  };
}

export function charge(
  orderId: string,
  shipmentId: string,
  chargeId: string,
  type: EventData<"shipments.carrier_charge.recorded">["type"],
  amount: number,
  fulfilmentCost = amount,
  recordedAt = "2026-03-04T09:00:00.000Z",
): EventData<"shipments.carrier_charge.recorded"> {
  return {
    chargeId,
    carrierChargeId: `ups-${chargeId}`,
    shipmentId,
    orderId,
    customerId: "cus_1",
    carrier: "UPS",
    type,
    amount: eur(amount),
    description: null,
    fulfilmentCost: eur(fulfilmentCost),
    recordedAt,
  };
}
