import type { DespatchDocument, FinanceDocument } from "../documents.ts";
import { unmapped } from "../outcome.ts";
import { cents } from "./amounts.ts";
import type { EdiPartner, ItemIdentifier } from "./mapping.ts";

/** A product line as the partner sees it: its identifiers, quantity and unit price in cents. */
export type ItemLine = {
  sku: string;
  identifiers: ItemIdentifier[];
  quantity: number;
  /** Null on a despatch, which carries no prices. */
  unitCents: bigint | null;
};

/** Shipping or a carrier charge: the partner's charge code and its amount in cents. */
export type ChargeLine = { code: string; cents: bigint };

/** A billing document's lines resolved against the partner's mapping. */
export type PartnerLines = { items: ItemLine[]; charges: ChargeLine[] };

const abs = (value: bigint) => (value < 0n ? -value : value);

/**
 * The lines of a billing document as the partner gets them, or every unmapped SKU and charge at
 * once (master data fix the mapping once). Quantities and amounts are positive: the document type
 * (812's credit/debit flag, INVOIC's BGM) says which way they go.
 */
export function financeLines(document: FinanceDocument, partner: EdiPartner): PartnerLines {
  const missing: string[] = [];
  const items: ItemLine[] = [];
  const charges: ChargeLine[] = [];
  for (const line of document.lines) {
    if (line.kind === "product") {
      const identifiers = partner.items[line.code];
      if (!identifiers) missing.push(`item ${line.code}`);
      items.push({
        sku: line.code,
        identifiers: identifiers ?? [],
        quantity: Math.abs(line.quantity),
        unitCents: abs(cents(line.unitPrice.amount)),
      });
    } else {
      const code = partner.charges[line.code];
      if (!code) missing.push(`charge ${line.code}`);
      charges.push({
        code: code ?? "",
        cents: abs(cents(line.unitPrice.amount) * BigInt(line.quantity)),
      });
    }
  }
  if (missing.length > 0) throw unmapped([...new Set(missing)]);
  return { items, charges };
}

/** The shipped lines of a despatch as the partner gets them, or every unmapped SKU. */
export function despatchLines(document: DespatchDocument, partner: EdiPartner): ItemLine[] {
  const missing = document.lines
    .filter((line) => !partner.items[line.code])
    .map((line) => `item ${line.code}`);
  if (missing.length > 0) throw unmapped([...new Set(missing)]);
  return document.lines
    .filter((line) => line.quantity > 0)
    .map((line) => ({
      sku: line.code,
      identifiers: partner.items[line.code] ?? [],
      quantity: line.quantity,
      unitCents: null,
    }));
}

/** Net total in cents: quantity × unit price per item, plus the charges. */
export function totalCents(lines: PartnerLines): bigint {
  let total = 0n;
  for (const item of lines.items) total += BigInt(item.quantity) * (item.unitCents ?? 0n);
  for (const charge of lines.charges) total += charge.cents;
  return total;
}
