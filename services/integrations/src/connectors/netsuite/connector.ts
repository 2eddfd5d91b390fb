import type { FinanceDocument } from "../documents.ts";
import type { MappingFile } from "../mapping-file.ts";
import { ConnectorError, type Connector } from "../outcome.ts";
import type { SuiteTalkClient } from "./client.ts";
import type { NetsuiteMapping } from "./mapping.ts";
import {
  creditMemoFromInvoice,
  invoiceFromOrder,
  standaloneInvoice,
  type Transaction,
} from "./records.ts";

const RECORD = "/record/v1";
const EXPANDED = { expandSubResources: "true" };

/** NetSuite takes letters, digits, `_` and `-` in an external id; our numbers are made of those. */
const EXTERNAL_ID = /^[A-Za-z0-9_-]+$/;

/** The record type a document becomes: a credit memo for a credit note, an invoice otherwise. */
const typeOf = (document: FinanceDocument) =>
  document.kind === "credit_note" ? "creditMemo" : "invoice";

/** An internal id from our data (an order's external reference), checked before it goes in a URL. */
function internalId(value: string | null, what: string): string {
  if (value && /^\d+$/.test(value)) return value;
  throw new ConnectorError("parked", `${what} is not a NetSuite internal id: ${value ?? "none"}`, {
    category: "missing_reference",
  });
}

/** Writes one document's record; the internal id, read from Location or by external id. */
async function create(
  client: SuiteTalkClient,
  document: FinanceDocument,
  mapping: NetsuiteMapping,
  originalId: string | null,
): Promise<string | undefined> {
  const eid = `${RECORD}/invoice/eid:${document.number}`;
  if (document.kind === "credit_note") {
    const invoiceId = internalId(originalId, `the invoice of ${document.number}`);
    const invoice = await client.get<Transaction>(`${RECORD}/invoice/${invoiceId}`, EXPANDED);
    const body = creditMemoFromInvoice(document, mapping, invoice);
    return client.write("POST", `${RECORD}/invoice/${invoiceId}/!transform/creditMemo`, body);
  }
  if (document.kind === "adjustment_note") {
    const invoiceId = internalId(originalId, `the invoice of ${document.number}`);
    const original = await client.get<Transaction>(`${RECORD}/invoice/${invoiceId}`);
    if (!original.entity || !original.subsidiary || !original.currency)
      throw new ConnectorError(
        "parked",
        `invoice ${invoiceId} has no entity, subsidiary or currency`,
      );
    const billTo = {
      entity: original.entity,
      subsidiary: original.subsidiary,
      currency: original.currency,
      invoiceId,
    };
    return client.write("PUT", eid, standaloneInvoice(document, mapping, billTo));
  }
  if (mapping.salesOrderChannel && document.order.channel === mapping.salesOrderChannel) {
    const orderId = internalId(
      document.order.externalReference,
      `order ${document.order.id}'s sales order`,
    );
    const salesOrder = await client.get<Transaction>(`${RECORD}/salesOrder/${orderId}`, EXPANDED);
    const body = invoiceFromOrder(document, mapping, salesOrder);
    return client.write("POST", `${RECORD}/salesOrder/${orderId}/!transform/invoice`, body);
  }
  return client.write("PUT", eid, standaloneInvoice(document, mapping));
}

/**
 * NetSuite: each document becomes one record carrying our number as its external id. It is looked
 * up by that id first (`GET /record/v1/{type}/eid:{number}`), so an attempt after a lost answer
 * finds what the earlier one created; standalone invoices are written with the upsert
 * (`PUT .../eid:{number}`), and transforms set `externalId`, which NetSuite keeps unique per type.
 */
export function netsuiteConnector(
  client: SuiteTalkClient,
  mapping: MappingFile<NetsuiteMapping>,
  concurrency: number,
): Connector {
  return {
    name: "netsuite",
    concurrency,
    async deliver(document, delivered) {
      if (!EXTERNAL_ID.test(document.number))
        throw new ConnectorError("parked", `${document.number} cannot be a NetSuite external id`);
      const lookUp = `${RECORD}/${typeOf(document)}/eid:${document.number}`;
      const found = await client.find<{ id: string }>(lookUp);
      if (found) return found.id;
      if (document.kind !== "invoice" && !delivered.originalExternalId)
        throw new ConnectorError(
          "later",
          `the invoice of ${document.number} is not in NetSuite yet`,
        );
      const id = await create(client, document, mapping.current(), delivered.originalExternalId);
      if (id) return id;
      // No Location header: the record is there, read its id by our number.
      const written = await client.find<{ id: string }>(lookUp);
      if (!written)
        throw new ConnectorError("unavailable", `NetSuite did not keep ${document.number}`);
      return written.id;
    },
  };
}
