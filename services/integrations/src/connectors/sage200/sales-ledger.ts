import { formatAmount, parseAmount, parseTaxRate, taxOn } from "@waybill/contracts";
import type { DocumentLine, FinanceDocument } from "../documents.ts";
import { unmapped } from "../outcome.ts";
import { Decimal } from "./client.ts";
import type { NominalAccount, Sage200Mapping } from "./mapping.ts";

/** One nominal analysis row of a posted sales transaction. */
export type NominalAnalysisItem = {
  code: string;
  cost_centre: string;
  department: string;
  narrative: string;
  value: Decimal;
};

/** One tax analysis row: the tax code id and the goods and tax amounts it covers. */
export type TaxAnalysisItem = { id: number; goods_amount: Decimal; tax_amount: Decimal };

/**
 * The body of `POST /sales_invoices` and `POST /sales_credit_notes`: a transaction posted to the
 * customer's sales ledger account, analysed by nominal account and tax code. Values are positive
 * on both; which ledger entry it is comes from the resource.
 */
export type SalesPosting = {
  customer_id: number;
  transaction_date: string;
  /** Our number (INV-..., CN-..., AN-...; at most 20 characters): what a retry looks it up by. */
  reference: string;
  /** The invoice a note refers to, or the order an invoice bills. */
  second_reference: string;
  document_goods_value: Decimal;
  document_tax_value: Decimal;
  nominal_analysis_items: NominalAnalysisItem[];
  tax_analysis_items: TaxAnalysisItem[];
};

/** The mapped values a document needs before its posting can be written. */
export function missingValues(document: FinanceDocument, mapping: Sage200Mapping): string[] {
  const missing: string[] = [];
  if (!mapping.customers[document.customerId]) missing.push(`customer ${document.customerId}`);
  for (const line of document.lines) {
    if (line.kind === "product" && !mapping.stockCodes[line.code])
      missing.push(`stock code for ${line.code}`);
    if (line.kind === "charge" && !mapping.nominalCodes.charges[line.code])
      missing.push(`nominal code for charge ${line.code}`);
    if (line.taxRate !== null && !mapping.taxCodes[line.taxRate])
      missing.push(`tax code for rate ${line.taxRate}`);
  }
  return [...new Set(missing)];
}

const accountOf = (mapping: Sage200Mapping, line: DocumentLine): NominalAccount | undefined =>
  line.kind === "product"
    ? mapping.nominalCodes.goods
    : line.kind === "shipping"
      ? mapping.nominalCodes.shipping
      : mapping.nominalCodes.charges[line.code];

const truncate = (text: string, length: number) => text.slice(0, length);

/**
 * The posting of a document for the customer with Sage id `customerId`, in integer minor units
 * throughout: each line's net is its quantity times its unit price, tax is reckoned per tax code
 * and rate on the sum of its goods (rounded half away from zero).
 */
export function salesPostingOf(
  document: FinanceDocument,
  mapping: Sage200Mapping,
  customerId: number,
  secondReference: string,
): SalesPosting {
  const missing = missingValues(document, mapping);
  if (missing.length > 0) throw unmapped(missing);
  const { currency } = document;
  // Credit notes come with negative quantities; the credit note resource takes positive values.
  const sign = document.kind === "credit_note" ? -1 : 1;
  const nominal: NominalAnalysisItem[] = [];
  const goodsByTax = new Map<string, { taxCode: number; ratePpm: number; goods: number }>();
  for (const line of document.lines) {
    const net = sign * line.quantity * parseAmount(line.unitPrice.amount, currency);
    const account = accountOf(mapping, line) ?? mapping.nominalCodes.goods;
    const what =
      line.kind === "product"
        ? `${sign * line.quantity} x ${mapping.stockCodes[line.code] ?? line.code} at ${line.unitPrice.amount}`
        : line.kind === "shipping"
          ? "Shipping"
          : `Charge ${line.code}`;
    nominal.push({
      code: account.code,
      cost_centre: account.costCentre,
      department: account.department,
      narrative: truncate(`${document.number} ${what}`, 60),
      value: new Decimal(formatAmount(net, currency)),
    });
    const taxCode =
      line.taxRate === null ? mapping.shippingTax.taxCode : (mapping.taxCodes[line.taxRate] ?? 0);
    const ratePpm = parseTaxRate(line.taxRate ?? mapping.shippingTax.rate);
    const key = `${taxCode}/${ratePpm}`;
    const group = goodsByTax.get(key) ?? { taxCode, ratePpm, goods: 0 };
    group.goods += net;
    goodsByTax.set(key, group);
  }
  const byCode = new Map<number, { goods: number; tax: number }>();
  for (const group of goodsByTax.values()) {
    const sums = byCode.get(group.taxCode) ?? { goods: 0, tax: 0 };
    sums.goods += group.goods;
    sums.tax += taxOn(group.goods, group.ratePpm);
    byCode.set(group.taxCode, sums);
  }
  const tax = [...byCode.entries()].map(([id, sums]) => ({ id, ...sums }));
  const amount = (minor: number) => new Decimal(formatAmount(minor, currency));
  return {
    customer_id: customerId,
    transaction_date: `${document.issuedAt.slice(0, 10)}T00:00:00`,
    reference: document.number,
    second_reference: truncate(secondReference, 20),
    document_goods_value: amount(tax.reduce((sum, item) => sum + item.goods, 0)),
    document_tax_value: amount(tax.reduce((sum, item) => sum + item.tax, 0)),
    nominal_analysis_items: nominal,
    tax_analysis_items: tax.map((item) => ({
      id: item.id,
      goods_amount: amount(item.goods),
      tax_amount: amount(item.tax),
    })),
  };
}
