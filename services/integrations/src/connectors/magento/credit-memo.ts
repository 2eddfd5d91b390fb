import { formatAmount, parseAmount } from "@waybill/contracts";
import type { DocumentLine, FinanceDocument } from "../documents.ts";
import { ConnectorError } from "../outcome.ts";
import type { MagentoRest } from "./client.ts";
import type { MagentoMapping } from "./mapping.ts";
import { itemOf, orderByIncrementId, type MagentoOrder } from "./order.ts";
import { searchQuery, type SearchResult } from "./search-criteria.ts";

/** A credit memo as `GET /V1/creditmemos` lists it, with its comments. */
type CreditMemoRead = { entity_id: number; order_id: number; comments?: { comment: string }[] };

type MemoItem = { order_item_id: number; qty: number };

/** One credit memo to create: its items, which go back to stock, and the comment it carries. */
export type MemoPlan = {
  comment: string;
  items: MemoItem[];
  returnToStock: number[];
  shippingAmount: string;
  adjustmentPositive: string;
};

/** The comment a credit memo carries: our credit note's number, which the lookup searches for. */
export const memoComment = (number: string, part?: "restocked" | "not restocked") =>
  `Waybill credit note ${number}${part ? ` (${part})` : ""}`;

const credited = (lines: readonly DocumentLine[], currency: string) =>
  formatAmount(
    lines.reduce(
      (sum, line) =>
        sum + Math.abs(line.quantity) * Math.abs(parseAmount(line.unitPrice.amount, currency)),
      0,
    ),
    currency,
  );

/**
 * The credit memos a credit note becomes. Magento's `return_to_stock_items` names order items,
 * and every unit of a listed item in the memo goes back to stock: it cannot say "2 of these 3".
 * So a note whose lines are each restocked wholly or not at all is one memo; a note with a line
 * partly restocked is two, the restocked units (listed) and the others (not listed), each with
 * its own comment. Shipping credited goes as `shipping_amount`, charges as `adjustment_positive`,
 * on the first memo only (Magento would otherwise refund the order's remaining shipping).
 */
export function planMemos(document: FinanceDocument, order: MagentoOrder): MemoPlan[] {
  const products = document.lines.filter((line) => line.kind === "product");
  if (products.length === 0)
    throw new ConnectorError("parked", `${document.number} credits no order items to refund`);
  const lines = products.map((line) => {
    const qty = Math.abs(line.quantity);
    return { itemId: itemOf(order, line), qty, restock: Math.min(Math.max(line.restock, 0), qty) };
  });
  const shippingAmount = credited(
    document.lines.filter((line) => line.kind === "shipping"),
    document.currency,
  );
  const adjustmentPositive = credited(
    document.lines.filter((line) => line.kind === "charge"),
    document.currency,
  );
  const zero = formatAmount(0, document.currency);
  if (lines.every((line) => line.restock === 0 || line.restock === line.qty))
    return [
      {
        comment: memoComment(document.number),
        items: lines.map((line) => ({ order_item_id: line.itemId, qty: line.qty })),
        returnToStock: lines.filter((line) => line.restock > 0).map((line) => line.itemId),
        shippingAmount,
        adjustmentPositive,
      },
    ];
  const restocked = lines.filter((line) => line.restock > 0);
  const rest = lines.filter((line) => line.qty > line.restock);
  return [
    {
      comment: memoComment(document.number, "restocked"),
      items: restocked.map((line) => ({ order_item_id: line.itemId, qty: line.restock })),
      returnToStock: restocked.map((line) => line.itemId),
      shippingAmount,
      adjustmentPositive,
    },
    {
      comment: memoComment(document.number, "not restocked"),
      items: rest.map((line) => ({ order_item_id: line.itemId, qty: line.qty - line.restock })),
      returnToStock: [],
      shippingAmount: zero,
      adjustmentPositive: zero,
    },
  ];
}

/**
 * A credit note as offline credit memos (`POST /V1/order/{id}/refund`) of its credited order
 * items. The order's credit memos are read first and a memo whose comment is ours is the one an
 * earlier attempt created, so a retry after a lost answer refunds nothing twice. Returns the
 * memo ids, comma-separated when the note took two.
 */
export async function refund(
  rest: MagentoRest,
  document: FinanceDocument,
  mapping: MagentoMapping,
  incrementId: string,
): Promise<string> {
  const order = await orderByIncrementId(rest, incrementId);
  const plans = planMemos(document, order);
  const memos = await rest.get<SearchResult<CreditMemoRead>>(
    `/creditmemos?${searchQuery({
      filters: [{ field: "order_id", value: String(order.entity_id), condition: "eq" }],
    })}`,
  );
  const ids: string[] = [];
  for (const plan of plans) {
    const existing = memos.items.find((memo) =>
      (memo.comments ?? []).some((comment) => comment.comment === plan.comment),
    );
    if (existing) {
      ids.push(String(existing.entity_id));
      continue;
    }
    const id = await rest.post<number | string>(`/order/${order.entity_id}/refund`, {
      items: plan.items,
      notify: mapping.notifyCustomer,
      comment: { comment: plan.comment, is_visible_on_front: 0 },
      arguments: {
        shipping_amount: plan.shippingAmount,
        adjustment_positive: plan.adjustmentPositive,
        adjustment_negative: formatAmount(0, document.currency),
        extension_attributes: { return_to_stock_items: plan.returnToStock },
      },
    });
    ids.push(String(id));
  }
  return ids.join(",");
}
