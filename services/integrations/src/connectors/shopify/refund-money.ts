import { formatAmount, parseAmount, parseTaxRate, taxOn } from "@waybill/contracts";
import { toMinorPrecision } from "../../sources/shopify/mapping.ts";
import type { FinanceDocument } from "../documents.ts";
import { ConnectorError } from "../outcome.ts";

/** An order's transaction as `Order.transactions` answers it (objects/OrderTransaction). */
export type ShopifyTransaction = {
  id: string;
  kind: string;
  status: string;
  gateway: string;
  amountSet: { shopMoney: { amount: string; currencyCode: string } };
  parentTransaction: { id: string } | null;
};

export const TRANSACTIONS =
  "transactions(first: 50) { id kind status gateway amountSet { shopMoney { amount currencyCode } } parentTransaction { id } }";

/** What took the customer's money: a successful sale, or a capture of an authorisation. */
const PAID = new Set(["SALE", "CAPTURE"]);

/**
 * What the customer paid for the credited line items, tax included, in minor units: each line's
 * net and its tax rounded on the line, as billing rounds it. Shipping and carrier charges the
 * credit note takes back are Waybill's bills, not what the shop charged, so they are not refunded
 * through the shop.
 */
export function creditedMinor(document: FinanceDocument): number {
  let total = 0;
  for (const line of document.lines) {
    if (line.kind !== "product") continue;
    const net = Math.abs(line.quantity) * parseAmount(line.unitPrice.amount, document.currency);
    total += net + taxOn(net, parseTaxRate(line.taxRate ?? "0"));
  }
  return total;
}

/** A transaction's amount in minor units (Shopify writes "1000.00" for yen too). */
const shopMinor = (tx: ShopifyTransaction, currency: string) =>
  parseAmount(toMinorPrecision(tx.amountSet.shopMoney.amount, currency), currency);

/**
 * The refund's transactions (input-objects/OrderTransactionInput): `amountMinor` refunded through
 * the order's successful SALE and CAPTURE transactions, oldest first, each up to what it took less
 * what was refunded from it already, on its own gateway with it as parent. An order nothing was
 * paid for refunds no money; one that took less than is credited is parked for a person.
 */
export function refundTransactions(
  orderId: string,
  document: FinanceDocument,
  amountMinor: number,
  transactions: readonly ShopifyTransaction[],
): { orderId: string; kind: "REFUND"; gateway: string; parentId: string; amount: string }[] {
  const { currency } = document;
  const paid = transactions.filter((tx) => PAID.has(tx.kind) && tx.status === "SUCCESS");
  if (paid.length === 0 || amountMinor === 0) return [];
  const foreign = paid.find((tx) => tx.amountSet.shopMoney.currencyCode !== currency);
  if (foreign)
    throw new ConnectorError(
      "parked",
      `Shopify order ${orderId} was paid in ${foreign.amountSet.shopMoney.currencyCode}, ${document.number} credits ${currency}`,
    );
  const refunded = new Map<string, number>();
  for (const tx of transactions)
    if (tx.kind === "REFUND" && tx.status === "SUCCESS" && tx.parentTransaction)
      refunded.set(
        tx.parentTransaction.id,
        (refunded.get(tx.parentTransaction.id) ?? 0) + shopMinor(tx, currency),
      );
  let left = amountMinor;
  const out = [];
  for (const tx of paid) {
    const open = shopMinor(tx, currency) - (refunded.get(tx.id) ?? 0);
    const take = Math.min(open, left);
    if (take <= 0) continue;
    left -= take;
    out.push({
      orderId,
      kind: "REFUND" as const,
      gateway: tx.gateway,
      parentId: tx.id,
      amount: formatAmount(take, currency),
    });
    if (left === 0) break;
  }
  if (left > 0)
    throw new ConnectorError(
      "parked",
      `Shopify order ${orderId} has ${formatAmount(amountMinor - left, currency)} ${currency} left to refund, ${document.number} credits ${formatAmount(amountMinor, currency)}`,
    );
  return out;
}
