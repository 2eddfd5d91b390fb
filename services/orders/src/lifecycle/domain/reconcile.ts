import type { OrderRecord, OrderShipmentRecord } from "../store/records.ts";
import { billingStatus, fulfilmentStatus } from "./status.ts";

type Counted = { lineId: string; quantity: number };

function unitsOf(lineId: string, groups: Counted[][]): number {
  return groups
    .flat()
    .reduce((sum, line) => (line.lineId === lineId ? sum + line.quantity : sum), 0);
}

const delivered = (shipments: OrderShipmentRecord[]) =>
  shipments.filter((shipment) => shipment.told.deliveredAt !== null).map((s) => s.lines);

const invoiced = (shipments: OrderShipmentRecord[]) =>
  shipments.flatMap((shipment) =>
    shipment.invoice?.issuedLines ? [shipment.invoice.issuedLines] : [],
  );

/**
 * Recomputes every line's shipped, delivered and invoiced quantities from the order's shipments
 * and what shipments and billing told of them, then both statuses. Each shipment and invoice is
 * counted once however often its event arrived.
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
  const onHold = shipments.some((shipment) => shipment.invoice?.told.status === "ON_HOLD");
  return {
    ...order,
    lines,
    fulfilmentStatus: fulfilmentStatus(lines),
    billingStatus: billingStatus(lines, onHold),
  };
}
