import type { DocumentLine, FinanceDocument } from "../documents.ts";
import { unmapped } from "../outcome.ts";
import type { ErpnextMapping } from "./mapping.ts";

/**
 * One row of a Sales Invoice's `items` (child doctype Sales Invoice Item). `rate` goes as the
 * decimal string billing gave: frappe reads Currency fields from strings, and no float is made.
 */
export type SalesInvoiceItem = {
  item_code: string;
  qty: number;
  rate: string;
  item_tax_template: string;
  sales_order?: string;
  so_detail?: string;
};

/** The Sales Invoice fields Waybill sets (erpnext/accounts/doctype/sales_invoice/sales_invoice.json). */
export type SalesInvoice = {
  customer: string;
  company: string;
  currency: string;
  posting_date: string;
  set_posting_time: 1;
  /** Custom field, unique: our number, what a retry looks the invoice up by. */
  waybill_reference: string;
  remarks: string;
  taxes_and_charges?: string;
  is_return?: 1;
  is_debit_note?: 1;
  return_against?: string;
  /** Submitted on insert: no draft is left behind between two requests. */
  docstatus: 1;
  items: SalesInvoiceItem[];
};

/** A Sales Order row the invoice links to, found by the caller for lines of ERPNext's orders. */
export type OrderLink = { salesOrder: string; soDetail: string };

const itemCodeOf = (mapping: ErpnextMapping, line: DocumentLine) =>
  line.kind === "product"
    ? mapping.items[line.code]
    : line.kind === "shipping"
      ? mapping.shipping.itemCode
      : mapping.charges[line.code];

const taxTemplateOf = (mapping: ErpnextMapping, line: DocumentLine) =>
  line.taxRate === null ? mapping.shipping.itemTaxTemplate : mapping.itemTaxTemplates[line.taxRate];

/**
 * The Sales Invoice of a document, or the unmapped values (all of them, so master data fixes the
 * mapping once). A credit note is a return against the original with negative quantities; an
 * adjustment note is a debit note against it.
 */
export function salesInvoiceOf(
  document: FinanceDocument,
  mapping: ErpnextMapping,
  originalName: string | null,
  links: ReadonlyMap<number, OrderLink>,
): SalesInvoice {
  const missing: string[] = [];
  const customer = mapping.customers[document.customerId];
  if (!customer) missing.push(`customer ${document.customerId}`);
  const items = document.lines.map((line): SalesInvoiceItem => {
    const itemCode = itemCodeOf(mapping, line);
    const template = taxTemplateOf(mapping, line);
    if (!itemCode) missing.push(`${line.kind === "charge" ? "charge type" : "item"} ${line.code}`);
    if (!template) missing.push(`tax rate ${line.taxRate ?? "shipping"}`);
    const link = line.orderLineIndex === null ? undefined : links.get(line.orderLineIndex);
    return {
      item_code: itemCode ?? "",
      qty: line.quantity,
      rate: line.unitPrice.amount,
      item_tax_template: template ?? "",
      ...(link ? { sales_order: link.salesOrder, so_detail: link.soDetail } : {}),
    };
  });
  if (missing.length > 0) throw unmapped([...new Set(missing)]);
  return {
    customer: customer ?? "",
    company: mapping.company,
    currency: document.currency,
    posting_date: document.issuedAt.slice(0, 10),
    set_posting_time: 1,
    waybill_reference: document.number,
    remarks: `Waybill ${document.number} for order ${document.order.id}`,
    ...(mapping.taxesAndCharges ? { taxes_and_charges: mapping.taxesAndCharges } : {}),
    ...(document.kind === "credit_note" ? { is_return: 1 as const } : {}),
    ...(document.kind === "adjustment_note" ? { is_debit_note: 1 as const } : {}),
    ...(originalName ? { return_against: originalName } : {}),
    docstatus: 1,
    items,
  };
}
