import { createHash } from "node:crypto";
import type { FinanceDocument } from "../documents.ts";
import { ConnectorError } from "../outcome.ts";
import { refusedBy, type ShopifyAdmin } from "./client.ts";
import type { ShopifyMapping } from "./mapping.ts";
import { found, LINE_ITEMS, lineItemOf, type ShopifyLineItem } from "./order.ts";

export const REFUND_READ = `query WaybillRefunds($id: ID!) {
  order(id: $id) {
    id
    ${LINE_ITEMS}
    refunds(first: 50) { id note }
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
};

/** The note a refund carries: our credit note's number, which the lookup searches for. */
export const refundNote = (number: string) => `Waybill credit note ${number}`;

/** A UUID-shaped key fixed by the credit note, so every attempt sends the same one. */
export function idempotencyKey(documentId: string): string {
  const hex = createHash("sha256").update(`waybill-refund:${documentId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A credit note as one refund of its credited line items, restocked as the mapping says. Looked
 * up first by the note carrying our number, and sent with an idempotency key fixed by the credit
 * note, so a retry after a lost answer refunds nothing twice. Only the line items are refunded:
 * shipping and charges credited and the money back are left to the shop (no transactions sent).
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
  const refundLineItems = document.lines
    .filter((line) => line.kind === "product")
    .map((line) => ({
      lineItemId: lineItemOf(order.lineItems.nodes, line, order.id),
      quantity: Math.abs(line.quantity),
      restockType: mapping.restock,
      ...(mapping.restock === "RETURN" ? { locationId: mapping.restockLocation } : {}),
    }));
  if (refundLineItems.length === 0)
    throw new ConnectorError("parked", `${document.number} credits no line items to refund`);
  const { refundCreate: created } = await admin.request<{
    refundCreate: {
      refund: { id: string } | null;
      userErrors: { field: string[] | null; message: string }[];
    };
  }>("WaybillRefundCreate", REFUND_CREATE, {
    input: { orderId, note, notify: false, refundLineItems },
    key: idempotencyKey(document.id),
  });
  const refused = refusedBy("refundCreate", created.userErrors);
  if (refused) throw refused;
  if (!created.refund) throw new ConnectorError("later", "refundCreate returned none");
  return created.refund.id;
}
