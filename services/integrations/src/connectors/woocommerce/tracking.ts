import type { DespatchDocument } from "../documents.ts";
import { unmapped } from "../outcome.ts";
import type { WoocommerceApi } from "./client.ts";
import type { WoocommerceMapping } from "./mapping.ts";
import type { WooOrder } from "./order.ts";

/** An order note as `GET /orders/{id}/notes` lists it. */
type WooNote = { id: number; note: string; customer_note: boolean };

/** The note's last line: our shipment, which the lookup searches for. */
export const shipmentMarker = (shipmentId: string) => `Waybill shipment ${shipmentId}`;
const MARKER = /^Waybill shipment \S+$/;
const SHIPPED = /^(\d+) × (.+)$/;

/** The customer's tracking note: carrier, number, page, what is in the parcel, our reference. */
export function trackingNote(document: DespatchDocument, carrier: string, url: string | null) {
  return [
    `Shipped with ${carrier}, tracking number ${document.trackingNumber}`,
    ...(url ? [`Track it: ${url}`] : []),
    ...document.lines.map((line) => `${line.quantity} × ${line.code}`),
    shipmentMarker(document.id),
  ].join("\n");
}

const linesOf = (note: WooNote) => note.note.split(/\r?\n/).map((line) => line.trim());

/** Units per SKU our tracking notes tell shipped. */
function shippedBySku(notes: readonly WooNote[]): Map<string, number> {
  const shipped = new Map<string, number>();
  for (const note of notes) {
    const lines = linesOf(note);
    if (!lines.some((line) => MARKER.test(line))) continue;
    for (const line of lines) {
      const match = SHIPPED.exec(line);
      if (match?.[1] && match[2])
        shipped.set(match[2], (shipped.get(match[2]) ?? 0) + Number(match[1]));
    }
  }
  return shipped;
}

/** Whether the notes tell every unit of the order shipped. */
export function allShipped(order: WooOrder, notes: readonly WooNote[]): boolean {
  const shipped = shippedBySku(notes);
  const ordered = new Map<string, number>();
  for (const item of order.line_items)
    ordered.set(item.sku.trim(), (ordered.get(item.sku.trim()) ?? 0) + item.quantity);
  return [...ordered].every(([sku, quantity]) => (shipped.get(sku) ?? 0) >= quantity);
}

/** Statuses a fully shipped order moves on from; cancelled, refunded, ... are left alone. */
const COMPLETABLE = new Set(["processing", "on-hold"]);

/**
 * A confirmed shipment as one customer note with its tracking (WooCommerce emails it to the
 * customer), then the order `completed` once our notes tell every unit shipped; a partly shipped
 * order stays `processing`. The note is looked up first by our shipment's line in it, and the
 * status read before it is set, so a retry after a lost answer adds nothing twice.
 */
export async function track(
  api: WoocommerceApi,
  document: DespatchDocument,
  mapping: WoocommerceMapping,
  orderId: number,
): Promise<string> {
  const carrier = mapping.carriers[document.carrier];
  if (!carrier) throw unmapped([`carrier ${document.carrier}`]);
  const order = await api.request<WooOrder>("GET", `/orders/${orderId}`);
  const notes = await api.request<WooNote[]>("GET", `/orders/${orderId}/notes`, {
    query: { type: "customer" },
  });
  const marker = shipmentMarker(document.id);
  let note = notes.find((candidate) => linesOf(candidate).includes(marker));
  if (!note) {
    const url =
      carrier.trackingUrl?.replace(
        "{trackingNumber}",
        encodeURIComponent(document.trackingNumber),
      ) ?? null;
    note = await api.request<WooNote>("POST", `/orders/${orderId}/notes`, {
      body: { note: trackingNote(document, carrier.name, url), customer_note: true },
    });
    notes.push(note);
  }
  if (COMPLETABLE.has(order.status) && allShipped(order, notes))
    await api.request<WooOrder>("PUT", `/orders/${orderId}`, { body: { status: "completed" } });
  return String(note.id);
}
