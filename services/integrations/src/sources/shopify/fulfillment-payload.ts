import { z } from "zod";

/** Shopify ids are 64-bit integers: kept as digit strings (the body is read with `parseJsonKeepingIds`). */
const shopifyId = z
  .union([z.string().regex(/^\d{1,20}$/), z.number().int().nonnegative()])
  .transform(String);
const optionalText = z.string().nullish();

/**
 * The part of Shopify's `fulfillments/create` and `fulfillments/update` payloads (the REST
 * Fulfillment resource, https://shopify.dev/docs/api/admin-rest/2024-07/resources/fulfillment)
 * Waybill reads: the carrier, the tracking number and the shipment status.
 */
export const shopifyFulfillment = z.object({
  id: shopifyId,
  order_id: shopifyId.optional(),
  tracking_company: optionalText,
  tracking_number: optionalText,
  shipment_status: optionalText,
  updated_at: z.string().min(1),
});

/**
 * The part of Shopify's `fulfillment_events/create` payload (the REST FulfillmentEvent resource,
 * https://shopify.dev/docs/api/admin-rest/2024-07/resources/fulfillmentevent) Waybill reads.
 */
export const shopifyFulfillmentEvent = z.object({
  id: shopifyId,
  fulfillment_id: shopifyId,
  order_id: shopifyId.optional(),
  status: z.string().min(1),
  message: optionalText,
  happened_at: optionalText,
  created_at: optionalText,
  city: optionalText,
  province: optionalText,
  country: optionalText,
  zip: optionalText,
});

export type ShopifyFulfillment = z.infer<typeof shopifyFulfillment>;
export type ShopifyFulfillmentEvent = z.infer<typeof shopifyFulfillmentEvent>;
