import { formatAmount, formatTaxRate } from "@waybill/contracts";
import type { InvoiceLineView } from "../store/records.ts";

/** The customer account a billing document bills: whose it is for authorization. */
export const customerOf = (document: { customerId: string }) => document.customerId;

/** An amount in minor units as the API shows it. */
export const money = (amount: number, currency: string) => ({
  amount: formatAmount(amount, currency),
  currency,
});

/** The amounts of an invoice or credit note line. */
export const lineAmounts = {
  unitPrice: (line: InvoiceLineView) => money(line.unitPrice, line.currency),
  taxRate: (line: InvoiceLineView) => formatTaxRate(line.taxRatePpm),
  netAmount: (line: InvoiceLineView) => money(line.net, line.currency),
  taxAmount: (line: InvoiceLineView) => money(line.tax, line.currency),
};

/** A document's lines, each with the document's currency. */
export const withCurrency = <L extends object>(lines: readonly L[], currency: string) =>
  lines.map((line) => ({ ...line, currency }));
