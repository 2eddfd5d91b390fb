import { assertOwnOrder } from "../channel.ts";
import { ConnectorError } from "../outcome.ts";
import type { MagentoRest } from "./client.ts";
import type { MagentoMapping } from "./mapping.ts";
import { searchQuery, type SearchResult } from "./search-criteria.ts";

/** An order item as `GET /V1/orders` lists it (sales_order_item); quantities are numbers. */
export type MagentoOrderItem = {
  item_id: number;
  sku: string;
  name?: string;
  product_type?: string;
  /** Set on the simple child of a configurable or bundle: the parent is the line. */
  parent_item_id?: number;
  qty_ordered: number;
  qty_shipped?: number;
  qty_invoiced?: number;
  qty_refunded?: number;
  price: number;
  tax_percent?: number;
  discount_amount?: number;
};

/** An order as `GET /V1/orders` lists it (OrderInterface), the fields Waybill reads. */
export type MagentoOrder = {
  entity_id: number;
  increment_id: string;
  state: string;
  status?: string;
  updated_at: string;
  order_currency_code: string;
  customer_email?: string;
  customer_firstname?: string | null;
  customer_lastname?: string | null;
  items: MagentoOrderItem[];
};

type OrderRef = { id: string; channel: string; externalReference: string | null };

/**
 * The order lines of a Magento order: its top-level items, in the order's order (a configurable's
 * child item is not a line of its own; shipping and refunding name the parent).
 */
export const lineItems = (order: MagentoOrder): MagentoOrderItem[] =>
  order.items.filter((item) => item.parent_item_id === undefined || item.parent_item_id === null);

/**
 * The increment id an order of ours is: only orders of the mapping's channel are the store's (an
 * order's channel decides where its updates go). The pull placed them with the increment id as
 * the external reference.
 */
export function incrementIdOf(order: OrderRef, mapping: MagentoMapping, what: string): string {
  assertOwnOrder(order, mapping.channel, "Magento", what);
  const reference = order.externalReference?.trim() ?? "";
  if (!reference)
    throw new ConnectorError(
      "parked",
      `order ${order.id} has no Magento increment id as its external reference`,
      { category: "missing_reference" },
    );
  return reference;
}

/**
 * The order with an increment id, found with searchCriteria (`increment_id eq`): the
 * `entity_id` the ship and refund calls take, and its items. Parked when the store has none.
 */
export async function orderByIncrementId(
  rest: MagentoRest,
  incrementId: string,
): Promise<MagentoOrder> {
  const query = searchQuery({
    filters: [{ field: "increment_id", value: incrementId, condition: "eq" }],
    pageSize: 1,
    currentPage: 1,
  });
  const found = await rest.get<SearchResult<MagentoOrder>>(`/orders?${query}`);
  const order = found.items[0];
  if (!order)
    throw new ConnectorError("parked", `Magento has no order ${incrementId}`, {
      category: "missing_reference",
    });
  return order;
}

/**
 * The order item of one of our order lines. The pull placed the order's lines in the order of its
 * top-level items, so the line's position finds it; the SKUs must agree, or the order was edited
 * in Magento since and a person decides.
 */
export function itemOf(
  order: MagentoOrder,
  line: { orderLineIndex: number | null; code: string },
): number {
  const index = line.orderLineIndex ?? -1;
  const item = index >= 0 ? lineItems(order)[index] : undefined;
  if (!item || item.sku.trim() !== line.code)
    throw new ConnectorError(
      "parked",
      `Magento order ${order.increment_id} has no item ${index + 1} for ${line.code}${item ? ` (it is ${item.sku})` : ""}`,
      { category: "missing_reference" },
    );
  return item.item_id;
}
