import { z } from "zod";
import { shopifyId } from "./payload.ts";

const count = z.number().int().nonnegative();
const text = z.string().nullish();

/** A refund line of the REST Refund resource (https://shopify.dev/docs/api/admin-rest/latest/resources/refund). */
const refundLineItem = z.object({
  line_item_id: shopifyId,
  quantity: count,
  /** `no_restock`, `cancel` (removed before fulfilment), `return`, or `legacy_restock`. */
  restock_type: z.string().nullish(),
});

const refund = z.object({
  id: shopifyId,
  order_id: shopifyId,
  note: text,
  /** Set when the refund settles a Shopify return. */
  return: z.object({ id: shopifyId }).nullish(),
  refund_line_items: z.array(refundLineItem).default([]),
});

/**
 * What `orders/cancelled` and `orders/updated` carry that Waybill reads: the REST Order resource
 * (https://shopify.dev/docs/api/admin-rest/latest/resources/order), whose line items tell
 * `current_quantity` (the quantity less what edits and refunds removed) and whose `refunds` list
 * each refund line's `restock_type`.
 */
export const shopifyOrderChange = z.object({
  id: shopifyId,
  cancel_reason: text,
  cancelled_at: text,
  line_items: z.array(
    z.object({
      id: shopifyId,
      quantity: count,
      current_quantity: count.nullish(),
      fulfillable_quantity: count.nullish(),
    }),
  ),
  refunds: z.array(refund).default([]),
});

export type ShopifyOrderChange = z.infer<typeof shopifyOrderChange>;

/** `refunds/create`: a REST Refund. */
export const shopifyRefund = refund;
export type ShopifyRefund = z.infer<typeof shopifyRefund>;

/**
 * `returns/request`: a Return as the webhook sends it, each return line item naming the order's
 * line item through its fulfilment line item.
 */
export const shopifyReturn = z
  .object({
    id: shopifyId,
    order: z.object({ id: shopifyId }).nullish(),
    order_id: shopifyId.nullish(),
    return_line_items: z
      .array(
        z.object({
          id: shopifyId,
          quantity: z.number().int().positive(),
          return_reason: text,
          fulfillment_line_item: z.object({ line_item: z.object({ id: shopifyId }) }).nullish(),
          line_item_id: shopifyId.nullish(),
        }),
      )
      .min(1, "a return needs at least one return line item"),
  })
  .refine((value) => value.order?.id ?? value.order_id, {
    message: "a return names its order (order.id or order_id)",
    path: ["order"],
  });

export type ShopifyReturn = z.infer<typeof shopifyReturn>;
