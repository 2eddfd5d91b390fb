// Generates the events billing hears about one order: placement, shipments, carrier milestones.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type { EventData, EventType } from "@waybill/contracts";
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
  seed: fc.integer(),
});

export type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

export type AnyEvent = ReturnType<typeof buildEvent<EventType>>;

/** The events of a scenario in the order they happened, and the shipped quantity per line. */
export function eventsOf(s: Scenario): {
  events: AnyEvent[];
  shipped: Map<string, number>;
  orderId: string;
} {
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
      shippingRefund: "NEVER",
      currency: "EUR",
      lines,
      placedAt: new Date().toISOString(),
    }),
  ];
  const left = lines.map((line) => line.quantity);
  const shipped = new Map<string, number>();
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
      shipped.set(line.lineId, (shipped.get(line.lineId) ?? 0) + line.quantity);
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
  });
  return { events, shipped, orderId };
}
