import type { DespatchDocument } from "../documents.ts";
import { unmapped } from "../outcome.ts";
import type { ErpnextMapping } from "./mapping.ts";
import type { OrderLink } from "./sales-invoice.ts";

/** One row of a Delivery Note's `items` (child doctype Delivery Note Item). */
export type DeliveryNoteItem = {
  item_code: string;
  qty: number;
  warehouse: string;
  against_sales_order?: string;
  so_detail?: string;
};

/** The Delivery Note fields Waybill sets (erpnext/stock/doctype/delivery_note/delivery_note.json). */
export type DeliveryNote = {
  customer: string;
  company: string;
  posting_date: string;
  set_posting_time: 1;
  /** Custom field, unique: the shipment's id, what a retry looks the note up by. */
  waybill_reference: string;
  /** Transport Receipt No and Date, and the transporter's name: the carrier's tracking. */
  lr_no: string;
  lr_date: string;
  transporter_name: string;
  remarks: string;
  docstatus: 1;
  items: DeliveryNoteItem[];
};

/**
 * The Delivery Note of a confirmed shipment: what left which warehouse, with the carrier's
 * tracking number, linked to the Sales Order rows for orders that came from ERPNext. Unmapped
 * values are all reported at once, as for invoices.
 */
export function deliveryNoteOf(
  despatch: DespatchDocument,
  mapping: ErpnextMapping,
  links: ReadonlyMap<number, OrderLink>,
): DeliveryNote {
  const missing: string[] = [];
  const customer = mapping.customers[despatch.customerId];
  if (!customer) missing.push(`customer ${despatch.customerId}`);
  const warehouse = mapping.warehouses?.[despatch.warehouse];
  if (!warehouse) missing.push(`warehouse ${despatch.warehouse}`);
  const items = despatch.lines.map((line): DeliveryNoteItem => {
    const itemCode = mapping.items[line.code];
    if (!itemCode) missing.push(`item ${line.code}`);
    const link = links.get(line.orderLineIndex);
    return {
      item_code: itemCode ?? "",
      qty: line.quantity,
      warehouse: warehouse ?? "",
      ...(link ? { against_sales_order: link.salesOrder, so_detail: link.soDetail } : {}),
    };
  });
  if (missing.length > 0) throw unmapped([...new Set(missing)]);
  const shipped = despatch.shippedAt.slice(0, 10);
  return {
    customer: customer ?? "",
    company: mapping.company,
    posting_date: shipped,
    set_posting_time: 1,
    waybill_reference: despatch.number,
    lr_no: despatch.trackingNumber,
    lr_date: shipped,
    transporter_name: `${despatch.carrier} ${despatch.service}`,
    remarks: `Waybill shipment ${despatch.id} for order ${despatch.order.id}`,
    docstatus: 1,
    items,
  };
}
