import type { EventData } from "@waybill/contracts";
import { randomUUID } from "node:crypto";
import { buildEvent, type NewEvent } from "@waybill/bus";

/** Data of a valid `shipments.shipment.confirmed` event. */
export function shipmentConfirmedData(
  shipmentId: string = randomUUID(),
): EventData<"shipments.shipment.confirmed"> {
  return {
    shipmentId,
    orderId: "order-1",
    customerId: "customer-1",
    warehouse: "AMS1",
    lines: [{ lineId: "line-1", sku: "SKU-1", quantity: 2 }],
    carrier: "DHL",
    service: "EXPRESS",
    trackingNumber: "JD0001",
    shippedAt: new Date().toISOString(),
    shippingCharge: { amount: 490, currency: "EUR" },
  };
}

/** A new `shipments.shipment.confirmed` event, ready for `enqueueEvent`. */
export function newShipmentConfirmed(
  shipmentId: string = randomUUID(),
): NewEvent<"shipments.shipment.confirmed"> {
  return {
    type: "shipments.shipment.confirmed",
    subject: shipmentId,
    data: shipmentConfirmedData(shipmentId),
    source: "/waybill/shipments",
  };
}

/** A built and validated `shipments.shipment.confirmed` envelope. */
export function shipmentConfirmed(shipmentId?: string) {
  return buildEvent(newShipmentConfirmed(shipmentId));
}

/** A built and validated `shipments.milestone.recorded` envelope. */
export function milestoneRecorded(
  type: "DELIVERED" | "IN_TRANSIT" | "EXCEPTION",
  shipmentId = "s-1",
) {
  const occurredAt = new Date().toISOString();
  return buildEvent({
    type: "shipments.milestone.recorded",
    subject: shipmentId,
    source: "/waybill/shipments",
    data: {
      shipmentId,
      orderId: "order-1",
      customerId: "customer-1",
      milestoneId: randomUUID(),
      type,
      occurredAt,
      status: type,
      deliveredAt: type === "DELIVERED" ? occurredAt : null,
      revision: 1,
      late: false,
      carrier: "DHL",
      trackingNumber: "JD0001",
      location: null,
      signedBy: null,
      photoReference: null,
      reasonCode: null,
      deliveredQuantity: null,
      shippedQuantity: 2,
    },
  });
}
