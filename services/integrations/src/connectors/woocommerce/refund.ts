import { formatAmount, minorDigits, parseAmount, parseTaxRate, taxOn } from "@waybill/contracts";
import type { DocumentLine, FinanceDocument } from "../documents.ts";
import { ConnectorError } from "../outcome.ts";
import type { WoocommerceApi } from "./client.ts";
import type { WoocommerceMapping } from "./mapping.ts";
import { lineItemOf, type WooLineItem, type WooOrder } from "./order.ts";

/** A refund as `GET /orders/{id}/refunds` lists it. */
type WooRefund = { id: number; reason: string };

type RefundLine = {
  id: number;
  quantity: number;
  refund_total: string;
  refund_tax: { id: number; refund_total: string }[];
};

/**
 * The reason a refund carries: our credit note's number, which the lookup searches for, and
 * whether its units went back into stock (a credit note may need one refund of each).
 */
export const refundReason = (number: string, restocked: boolean) =>
  `Waybill credit note ${number}${restocked ? " (restocked)" : ""}`;

/** A tax total WooCommerce may keep unrounded ("1.666667"), cut to minor units: a weight only. */
function weightOf(text: string, currency: string): number {
  const digits = minorDigits(currency);
  const [whole = "0", fraction = ""] = text.replace(/^-/, "").split(".");
  return Number(whole + fraction.slice(0, digits).padEnd(digits, "0")) || 0;
}

/** Spreads `tax` over the line item's tax rates as WooCommerce charged them; the last takes the rest. */
function taxShares(item: WooLineItem, tax: number, currency: string, number: string) {
  const charged = item.taxes
    .map((entry) => ({ id: entry.id, minor: weightOf(entry.total, currency) }))
    .filter((entry) => entry.minor !== 0);
  if (tax === 0) return [];
  const total = charged.reduce((sum, entry) => sum + entry.minor, 0);
  if (total === 0)
    throw new ConnectorError(
      "parked",
      `${number} credits tax on line item ${item.id}, which WooCommerce charged no tax`,
    );
  let left = tax;
  return charged.map((entry, index) => {
    const share = index === charged.length - 1 ? left : Math.round((tax * entry.minor) / total);
    left -= share;
    return { id: entry.id, refund_total: formatAmount(share, currency) };
  });
}

/** One refund line of `units` of a credited line, with the line's tax on them. */
function refundLine(
  order: WooOrder,
  document: FinanceDocument,
  line: DocumentLine,
  units: number,
): { line: RefundLine; minor: number } {
  const item = lineItemOf(order, line);
  const net = Math.abs(parseAmount(line.unitPrice.amount, document.currency)) * units;
  const tax = taxOn(net, parseTaxRate(line.taxRate ?? "0"));
  return {
    line: {
      id: item.id,
      quantity: units,
      refund_total: formatAmount(net, document.currency),
      refund_tax: taxShares(item, tax, document.currency, document.number),
    },
    minor: net + tax,
  };
}

/** The refunds a credit note is: its restocked units, then the rest, each when it has any. */
function refundsOf(order: WooOrder, document: FinanceDocument, apiRefund: boolean) {
  const products = document.lines.filter((line) => line.kind === "product");
  if (products.length === 0)
    throw new ConnectorError("parked", `${document.number} credits no line items to refund`);
  return [true, false].flatMap((restocked) => {
    const lines = products
      .map((line) => {
        const units = Math.abs(line.quantity);
        const back = Math.min(line.restock, units);
        return { line, units: restocked ? back : units - back };
      })
      .filter(({ units }) => units > 0)
      .map(({ line, units }) => refundLine(order, document, line, units));
    if (lines.length === 0) return [];
    const minor = lines.reduce((sum, line) => sum + line.minor, 0);
    return [
      {
        amount: formatAmount(minor, document.currency),
        reason: refundReason(document.number, restocked),
        api_refund: apiRefund,
        api_restock: restocked,
        line_items: lines.map(({ line }) => line),
      },
    ];
  });
}

/**
 * A credit note as refunds of its credited line items with their tax: one restocking the units
 * the return's RESTOCK disposition sent back (`api_restock: true`), one for the rest, since
 * WooCommerce restocks all or none of a refund's quantities. Each is looked up first by its
 * reason, so a retry after a lost answer refunds nothing twice. Shipping and charges credited are
 * left to the store. Returns the refunds' ids.
 */
export async function refund(
  api: WoocommerceApi,
  document: FinanceDocument,
  mapping: WoocommerceMapping,
  orderId: number,
): Promise<string> {
  const order = await api.request<WooOrder>("GET", `/orders/${orderId}`);
  if (order.currency !== document.currency)
    throw new ConnectorError(
      "parked",
      `${document.number} is in ${document.currency}, WooCommerce order ${orderId} in ${order.currency}`,
    );
  const wanted = refundsOf(order, document, mapping.apiRefund);
  const existing = await api.request<WooRefund[]>("GET", `/orders/${orderId}/refunds`, {
    query: { per_page: "100" },
  });
  const ids: string[] = [];
  for (const body of wanted) {
    const found = existing.find((candidate) => candidate.reason === body.reason);
    const made =
      found ?? (await api.request<WooRefund>("POST", `/orders/${orderId}/refunds`, { body }));
    ids.push(String(made.id));
  }
  return ids.join(",");
}
