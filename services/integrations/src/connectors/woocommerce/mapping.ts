import { z } from "zod";

const wooId = z.number().int().positive();

/**
 * How Waybill's values become the store's, per tenant. Nothing here has a default: an unmapped
 * carrier parks the despatch for master data; an unmapped SKU leaves its stock level out.
 */
export const woocommerceMapping = z
  .object({
    /** The sales channel WooCommerce orders are placed in (the order webhooks'). */
    channel: z.string().min(1),
    /** Waybill carrier → the name the tracking note gives, and its tracking page. */
    carriers: z.record(
      z.string().min(1),
      z
        .object({
          name: z.string().min(1),
          /** `{trackingNumber}` is replaced by the shipment's, URL-encoded. */
          trackingUrl: z
            .string()
            .regex(/^https:\/\/\S*\{trackingNumber\}/, "must be an https URL with {trackingNumber}")
            .optional(),
        })
        .strict(),
    ),
    /**
     * The Waybill warehouse whose available-to-promise is the store's `stock_quantity`:
     * WooCommerce keeps one quantity per product, so one warehouse sells through it.
     */
    warehouse: z.string().min(1),
    /** SKU → the simple product, or the variation and its parent product, whose stock is set. */
    products: z.record(
      z.string().min(1),
      z.union([
        z.object({ product: wooId }).strict(),
        z.object({ product: wooId, variation: wooId }).strict(),
      ]),
    ),
    /** Whether a refund also refunds the payment through the gateway (`api_refund`). */
    apiRefund: z.boolean(),
  })
  .strict();

export type WoocommerceMapping = z.infer<typeof woocommerceMapping>;
