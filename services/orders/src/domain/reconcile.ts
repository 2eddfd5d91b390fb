import type { OrderRecord, ShipmentSummaryRecord } from "../store/records.ts";
import { invoiceStatus } from "./invoice-status.ts";
import { billingStatus, fulfilmentStatus } from "./status.ts";

type Counted = { lineId: string; quantity: number };

function unitsOf(lineId: string, groups: Counted[][]): number {
  return groups
    .flat()
    .reduce((sum, line) => (line.lineId === lineId ? sum + line.quantity : sum), 0);
}

const delivered = (shipments: ShipmentSummaryRecord[]) =>
  shipments.filter((shipment) => shipment.deliveredAt !== null).map((shipment) => shipment.lines);

const invoiced = (shipments: ShipmentSummaryRecord[]) =>
  shipments.flatMap((shipment) => (shipment.invoice?.issuedAt ? [shipment.invoice.lines] : []));

/**
 * Recomputes every line's shipped, delivered and invoiced quantities from the shipment summaries,
 * then both statuses. Each shipment and invoice is counted once however often its event arrived.
 */
export function reconcile(order: OrderRecord): OrderRecord {
  const { shipments } = order;
  const shippedGroups = shipments.map((shipment) => shipment.lines);
  const deliveredGroups = delivered(shipments);
  const invoicedGroups = invoiced(shipments);
  const lines = order.lines.map((line) => ({
    ...line,
    shippedQuantity: unitsOf(line.id, shippedGroups),
    deliveredQuantity: unitsOf(line.id, deliveredGroups),
    invoicedQuantity: unitsOf(line.id, invoicedGroups),
  }));
  const onHold = shipments.some(
    (shipment) => shipment.invoice !== null && invoiceStatus(shipment.invoice) === "ON_HOLD",
  );
  return {
    ...order,
    lines,
    fulfilmentStatus: fulfilmentStatus(lines),
    billingStatus: billingStatus(lines, onHold),
  };
}
