import type { FinanceDocument } from "../documents.ts";
import { ConnectorError } from "../outcome.ts";
import type { ServiceLayer } from "./client.ts";
import type { SapB1Mapping } from "./mapping.ts";
import { type BaseLink, itemCodeOf } from "./marketing-document.ts";

/** A line of a sales order or invoice as `GET /Orders(n)` and `GET /Invoices(n)` answer it. */
type BaseRow = { LineNum: number; ItemCode: string; FreeText?: string | null };
type BaseDocument = { DocEntry: number; DocumentLines: BaseRow[] };

const baseMissing = (message: string) =>
  new ConnectorError("parked", message, { category: "missing_reference" });

/**
 * For an invoice of an order that came from this company (the mapping's channel, its external
 * reference being the sales order's DocEntry), the sales order lines it bills: the order's lines
 * are the sales order's DocumentLines in the same order, and the ItemCodes must agree. Lines whose
 * SKU is unmapped are left for the document to report.
 */
export async function salesOrderLinks(
  client: ServiceLayer,
  document: FinanceDocument,
  mapping: SapB1Mapping,
): Promise<Map<number, BaseLink>> {
  const links = new Map<number, BaseLink>();
  if (document.kind !== "invoice") return links;
  if (!mapping.salesOrderChannel || document.order.channel !== mapping.salesOrderChannel)
    return links;
  const reference = document.order.externalReference;
  if (!reference || !/^\d+$/.test(reference))
    throw baseMissing(
      `order ${document.order.id} has no sales order DocEntry as its reference (${reference ?? "none"})`,
    );
  const order = await client.get<BaseDocument>(`/Orders(${reference})`);
  document.lines.forEach((line, index) => {
    const position = line.orderLineIndex;
    const itemCode = itemCodeOf(mapping, line);
    if (position === null || position < 0 || !itemCode) return;
    const row = order.DocumentLines[position];
    if (row?.ItemCode !== itemCode)
      throw baseMissing(
        `sales order ${reference} has no line ${position} for ${itemCode} (${line.code})`,
      );
    links.set(index, { baseType: 17, baseEntry: order.DocEntry, baseLine: row.LineNum });
  });
  return links;
}

/**
 * For a credit note, the lines of the delivered invoice it returns: the invoice line of the same
 * ItemCode, told apart by our order line (FreeText) when the item is on several lines. A line the
 * invoice does not have cannot be credited against it and is parked.
 */
export async function invoiceLinks(
  client: ServiceLayer,
  document: FinanceDocument,
  mapping: SapB1Mapping,
  invoiceDocEntry: string,
): Promise<Map<number, BaseLink>> {
  const links = new Map<number, BaseLink>();
  const invoice = await client.get<BaseDocument>(`/Invoices(${invoiceDocEntry})`);
  document.lines.forEach((line, index) => {
    const itemCode = itemCodeOf(mapping, line);
    if (!itemCode) return;
    let rows = invoice.DocumentLines.filter((row) => row.ItemCode === itemCode);
    if (rows.length > 1 && line.lineId) rows = rows.filter((row) => row.FreeText === line.lineId);
    const [row, ...others] = rows;
    if (!row || others.length > 0)
      throw new ConnectorError(
        "parked",
        `invoice ${invoiceDocEntry} (${document.invoice?.number ?? "?"}) has ${row ? "several lines" : "no line"} for ${itemCode} (${line.code})`,
      );
    links.set(index, { baseType: 13, baseEntry: invoice.DocEntry, baseLine: row.LineNum });
  });
  return links;
}
