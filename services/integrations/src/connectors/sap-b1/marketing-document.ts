import type { DocumentLine, FinanceDocument } from "../documents.ts";
import { unmapped } from "../outcome.ts";
import { Exact } from "./client.ts";
import type { SapB1Mapping } from "./mapping.ts";

/** Object types a line can be copied from: a sales order (17) or an A/R invoice (13). */
export type BaseType = 17 | 13;

/** The line of a base document a line is copied from, found by the caller. */
export type BaseLink = { baseType: BaseType; baseEntry: number; baseLine: number };

/** One row of `DocumentLines` (the Document_Lines of Invoices and CreditNotes). */
export type B1DocumentLine = {
  ItemCode: string;
  /** Positive, credit notes included: the object type says which way it goes. */
  Quantity: number;
  UnitPrice: Exact;
  /** Billing's price is the price: no business partner discount applies on top of it. */
  DiscountPercent: 0;
  TaxCode: string;
  /** Our order line, for a credit note to find the invoice row it returns. */
  FreeText?: string;
  WarehouseCode?: string;
  BaseType?: BaseType;
  BaseEntry?: number;
  BaseLine?: number;
};

/** The marketing document fields Waybill sets on `POST /Invoices` and `POST /CreditNotes`. */
export type B1Document = {
  CardCode: string;
  DocDate: string;
  DocCurrency: string;
  /** Customer reference number: our number, what a retry looks the document up by. */
  NumAtCard: string;
  Comments: string;
  DocumentLines: B1DocumentLine[];
};

/** The ItemCode a line is billed as: the SKU's item, or the service item of its charge. */
export const itemCodeOf = (mapping: SapB1Mapping, line: DocumentLine): string | undefined =>
  line.kind === "product"
    ? mapping.items[line.code]
    : line.kind === "shipping"
      ? mapping.shipping.itemCode
      : mapping.charges[line.code];

const taxCodeOf = (mapping: SapB1Mapping, line: DocumentLine) =>
  line.taxRate === null ? mapping.shipping.taxCode : mapping.taxCodes[line.taxRate];

/**
 * The Invoices or CreditNotes body of a document, or the unmapped values (all of them, so master
 * data fixes the mapping once). `links` holds, by position in `document.lines`, the base document
 * line each line is copied from; the others go standalone.
 */
export function marketingDocumentOf(
  document: FinanceDocument,
  mapping: SapB1Mapping,
  links: ReadonlyMap<number, BaseLink>,
  comments: string,
): B1Document {
  const missing: string[] = [];
  const cardCode = mapping.customers[document.customerId];
  if (!cardCode) missing.push(`customer ${document.customerId}`);
  const lines = document.lines.map((line, index): B1DocumentLine => {
    const itemCode = itemCodeOf(mapping, line);
    const taxCode = taxCodeOf(mapping, line);
    if (!itemCode) missing.push(`${line.kind === "charge" ? "charge type" : "item"} ${line.code}`);
    if (!taxCode) missing.push(`tax rate ${line.taxRate ?? "shipping"}`);
    const link = links.get(index);
    return {
      ItemCode: itemCode ?? "",
      Quantity: Math.abs(line.quantity),
      UnitPrice: new Exact(line.unitPrice.amount),
      DiscountPercent: 0,
      TaxCode: taxCode ?? "",
      ...(line.lineId ? { FreeText: line.lineId } : {}),
      ...(link
        ? { BaseType: link.baseType, BaseEntry: link.baseEntry, BaseLine: link.baseLine }
        : mapping.warehouseCode && line.kind === "product"
          ? { WarehouseCode: mapping.warehouseCode }
          : {}),
    };
  });
  if (missing.length > 0) throw unmapped([...new Set(missing)]);
  return {
    CardCode: cardCode ?? "",
    DocDate: document.issuedAt.slice(0, 10),
    DocCurrency: document.currency,
    NumAtCard: document.number,
    Comments: comments,
    DocumentLines: lines,
  };
}
