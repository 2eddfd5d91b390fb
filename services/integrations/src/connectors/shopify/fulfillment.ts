import type { DespatchDocument } from "../documents.ts";
import { ConnectorError, unmapped } from "../outcome.ts";
import { refusedBy, type ShopifyAdmin } from "./client.ts";
import type { ShopifyMapping } from "./mapping.ts";
import { found, LINE_ITEMS, lineItemOf, type ShopifyLineItem } from "./order.ts";

export const FULFILLMENT_READ = `query WaybillFulfillmentOrders($id: ID!) {
  order(id: $id) {
    id
    ${LINE_ITEMS}
    fulfillmentOrders(first: 5) {
      nodes { id status lineItems(first: 50) { nodes { id remainingQuantity lineItem { id } } } }
    }
    fulfillments(first: 50) { id trackingInfo(first: 5) { number } }
  }
}`;

export const FULFILLMENT_CREATE = `mutation WaybillFulfillmentCreate($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) {
    fulfillment { id }
    userErrors { field message }
  }
}`;

type FulfillmentOrder = {
  id: string;
  status: string;
  lineItems: { nodes: { id: string; remainingQuantity: number; lineItem: { id: string } }[] };
};
type OrderRead = {
  id: string;
  lineItems: { nodes: ShopifyLineItem[] };
  fulfillmentOrders: { nodes: FulfillmentOrder[] };
  fulfillments: { id: string; trackingInfo: { number: string | null }[] }[];
};

/** Fulfilment orders that can still be fulfilled (not closed, cancelled or on hold). */
const FULFILLABLE = new Set(["OPEN", "IN_PROGRESS"]);

/** Spreads each shipped line over the open fulfilment order lines of its line item. */
function lineItemsByFulfillmentOrder(
  document: DespatchDocument,
  order: OrderRead,
): { fulfillmentOrderId: string; fulfillmentOrderLineItems: { id: string; quantity: number }[] }[] {
  const left = new Map<string, number>();
  const byOrder = new Map<string, { id: string; quantity: number }[]>();
  for (const line of document.lines) {
    const lineItemId = lineItemOf(order.lineItems.nodes, line, order.id);
    let wanted = line.quantity;
    for (const fulfillmentOrder of order.fulfillmentOrders.nodes) {
      if (!FULFILLABLE.has(fulfillmentOrder.status)) continue;
      for (const item of fulfillmentOrder.lineItems.nodes) {
        if (wanted === 0 || item.lineItem.id !== lineItemId) continue;
        const remaining = left.get(item.id) ?? item.remainingQuantity;
        const take = Math.min(remaining, wanted);
        if (take <= 0) continue;
        left.set(item.id, remaining - take);
        wanted -= take;
        const items = byOrder.get(fulfillmentOrder.id) ?? [];
        items.push({ id: item.id, quantity: take });
        byOrder.set(fulfillmentOrder.id, items);
      }
    }
    if (wanted > 0)
      throw new ConnectorError(
        "parked",
        `Shopify order ${order.id} has ${line.quantity - wanted} of ${line.code} left to fulfil, ${line.quantity} shipped`,
      );
  }
  return [...byOrder].map(([fulfillmentOrderId, fulfillmentOrderLineItems]) => ({
    fulfillmentOrderId,
    fulfillmentOrderLineItems,
  }));
}

/**
 * A confirmed shipment as one fulfilment of the shipped quantities, with the carrier's tracking.
 * An existing fulfilment with our tracking number is the one an earlier attempt created (its
 * answer lost), so none is created twice.
 */
export async function fulfil(
  admin: ShopifyAdmin,
  document: DespatchDocument,
  mapping: ShopifyMapping,
  orderId: string,
): Promise<string> {
  const carrier = mapping.carriers[document.carrier];
  if (!carrier) throw unmapped([`carrier ${document.carrier}`]);
  const { order: read } = await admin.request<{ order: OrderRead | null }>(
    "WaybillFulfillmentOrders",
    FULFILLMENT_READ,
    { id: orderId },
  );
  const order = found(read, orderId);
  const existing = order.fulfillments.find((fulfillment) =>
    fulfillment.trackingInfo.some((info) => info.number === document.trackingNumber),
  );
  if (existing) return existing.id;
  const url = carrier.trackingUrl?.replace(
    "{trackingNumber}",
    encodeURIComponent(document.trackingNumber),
  );
  const { fulfillmentCreate: created } = await admin.request<{
    fulfillmentCreate: {
      fulfillment: { id: string } | null;
      userErrors: { field: string[] | null; message: string }[];
    };
  }>("WaybillFulfillmentCreate", FULFILLMENT_CREATE, {
    fulfillment: {
      lineItemsByFulfillmentOrder: lineItemsByFulfillmentOrder(document, order),
      trackingInfo: {
        number: document.trackingNumber,
        company: carrier.company,
        ...(url ? { url } : {}),
      },
      notifyCustomer: mapping.notifyCustomer,
    },
  });
  const refused = refusedBy("fulfillmentCreate", created.userErrors);
  if (refused) throw refused;
  if (!created.fulfillment) throw new ConnectorError("later", "fulfillmentCreate returned none");
  return created.fulfillment.id;
}
