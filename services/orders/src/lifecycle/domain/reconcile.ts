import type { OrderRecord, OrderShipmentRecord } from "../store/records.ts";
import { billingStatus, fulfilmentStatus } from "./status.ts";

type Counted = { lineId: string; quantity: number };

function unitsOf(lineId: string, groups: Counted[][]): number {
  return groups
    .flat()
    .reduce((sum, line) => (line.lineId === lineId ? sum + line.quantity : sum), 0);
}

/** A voided shipment shipped nothing: its label was cancelled before pickup. */
const standing = (shipments: OrderShipmentRecord[]) =>
  shipments.filter((shipment) => !shipment.voidedAt);

const delivered = (shipments: OrderShipmentRecord[]) =>
  standing(shipments)
    .filter((shipment) => shipment.told.deliveredAt !== null)
    .map((s) => s.lines);

/** What issued invoices billed; an invoice billing voided billed nothing. */
const invoiced = (shipments: OrderShipmentRecord[]) =>
  shipments.flatMap((shipment) =>
    shipment.invoice?.issuedLines && shipment.invoice.told.status !== "VOID"
      ? [shipment.invoice.issuedLines]
      : [],
  );

/**
 * Recomputes every line's shipped, delivered, invoiced, returned and credited quantities from the
 * order's shipments and what shipments, billing and returns told of them, then both statuses.
 * Each shipment, invoice, return and credit note is counted once however often its event arrived.
 */
export function reconcile(order: OrderRecord): OrderRecord {
  const { shipments } = order;
  const shippedGroups = standing(shipments).map((shipment) => shipment.lines);
  const deliveredGroups = delivered(shipments);
  const invoicedGroups = invoiced(shipments);
  const returnedGroups = (order.returns ?? []).map((told) => told.received);
  const creditedGroups = (order.creditNotes ?? []).map((note) => note.lines);
  const uninvoicedGroups = (order.settlements ?? []).map((settled) => settled.uninvoiced);
  const lines = order.lines.map((line) => ({
    ...line,
    shippedQuantity: unitsOf(line.id, shippedGroups),
    deliveredQuantity: unitsOf(line.id, deliveredGroups),
    invoicedQuantity: unitsOf(line.id, invoicedGroups),
    returnedQuantity: unitsOf(line.id, returnedGroups),
    creditedQuantity: unitsOf(line.id, creditedGroups),
    uninvoicedReturnedQuantity: unitsOf(line.id, uninvoicedGroups),
  }));
  const onHold = shipments.some((shipment) => shipment.invoice?.told.status === "ON_HOLD");
  return {
    ...order,
    lines,
    fulfilmentStatus: fulfilmentStatus(lines),
    billingStatus: billingStatus(lines, onHold),
  };
}
