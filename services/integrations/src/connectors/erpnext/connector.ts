import type { DespatchDocument, FinanceDocument } from "../documents.ts";
import type { MappingFile } from "../mapping-file.ts";
import { ConnectorError, type Connector } from "../outcome.ts";
import type { FrappeClient } from "./client.ts";
import { deliveryNoteOf } from "./delivery-note.ts";
import type { ErpnextMapping } from "./mapping.ts";
import { type OrderLink, salesInvoiceOf } from "./sales-invoice.ts";

const SALES_INVOICE = "/api/resource/Sales%20Invoice";
const DELIVERY_NOTE = "/api/resource/Delivery%20Note";
const SALES_ORDER = "/api/resource/Sales%20Order";

type Found = { name: string; docstatus: 0 | 1 | 2 };
type SalesOrderRow = { name: string; idx: number; item_code: string };

/** The document of `doctype` carrying our reference, if ERPNext has one (a filtered list GET). */
async function lookUp(
  client: FrappeClient,
  reference: string,
  doctype = SALES_INVOICE,
): Promise<Found | undefined> {
  const { data } = await client.get<{ data: Found[] }>(doctype, {
    filters: JSON.stringify([["waybill_reference", "=", reference]]),
    fields: JSON.stringify(["name", "docstatus"]),
    limit_page_length: "2",
  });
  return data[0];
}

/**
 * For an order that came from this ERPNext (its channel, its external reference being the Sales
 * Order's name), the Sales Order rows its lines bill: the order's lines are the Sales Order's
 * rows in the same order, and the item codes must agree.
 */
async function orderLinks(
  client: FrappeClient,
  document: FinanceDocument | DespatchDocument,
  mapping: ErpnextMapping,
): Promise<Map<number, OrderLink>> {
  const links = new Map<number, OrderLink>();
  const salesOrder = document.order.externalReference;
  // Notes refer to the invoice (return_against), which carries the Sales Order links.
  if (document.kind !== "invoice" && document.kind !== "despatch") return links;
  if (!mapping.salesOrderChannel || document.order.channel !== mapping.salesOrderChannel)
    return links;
  if (!salesOrder)
    throw new ConnectorError("parked", `order ${document.order.id} has no Sales Order reference`, {
      category: "missing_reference",
    });
  const { data } = await client.get<{ data: { items: SalesOrderRow[] } }>(
    `${SALES_ORDER}/${encodeURIComponent(salesOrder)}`,
  );
  for (const line of document.lines) {
    const index = line.orderLineIndex;
    if (index === null || index < 0) continue;
    const row = data.items.find((candidate) => candidate.idx === index + 1);
    if (!row || row.item_code !== mapping.items[line.code])
      throw new ConnectorError(
        "parked",
        `Sales Order ${salesOrder} has no row ${index + 1} for ${line.code}`,
        { category: "missing_reference" },
      );
    links.set(index, { salesOrder, soDetail: row.name });
  }
  return links;
}

/** Delivers a found draft by submitting it; a cancelled one is for a person to look at. */
async function submitted(client: FrappeClient, doctype: string, found: Found): Promise<string> {
  if (found.docstatus === 2)
    throw new ConnectorError("parked", `${found.name} was cancelled in ERPNext`);
  // A draft someone saved by hand: submitting it is what delivery means.
  if (found.docstatus === 0)
    await client.put(`${doctype}/${encodeURIComponent(found.name)}`, { docstatus: 1 });
  return found.name;
}

/**
 * ERPNext: each document becomes one submitted Sales Invoice carrying our number in the unique
 * custom field `waybill_reference`. It is looked up by that field first, so an attempt after a
 * lost answer finds the invoice the earlier one created instead of making a second. With
 * `deliveryNotes`, each confirmed shipment also becomes a submitted Delivery Note, the same way.
 */
export function erpnextConnector(
  client: FrappeClient,
  mapping: MappingFile<ErpnextMapping>,
  concurrency: number,
  deliveryNotes = false,
): Connector {
  const despatch = async (document: DespatchDocument) => {
    const found = await lookUp(client, document.number, DELIVERY_NOTE);
    if (found) return submitted(client, DELIVERY_NOTE, found);
    const current = mapping.current();
    const links = await orderLinks(client, document, current);
    const body = deliveryNoteOf(document, current, links);
    const { data } = await client.post<{ data: { name: string } }>(DELIVERY_NOTE, body);
    return data.name;
  };
  return {
    name: "erpnext",
    concurrency,
    ...(deliveryNotes ? { despatch } : {}),
    async deliver(document, delivered) {
      const found = await lookUp(client, document.number);
      if (found) return submitted(client, SALES_INVOICE, found);
      const current = mapping.current();
      if (document.kind !== "invoice" && !delivered.originalExternalId)
        throw new ConnectorError(
          "later",
          `the invoice of ${document.number} is not in ERPNext yet`,
        );
      const links = await orderLinks(client, document, current);
      const body = salesInvoiceOf(document, current, delivered.originalExternalId, links);
      const { data } = await client.post<{ data: { name: string } }>(SALES_INVOICE, body);
      return data.name;
    },
  };
}
