import { latestState, type EventData } from "@waybill/contracts";
import type {
  OrderCreditNoteRecord,
  OrderRecord,
  OrderReturnRecord,
  OrderSettlementRecord,
  OrderShipmentRecord,
} from "../store/records.ts";

type InvoiceEvent = EventData<
  | "billing.invoice.issued"
  | "billing.invoice.held"
  | "billing.invoice.released"
  | "billing.invoice.voided"
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

/** The shipment as voided, when shipments told so: a fact, kept whenever it arrives. */
export const withVoid = (
  shipment: OrderShipmentRecord,
  data: EventData<"shipments.shipment.voided">,
): OrderShipmentRecord =>
  shipment.voidedAt ? shipment : { ...shipment, voidedAt: new Date(data.voidedAt) };

const lineCounts = (lines: { lineId: string; quantity: number }[]) =>
  lines.map(({ lineId, quantity }) => ({ lineId, quantity }));

/** The order with a received return's quantities, unless that return is known already. */
export function withReturnReceived(
  order: OrderRecord,
  data: EventData<"returns.return.received">,
): OrderRecord {
  const known = order.returns ?? [];
  if (known.some((told) => told.id === data.returnId)) return order;
  const received: OrderReturnRecord = {
    id: data.returnId,
    received: data.lines
      .filter((line) => line.received > 0)
      .map(({ lineId, received: quantity }) => ({ lineId, quantity })),
  };
  return { ...order, returns: [...known, received] };
}

/** The order with a credit note's credited quantities, unless that note is known already. */
export function withCreditNote(
  order: OrderRecord,
  data: EventData<"billing.credit_note.issued">,
): OrderRecord {
  const known = order.creditNotes ?? [];
  if (known.some((note) => note.id === data.creditNoteId)) return order;
  const note: OrderCreditNoteRecord = { id: data.creditNoteId, lines: lineCounts(data.lines) };
  return { ...order, creditNotes: [...known, note] };
}

/** The order with what billing will not invoice after a settled return, unless known already. */
export function withSettlement(
  order: OrderRecord,
  data: EventData<"billing.return.settled">,
): OrderRecord {
  const known = order.settlements ?? [];
  if (known.some((settled) => settled.returnId === data.returnId)) return order;
  const settled: OrderSettlementRecord = {
    returnId: data.returnId,
    uninvoiced: lineCounts(data.uninvoiced),
  };
  return { ...order, settlements: [...known, settled] };
}
