// Checks, after a fault run with connectors on, that the outside systems hold each of billing's
// documents exactly once, against the right original, for the amount billing issued.
import { join } from "node:path";
import { parseAmount } from "@waybill/contracts";
import { type Doc, openStore } from "@waybill/store";
import type { InvariantReport } from "./invariants.ts";

/** A document as an outside system holds it, in the terms the check compares. */
export type ExternalDocument = {
  /** Its id in the system. */
  id: string;
  /** Our number (INV-..., CN-..., AN-...) as the system carries it. */
  reference: string;
  kind: "invoice" | "credit" | "debit";
  /**
   * The system's id of the invoice a credit or debit refers to; undefined where the system keeps
   * no link for this kind (NetSuite's adjustment invoices name the original in their memo only).
   */
  against: string | null | undefined;
  /** Net amount in minor units: negative for a credit. */
  net: number;
};

type Invoice = Doc & { number: string | null; subtotal: number };
type CreditNote = Doc & { number: string; invoiceId: string; subtotal: number };
type AdjustmentNote = Doc & { number: string; invoiceId: string; amount: number };
type Delivery = Doc & {
  connector: string;
  reference: string;
  state: string;
  parked: boolean;
  externalId: string | null;
  lastError: string | null;
};

/** Sums `rate × qty` of a document's lines in minor units (rates are decimal strings). */
export function netOf(lines: { rate: string; quantity: number }[], currency: string): number {
  return lines.reduce(
    (total, line) =>
      total + (line.quantity === 0 ? 0 : parseAmount(line.rate, currency) * line.quantity),
    0,
  );
}

/**
 * For each system: every issued invoice, credit note and adjustment note is there once, credits
 * and debits point at their invoice's document, amounts agree with billing's, nothing else is
 * there, and every delivery record says delivered with the system's id.
 */
export async function checkConnectorDocuments(
  dataDir: string,
  systems: Record<string, ExternalDocument[]>,
): Promise<InvariantReport> {
  const billing = await openStore({ database: "billing", dataDir: join(dataDir, "data") });
  const integrations = await openStore({
    database: "integrations",
    dataDir: join(dataDir, "data"),
  });
  const anomalies: string[] = [];
  const flag = (message: string) => anomalies.length < 50 && anomalies.push(message);
  const figures: Record<string, number> = {};
  try {
    const invoices = (await billing.collection<Invoice>("invoices").find({})).filter(
      (invoice) => invoice.number !== null,
    );
    const creditNotes = await billing.collection<CreditNote>("credit_notes").find({});
    const adjustmentNotes = await billing.collection<AdjustmentNote>("adjustment_notes").find({});
    const deliveries = await integrations.collection<Delivery>("connectorDeliveries").find({});
    const numberOf = new Map(invoices.map((invoice) => [invoice._id, invoice.number]));
    for (const [system, documents] of Object.entries(systems)) {
      figures[`${system}Documents`] = documents.length;
      const byReference = new Map<string, ExternalDocument[]>();
      for (const document of documents)
        byReference.set(document.reference, [
          ...(byReference.get(document.reference) ?? []),
          document,
        ]);
      const expected = new Set<string>();
      const one = (reference: string, kind: ExternalDocument["kind"], net: number) => {
        expected.add(reference);
        const found = byReference.get(reference) ?? [];
        if (found.length !== 1) {
          flag(`${system} holds ${found.length} documents for ${reference}`);
          return undefined;
        }
        const [document] = found;
        if (document?.kind !== kind) flag(`${system}: ${reference} is a ${document?.kind}`);
        if (document?.net !== net)
          flag(`${system}: ${reference} nets ${document?.net}, billing issued ${net}`);
        return document;
      };
      const againstInvoice = (document: ExternalDocument | undefined, invoiceId: string) => {
        const invoiceNumber = numberOf.get(invoiceId);
        const original = invoiceNumber ? byReference.get(invoiceNumber)?.[0] : undefined;
        if (
          document &&
          document.against !== undefined &&
          (!original || document.against !== original.id)
        )
          flag(
            `${system}: ${document.reference} is against ${document.against}, not ${original?.id} (${invoiceNumber})`,
          );
      };
      for (const invoice of invoices) one(invoice.number ?? "", "invoice", invoice.subtotal);
      for (const note of creditNotes)
        againstInvoice(one(note.number, "credit", -note.subtotal), note.invoiceId);
      for (const note of adjustmentNotes)
        againstInvoice(one(note.number, "debit", note.amount), note.invoiceId);
      for (const reference of byReference.keys())
        if (!expected.has(reference))
          flag(`${system} holds ${reference}, which billing never issued`);

      const own = deliveries.filter((delivery) => delivery.connector === system);
      figures[`${system}Deliveries`] = own.length;
      if (own.length !== expected.size)
        flag(`${system}: ${own.length} delivery records for ${expected.size} documents`);
      for (const delivery of own) {
        const found = byReference.get(delivery.reference)?.[0];
        if (delivery.state !== "delivered" || delivery.parked)
          flag(
            `${system}: ${delivery.reference} is ${delivery.state}${delivery.parked ? " (parked)" : ""}: ${delivery.lastError}`,
          );
        else if (delivery.externalId !== found?.id)
          flag(
            `${system}: ${delivery.reference} recorded as ${delivery.externalId}, not ${found?.id}`,
          );
      }
    }
  } finally {
    await billing.close();
    await integrations.close();
  }
  return { figures, anomalies };
}
