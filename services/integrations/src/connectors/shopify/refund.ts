import { createHash } from "node:crypto";
import type { DocumentLine, FinanceDocument } from "../documents.ts";
import { ConnectorError, unmapped } from "../outcome.ts";
import { refusedBy, type ShopifyAdmin } from "./client.ts";
import type { ShopifyMapping } from "./mapping.ts";
import { found, LINE_ITEMS, lineItemOf, type ShopifyLineItem } from "./order.ts";
import {
  creditedMinor,
  refundTransactions,
  TRANSACTIONS,
  type ShopifyTransaction,
} from "./refund-money.ts";

export const REFUND_READ = `query WaybillRefunds($id: ID!) {
  order(id: $id) {
    id
    ${LINE_ITEMS}
    refunds(first: 50) { id note }
    ${TRANSACTIONS}
  }
}`;

export const REFUND_CREATE = `mutation WaybillRefundCreate($input: RefundInput!, $key: String!) {
  refundCreate(input: $input) @idempotent(key: $key) {
    refund { id }
    userErrors { field message }
  }
}`;

type OrderRead = {
  id: string;
  lineItems: { nodes: ShopifyLineItem[] };
  refunds: { id: string; note: string | null }[];
  transactions: ShopifyTransaction[];
};

type RefundLineItem = {
  lineItemId: string;
  quantity: number;
  restockType: "RETURN" | "NO_RESTOCK";
  locationId?: string;
};

/**
 * A credited line as refund line items: the units the return's disposition put back into stock
 * (`DocumentLine.restock`) restocked at the mapping's `restockLocation` (RETURN), the rest not
 * restocked (NO_RESTOCK): written off, sent to the vendor, or credited without coming back.
 */
function refundLineItems(
  line: DocumentLine,
  lineItemId: string,
  mapping: ShopifyMapping,
): RefundLineItem[] {
  const quantity = Math.abs(line.quantity);
  const restocked = Math.min(line.restock, quantity);
  const items: RefundLineItem[] = [];
  if (restocked > 0) {
    if (!mapping.restockLocation) throw unmapped(["restockLocation (units to restock)"]);
    items.push({
      lineItemId,
      quantity: restocked,
      restockType: "RETURN",
      locationId: mapping.restockLocation,
    });
  }
  if (quantity > restocked)
    items.push({ lineItemId, quantity: quantity - restocked, restockType: "NO_RESTOCK" });
  return items;
}

/** The note a refund carries: our credit note's number, which the lookup searches for. */
export const refundNote = (number: string) => `Waybill credit note ${number}`;

/** A UUID-shaped key fixed by the credit note, so every attempt sends the same one. */
export function idempotencyKey(documentId: string): string {
  const hex = createHash("sha256").update(`waybill-refund:${documentId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A credit note as one refund of its credited line items, restocked per line as the return's
 * dispositions say, with the credited items' worth (tax included) paid back through the order's
 * own payment transactions. Looked up first by the note carrying our number, and sent with an
 * idempotency key fixed by the credit note, so a retry after a lost answer refunds nothing twice.
 */
export async function refund(
  admin: ShopifyAdmin,
  document: FinanceDocument,
  mapping: ShopifyMapping,
  orderId: string,
): Promise<string> {
  const { order: read } = await admin.request<{ order: OrderRead | null }>(
    "WaybillRefunds",
    REFUND_READ,
    { id: orderId },
  );
  const order = found(read, orderId);
  const note = refundNote(document.number);
  const existing = order.refunds.find((candidate) => candidate.note?.includes(note));
  if (existing) return existing.id;
  const lineItems = document.lines
    .filter((line) => line.kind === "product")
    .flatMap((line) =>
      refundLineItems(line, lineItemOf(order.lineItems.nodes, line, order.id), mapping),
    );
  if (lineItems.length === 0)
    throw new ConnectorError("parked", `${document.number} credits no line items to refund`);
  const { refundCreate: created } = await admin.request<{
    refundCreate: {
      refund: { id: string } | null;
      userErrors: { field: string[] | null; message: string }[];
    };
  }>("WaybillRefundCreate", REFUND_CREATE, {
    input: {
      orderId,
      note,
      notify: false,
      refundLineItems: lineItems,
      transactions: refundTransactions(
        orderId,
        document,
        creditedMinor(document),
        order.transactions,
      ),
    },
    key: idempotencyKey(document.id),
  });
  const refused = refusedBy("refundCreate", created.userErrors);
  if (refused) throw refused;
  if (!created.refund) throw new ConnectorError("later", "refundCreate returned none");
  return created.refund.id;
}
