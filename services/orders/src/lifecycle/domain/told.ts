import { latestState, type EventData } from "@waybill/contracts";
import type { OrderShipmentRecord } from "../store/records.ts";

type InvoiceEvent = EventData<
  "billing.invoice.issued" | "billing.invoice.held" | "billing.invoice.released"
>;

/** A confirmed shipment as its order first knows it: what it carried, nothing told of it yet. */
export function newShipment(data: EventData<"shipments.shipment.confirmed">): OrderShipmentRecord {
  return {
    id: data.shipmentId,
    lines: data.lines.map(({ lineId, sku, quantity }) => ({ lineId, sku, quantity })),
    told: { revision: 0, deliveredAt: null },
    invoice: null,
  };
}

/** The shipment with what a milestone told of it, unless it already knows a newer state. */
export function withMilestone(
  shipment: OrderShipmentRecord,
  data: EventData<"shipments.milestone.recorded">,
): OrderShipmentRecord {
  const told = latestState(shipment.told, {
    revision: data.revision,
    deliveredAt: data.deliveredAt === null ? null : new Date(data.deliveredAt),
  });
  return told === shipment.told ? shipment : { ...shipment, told };
}

/**
 * The shipment with what an invoice event told: the invoice's newest state, and the quantities
 * billed once the issue is told (a fact, kept whenever it arrives).
 */
export function withInvoice(
  shipment: OrderShipmentRecord,
  data: InvoiceEvent,
): OrderShipmentRecord {
  const kept = shipment.invoice?.id === data.invoiceId ? shipment.invoice : null;
  const issuedLines =
    kept?.issuedLines ??
    ("lines" in data ? data.lines.map(({ lineId, quantity }) => ({ lineId, quantity })) : null);
  return {
    ...shipment,
    invoice: {
      id: data.invoiceId,
      told: latestState(kept?.told, { revision: data.revision, status: data.status }),
      issuedLines,
    },
  };
}
