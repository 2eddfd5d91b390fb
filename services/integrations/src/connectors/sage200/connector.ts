import type { FinanceDocument } from "../documents.ts";
import type { MappingFile } from "../mapping-file.ts";
import { type Connector, ConnectorError, NotForThisSystem, unmapped } from "../outcome.ts";
import { type SageClient, quoted } from "./client.ts";
import { confirmDespatch } from "./despatch.ts";
import type { Sage200Mapping } from "./mapping.ts";
import { missingValues, salesPostingOf } from "./sales-ledger.ts";

type Posted = { id: number; reference: string };

const ENTRY_TYPE = {
  credit: "TradingAccountEntryTypeCreditNote",
  invoice: "TradingAccountEntryTypeInvoice",
} as const;

/** Sage keeps 20 characters of a reference: a longer one could not be looked up again. */
const REFERENCE_LENGTH = 20;

/** The posted sales transaction carrying our reference, if Sage 200 has one. */
async function lookUp(client: SageClient, reference: string, type: string) {
  const found = await client.get<Posted[]>("/sales_posted_transactions", {
    $filter: `reference eq ${quoted(reference)} and trader_transaction_type eq ${quoted(type)}`,
    $select: "id,reference",
    $top: "2",
  });
  return found[0];
}

/** The Sage id of the customer account the mapping names. */
async function customerId(client: SageClient, reference: string): Promise<number> {
  const found = await client.get<{ id: number }[]>("/customers", {
    $filter: `reference eq ${quoted(reference)}`,
    $select: "id,reference",
    $top: "2",
  });
  const [customer] = found;
  if (!customer)
    throw new ConnectorError("parked", `Sage 200 has no customer account ${reference}`, {
      category: "missing_reference",
    });
  return customer.id;
}

/**
 * Sage 200: despatches of orders that came from Sage are confirmed on their sales order; billing's
 * documents are posted to the customer's sales ledger account (an invoice or an adjustment note as
 * a sales invoice, a credit note as a sales credit note), because the API cannot post a SOP
 * invoice or credit. The invoice of an order that came from Sage is Sage's own to raise from the
 * despatch, so it is skipped rather than billed twice. Every posting carries our number as its
 * reference and is looked up by it first.
 */
export function sage200Connector(
  client: SageClient,
  mapping: MappingFile<Sage200Mapping>,
  concurrency: number,
): Connector {
  return {
    name: "sage200",
    concurrency,
    async deliver(document: FinanceDocument) {
      const current = mapping.current();
      if (document.kind === "invoice" && document.order.channel === current.salesOrderChannel)
        throw new NotForThisSystem(
          `order ${document.order.id} came from Sage 200 (sales order ${document.order.externalReference ?? "?"}): Sage invoices it from its despatch, and the API cannot post a SOP invoice`,
        );
      if (document.number.length > REFERENCE_LENGTH)
        throw new ConnectorError(
          "parked",
          `${document.number} is longer than the ${REFERENCE_LENGTH} characters of a Sage 200 reference`,
          { category: "validation" },
        );
      const credit = document.kind === "credit_note";
      const found = await lookUp(
        client,
        document.number,
        credit ? ENTRY_TYPE.credit : ENTRY_TYPE.invoice,
      );
      if (found) return String(found.id);
      const missing = missingValues(document, current);
      if (missing.length > 0) throw unmapped(missing);
      const customer = await customerId(client, current.customers[document.customerId] ?? "");
      const second =
        document.invoice?.number ?? document.order.externalReference ?? document.order.id;
      const body = salesPostingOf(document, current, customer, second);
      const created = await client.post<Posted>(
        credit ? "/sales_credit_notes" : "/sales_invoices",
        body,
      );
      return String(created.id);
    },
    despatch: (document) => confirmDespatch(client, mapping.current(), document),
  };
}
