// Generates the events billing hears about one order: placement, shipments, carrier milestones,
// voids, carrier charges and received returns, some told twice under new event ids.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import {
  CARRIER_CHARGE_TYPES,
  SHIPPING_REFUND_RULES,
  type CarrierChargeType,
  type EventData,
  type EventType,
  type ShippingRefundRule,
} from "@waybill/contracts";
import { buildEvent } from "@waybill/bus";

type Policy = EventData<"orders.order.placed">["billingPolicy"];
type MilestoneType = EventData<"shipments.milestone.recorded">["type"];
type ShipmentStatus = EventData<"shipments.milestone.recorded">["status"];

/** The status a shipment has after a first milestone of each type, as shipments would tell it. */
export const STATUS_AFTER: Record<MilestoneType, ShipmentStatus> = {
  LABEL_CREATED: "SHIPPED",
  PICKED_UP: "IN_TRANSIT",
  IN_TRANSIT: "IN_TRANSIT",
  OUT_FOR_DELIVERY: "OUT_FOR_DELIVERY",
  DELIVERY_ATTEMPTED: "DELIVERY_ATTEMPTED",
  AVAILABLE_FOR_PICKUP: "AVAILABLE_FOR_PICKUP",
  DELIVERED: "DELIVERED",
  PROOF_OF_DELIVERY: "DELIVERED",
  EXCEPTION: "EXCEPTION",
  RETURNED_TO_SENDER: "RETURNED_TO_SENDER",
};

export const scenario = fc.record({
  policy: fc.constantFrom<Policy>("ON_SHIPMENT", "ON_DELIVERY", "ON_PROOF_OF_DELIVERY"),
  ordered: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
  /** Per shipment, the share of each line's remaining quantity it takes. */
  shipments: fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 3, maxLength: 3 }), {
    minLength: 1,
    maxLength: 3,
  }),
  milestones: fc.array(
    fc.array(
      fc.record({
        type: fc.constantFrom<MilestoneType>(...(Object.keys(STATUS_AFTER) as MilestoneType[])),
        late: fc.boolean(),
        miscount: fc.boolean(),
      }),
      { maxLength: 5 },
    ),
    { minLength: 3, maxLength: 3 },
  ),
  refund: fc.constantFrom<ShippingRefundRule>(...SHIPPING_REFUND_RULES),
  /** Per shipment: voided (one in four) right after it shipped, its units then shippable again. */
  voids: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
  /** Per shipment: carrier charges (a negative amount is the carrier's refund). */
  charges: fc.array(
    fc.array(
      fc.record({
        type: fc.constantFrom<CarrierChargeType>(...CARRIER_CHARGE_TYPES),
        amount: fc.integer({ min: -300, max: 3000 }),
      }),
      { maxLength: 2 },
    ),
    { minLength: 3, maxLength: 3 },
  ),
  /** Returns once everything shipped: per line, units asked for and how many fewer arrived. */
  returns: fc.array(
    fc.array(
      fc.record({ share: fc.integer({ min: 0, max: 3 }), missing: fc.integer({ min: 0, max: 2 }) }),
      { minLength: 3, maxLength: 3 },
    ),
    { maxLength: 3 },
  ),
  /** Whether voids, charges and returns are told a second time, under a new event id. */
  resend: fc.boolean(),
  seed: fc.integer(),
});

export type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

export type AnyEvent = ReturnType<typeof buildEvent<EventType>>;

/** What the events of a scenario amount to, per order line and per shipment. */
export interface Told {
  events: AnyEvent[];
  orderId: string;
  /** Units shipped per line, voided shipments included. */
  shipped: Map<string, number>;
  /** Units shipped per line by shipments not voided, less those received back. */
  netShipped: Map<string, number>;
  voided: Set<string>;
  /** Per shipment, the fulfilment cost told with its last carrier charge. */
  fulfilmentCost: Map<string, number>;
  returnIds: Set<string>;
  chargeIds: Set<string>;
}

/** The events of a scenario in the order they happened, and what they amount to. */
export function eventsOf(s: Scenario): Told {
  const orderId = `ord_${randomUUID()}`;
  const lines = s.ordered.map((quantity, i) => ({
    lineId: `${orderId}-${i + 1}`,
    sku: `SKU-${i}`,
    quantity,
    unitPrice: 1999 + i,
    taxRatePpm: 200_000,
  }));
  const event = <T extends EventType>(type: T, subject: string, data: EventData<T>) =>
    buildEvent({ type, subject, data, source: "property-test" }) as AnyEvent;
  const events: AnyEvent[] = [
    event("orders.order.placed", orderId, {
      orderId,
      customerId: "cus_1",
      billingPolicy: s.policy,
      shippingRefund: s.refund,
      currency: "EUR",
      lines,
      placedAt: new Date().toISOString(),
    }),
  ];
  const left = lines.map((line) => line.quantity);
  const shipped = new Map<string, number>();
  const netShipped = new Map<string, number>(lines.map((line) => [line.lineId, 0]));
  const voided = new Set<string>();
  const fulfilmentCost = new Map<string, number>();
  const returnIds = new Set<string>();
  const chargeIds = new Set<string>();
  const add = (map: Map<string, number>, key: string, units: number) =>
    map.set(key, (map.get(key) ?? 0) + units);
  /** The event, and under `resend` the same news again in a new event. */
  const told = (news: AnyEvent) => {
    events.push(news);
    if (s.resend)
      events.push(event(news.type, news.subject, news.data as EventData<typeof news.type>));
  };
  let clock = Date.parse("2026-01-01T00:00:00Z");
  s.shipments.forEach((shares, index) => {
    const shipmentLines = lines
      .map((line, i) => ({
        lineId: line.lineId,
        sku: line.sku,
        quantity: Math.min(left[i] ?? 0, shares[i] ?? 0),
      }))
      .filter((line) => line.quantity > 0);
    if (!shipmentLines.length) return;
    shipmentLines.forEach((line) => {
      const i = lines.findIndex((candidate) => candidate.lineId === line.lineId);
      left[i] = (left[i] ?? 0) - line.quantity;
      add(shipped, line.lineId, line.quantity);
      add(netShipped, line.lineId, line.quantity);
    });
    const shipmentId = `shp_${randomUUID()}`;
    const units = shipmentLines.reduce((sum, line) => sum + line.quantity, 0);
    events.push(
      event("shipments.shipment.confirmed", shipmentId, {
        shipmentId,
        orderId,
        customerId: "cus_1",
        warehouse: "AMS1",
        lines: shipmentLines,
        carrier: "UPS",
        service: "Ground",
        trackingNumber: `1Z${index}`,
        shippedAt: new Date(clock).toISOString(),
        shippingCharge: { amount: 495, currency: "EUR" },
      }),
    );
    let deliveredAt: string | null = null;
    for (const [count, m] of (s.milestones[index] ?? []).entries()) {
      clock += 3_600_000;
      const occurredAt = new Date(clock).toISOString();
      if (STATUS_AFTER[m.type] === "DELIVERED") deliveredAt ??= occurredAt;
      events.push(
        event("shipments.milestone.recorded", shipmentId, {
          shipmentId,
          orderId,
          customerId: "cus_1",
          milestoneId: randomUUID(),
          type: m.type,
          occurredAt,
          status: STATUS_AFTER[m.type],
          deliveredAt,
          revision: count + 1,
          late: m.late,
          carrier: "UPS",
          trackingNumber: `1Z${index}`,
          location: null,
          signedBy: m.type === "PROOF_OF_DELIVERY" ? "J. Doe" : null,
          photoReference: null,
          reasonCode: m.type === "EXCEPTION" ? "DAMAGED" : null,
          deliveredQuantity: m.type === "DELIVERED" ? (m.miscount ? units + 1 : units) : null,
          shippedQuantity: units,
        }),
      );
    }
    if (s.voids[index] === 0) {
      voided.add(shipmentId);
      shipmentLines.forEach((line) => {
        const i = lines.findIndex((candidate) => candidate.lineId === line.lineId);
        left[i] = (left[i] ?? 0) + line.quantity;
        add(netShipped, line.lineId, -line.quantity);
      });
      told(
        event("shipments.shipment.voided", shipmentId, {
          shipmentId,
          orderId,
          customerId: "cus_1",
          warehouse: "AMS1",
          lines: shipmentLines,
          reason: "label cancelled",
          voidedAt: new Date(clock).toISOString(),
        }),
      );
    }
    let cost = 0;
    for (const [n, { type, amount }] of (s.charges[index] ?? []).entries()) {
      clock += 60_000;
      cost += amount;
      fulfilmentCost.set(shipmentId, cost);
      const chargeId = `${shipmentId}-c${n}`;
      chargeIds.add(chargeId);
      told(
        event("shipments.carrier_charge.recorded", chargeId, {
          chargeId,
          carrierChargeId: `ups-${chargeId}`,
          shipmentId,
          orderId,
          customerId: "cus_1",
          carrier: "UPS",
          type,
          amount: { amount, currency: "EUR" },
          description: null,
          fulfilmentCost: { amount: cost, currency: "EUR" },
          recordedAt: new Date(clock).toISOString(),
        }),
      );
    }
  });
  for (const [n, shares] of s.returns.entries()) {
    const returned = lines.flatMap((line, i) => {
      const requested = Math.min(shares[i]?.share ?? 0, netShipped.get(line.lineId) ?? 0);
      const received = Math.max(0, requested - (shares[i]?.missing ?? 0));
      add(netShipped, line.lineId, -received);
      return requested > 0
        ? [
            {
              lineId: line.lineId,
              sku: line.sku,
              requested,
              received,
              disposition: "RESTOCK" as const,
            },
          ]
        : [];
    });
    if (!returned.length) continue;
    const returnId = `${orderId}-r${n}`;
    returnIds.add(returnId);
    told(
      event("returns.return.received", returnId, {
        returnId,
        orderId,
        customerId: "cus_1",
        warehouse: "AMS1",
        lines: returned,
        receivedAt: new Date((clock += 3_600_000)).toISOString(),
      }),
    );
  }
  return { events, shipped, netShipped, voided, fulfilmentCost, returnIds, chargeIds, orderId };
}
