import type { DocumentKind, FinanceDocument } from "../documents.ts";
import type { MappingFile } from "../mapping-file.ts";
import { ConnectorError, type Connector, type Delivered } from "../outcome.ts";
import { invoiceLinks, salesOrderLinks } from "./base-lines.ts";
import type { ServiceLayer } from "./client.ts";
import type { SapB1Mapping } from "./mapping.ts";
import { type BaseLink, marketingDocumentOf } from "./marketing-document.ts";

/** Where each kind goes: an adjustment note is an invoice of its own (debit memos are local). */
const ENTITY: Record<DocumentKind, "/Invoices" | "/CreditNotes"> = {
  invoice: "/Invoices",
  credit_note: "/CreditNotes",
  adjustment_note: "/Invoices",
};

type Found = { DocEntry: number; DocNum: number; Cancelled?: "tYES" | "tNO" };

/** The document carrying our number as its customer reference, if B1 has one. */
async function lookUp(client: ServiceLayer, kind: DocumentKind, reference: string) {
  const { value } = await client.get<{ value: Found[] }>(ENTITY[kind], {
    $filter: `NumAtCard eq '${reference.replaceAll("'", "''")}'`,
    $select: "DocEntry,DocNum,Cancelled",
  });
  return value[0];
}

const commentsOf = (document: FinanceDocument, originalDocEntry: string | null) =>
  document.kind === "adjustment_note"
    ? `Waybill ${document.number}: carrier charge after ${document.invoice?.number ?? "the invoice"} (A/R invoice DocEntry ${originalDocEntry ?? "?"}), order ${document.order.id}`
    : `Waybill ${document.number} for order ${document.order.id}`;

/** The base document lines of a document: its sales order's, or for a credit note its invoice's. */
function linksOf(
  client: ServiceLayer,
  document: FinanceDocument,
  mapping: SapB1Mapping,
  delivered: Delivered,
): Promise<Map<number, BaseLink>> {
  if (document.kind === "credit_note" && delivered.originalExternalId)
    return invoiceLinks(client, document, mapping, delivered.originalExternalId);
  return salesOrderLinks(client, document, mapping);
}

/**
 * SAP Business One through its Service Layer: an invoice becomes an A/R invoice, based on the
 * sales order when the order came from B1; a credit note an A/R credit memo based on the
 * invoice; an adjustment note a standalone A/R invoice for the charge. Each carries our number as
 * NumAtCard and is looked up by it first, so an attempt after a lost answer finds the document
 * the earlier one created instead of making a second.
 */
export function sapB1Connector(
  client: ServiceLayer,
  mapping: MappingFile<SapB1Mapping>,
  concurrency: number,
): Connector {
  return {
    name: "sap-b1",
    concurrency,
    async deliver(document, delivered) {
      const found = await lookUp(client, document.kind, document.number);
      if (found?.Cancelled === "tYES")
        throw new ConnectorError(
          "parked",
          `${document.number} (DocEntry ${found.DocEntry}) was cancelled in SAP B1`,
        );
      if (found) return String(found.DocEntry);
      if (document.kind !== "invoice" && !delivered.originalExternalId)
        throw new ConnectorError("later", `the invoice of ${document.number} is not in SAP B1 yet`);
      const current = mapping.current();
      const links = await linksOf(client, document, current, delivered);
      const body = marketingDocumentOf(
        document,
        current,
        links,
        commentsOf(document, delivered.originalExternalId),
      );
      const created = await client.post<{ DocEntry: number }>(ENTITY[document.kind], body);
      return String(created.DocEntry);
    },
  };
}
