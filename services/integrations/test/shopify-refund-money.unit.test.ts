import { describe, expect, it } from "vitest";
import type { FinanceDocument } from "../src/connectors/documents.ts";
import {
  creditedMinor,
  refundTransactions,
  type ShopifyTransaction,
} from "../src/connectors/shopify/refund-money.ts";
import { removedLineItems } from "../src/sources/shopify/cancellations.ts";
import { shopifyOrderChange } from "../src/sources/shopify/changes-payload.ts";

const ORDER = "gid://shopify/Order/1";

function creditNote(
  currency: string,
  lines: [string, number, string, string | null][],
): FinanceDocument {
  return {
    kind: "credit_note",
    id: "cn_1",
    number: "CN-2026-000001",
    customerId: "cus_1",
    currency,
    issuedAt: "2026-12-03T10:00:00.000Z",
    order: { id: "ord_1", channel: "shopify", externalReference: "1" },
    invoice: { id: "inv_1", number: "INV-2026-000001" },
    lines: lines.map(([code, quantity, amount, taxRate], index) => ({
      lineId: code === "shipping" ? null : `l${index}`,
      orderLineIndex: code === "shipping" ? null : index,
      code,
      kind: code === "shipping" ? ("shipping" as const) : ("product" as const),
      quantity,
      unitPrice: { amount, currency },
      taxRate,
      restock: 0,
    })),
  };
}

const tx = (
  id: string,
  kind: string,
  amount: string,
  currency = "EUR",
  parent: string | null = null,
): ShopifyTransaction => ({
  id,
  kind,
  status: "SUCCESS",
  gateway: "shopify_payments",
  amountSet: { shopMoney: { amount, currencyCode: currency } },
  parentTransaction: parent ? { id: parent } : null,
});

describe("a Shopify refund's money", () => {
  it("is the credited line items with their tax rounded per line, shipping left out", () => {
    // 3 × 3.33 = 9.99 net, 20 % is 1.998 → 2.00; shipping is Waybill's bill, not the shop's.
    const note = creditNote("EUR", [
      ["MUG", -3, "3.33", "20"],
      ["shipping", -1, "4.95", null],
    ]);
    expect(creditedMinor(note)).toBe(1199);
    expect(creditedMinor(creditNote("JPY", [["MUG", -2, "1500", "10"]]))).toBe(3300);
  });

  it("goes back through the sales and captures, oldest first, each up to what is left of it", () => {
    const note = creditNote("EUR", [["MUG", -1, "50.00", "0"]]);
    const transactions = [
      tx("t1", "AUTHORIZATION", "100.00"),
      tx("t2", "SALE", "30.00"),
      tx("t3", "REFUND", "10.00", "EUR", "t2"),
      tx("t4", "CAPTURE", "70.00", "EUR", "t1"),
    ];
    expect(refundTransactions(ORDER, note, 5000, transactions)).toEqual([
      {
        orderId: ORDER,
        kind: "REFUND",
        gateway: "shopify_payments",
        parentId: "t2",
        amount: "20.00",
      },
      {
        orderId: ORDER,
        kind: "REFUND",
        gateway: "shopify_payments",
        parentId: "t4",
        amount: "30.00",
      },
    ]);
  });

  it("reads Shopify's yen written with decimals, refunds nothing of an unpaid order, and parks what cannot be covered", () => {
    const yen = creditNote("JPY", [["MUG", -1, "1000", "0"]]);
    expect(refundTransactions(ORDER, yen, 1000, [tx("t1", "SALE", "1000.00", "JPY")])).toEqual([
      expect.objectContaining({ amount: "1000" }),
    ]);
    const note = creditNote("EUR", [["MUG", -1, "50.00", "0"]]);
    expect(refundTransactions(ORDER, note, 5000, [tx("t1", "AUTHORIZATION", "50.00")])).toEqual([]);
    expect(() => refundTransactions(ORDER, note, 5000, [tx("t1", "SALE", "49.99")])).toThrow(
      "has 49.99 EUR left to refund",
    );
    expect(() => refundTransactions(ORDER, note, 5000, [tx("t1", "SALE", "60.00", "USD")])).toThrow(
      "paid in USD",
    );
  });
});

describe("a Shopify line item removed entirely", () => {
  const change = (lineItems: unknown[], refunds: unknown[] = []) =>
    shopifyOrderChange.parse({ id: 1, line_items: lineItems, refunds });

  it("is one whose current_quantity is 0, or whose cancel refunds cover it when current_quantity is not sent", () => {
    expect(
      removedLineItems(
        change([
          { id: 11, quantity: 2, current_quantity: 0 },
          { id: 12, quantity: 2, current_quantity: 1 },
          { id: 13, quantity: 2, current_quantity: 2 },
        ]),
      ),
    ).toEqual(["11"]);
    expect(
      removedLineItems(
        change(
          [
            { id: 11, quantity: 2 },
            { id: 12, quantity: 2 },
            { id: 13, quantity: 1 },
          ],
          [
            {
              id: 5,
              order_id: 1,
              refund_line_items: [
                { line_item_id: 11, quantity: 1, restock_type: "cancel" },
                { line_item_id: 11, quantity: 1, restock_type: "cancel" },
                { line_item_id: 12, quantity: 1, restock_type: "cancel" },
                { line_item_id: 13, quantity: 1, restock_type: "return" },
              ],
            },
          ],
        ),
      ),
    ).toEqual(["11"]);
  });
});
