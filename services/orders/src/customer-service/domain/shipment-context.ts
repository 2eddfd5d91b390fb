import { latestState, type EventData } from "@waybill/contracts";
import type { ShipmentContextRecord } from "../store/records.ts";

type InvoiceEvent = EventData<
  | "billing.invoice.issued"
  | "billing.invoice.held"
  | "billing.invoice.released"
  | "billing.invoice.voided"
>;

/** A confirmed shipment as customer service first knows it. */
export function newShipmentContext(
  data: EventData<"shipments.shipment.confirmed">,
): ShipmentContextRecord {
  return {
    _id: data.shipmentId,
    orderId: data.orderId,
    carrier: data.carrier,
    trackingNumber: data.trackingNumber,
    told: { revision: 0, deliveredAt: null },
    invoice: null,
  };
}

/** The context with what a milestone told of the shipment, unless a newer state is known. */
export function withMilestone(
  context: ShipmentContextRecord,
  data: EventData<"shipments.milestone.recorded">,
): ShipmentContextRecord {
  const told = latestState(context.told, {
    revision: data.revision,
    deliveredAt: data.deliveredAt === null ? null : new Date(data.deliveredAt),
  });
  return { ...context, told };
}

/** The context with an invoice's newest state, and its number once its issue is told. */
export function withInvoice(
  context: ShipmentContextRecord,
  data: InvoiceEvent,
): ShipmentContextRecord {
  const kept = context.invoice?.id === data.invoiceId ? context.invoice : null;
  const issue =
    "number" in data ? { number: data.number, issuedAt: new Date(data.issuedAt) } : null;
  return {
    ...context,
    invoice: {
      id: data.invoiceId,
      told: latestState(kept?.told, { revision: data.revision, status: data.status }),
      number: kept?.number ?? issue?.number ?? null,
      issuedAt: kept?.issuedAt ?? issue?.issuedAt ?? null,
    },
  };
}

/** Delivered, and billed as billing last told: what closes the shipment's cases by itself. */
export const isSettled = (context: ShipmentContextRecord): boolean =>
  context.told.deliveredAt !== null && context.invoice?.told.status === "ISSUED";

/** When a settled shipment became settled: its delivery or its invoice's issue, whichever was later. */
export function settledAt(context: ShipmentContextRecord): Date {
  const times = [context.told.deliveredAt, context.invoice?.issuedAt].flatMap((at) =>
    at ? [at] : [],
  );
  return new Date(Math.max(...times.map((at) => at.getTime())));
}
