import { z } from "zod";

const gid = (type: string) =>
  z
    .string()
    .regex(
      new RegExp(`^gid://shopify/${type}/\\d+$`),
      `must be a Shopify ${type} id (gid://shopify/${type}/123)`,
    );

/**
 * How Waybill's values become the shop's, per tenant. Nothing here has a default but
 * `notifyCustomer`: an unmapped carrier parks the despatch for master data; an unmapped SKU or
 * warehouse leaves its stock level out.
 */
export const shopifyMapping = z
  .object({
    /** The sales channel Shopify orders are placed in (the orders/create webhook's). */
    channel: z.string().min(1),
    /** Waybill carrier → the fulfilment's tracking company, and its tracking page. */
    carriers: z.record(
      z.string().min(1),
      z
        .object({
          company: z.string().min(1),
          /** `{trackingNumber}` is replaced by the shipment's, URL-encoded. */
          trackingUrl: z
            .string()
            .regex(/^https:\/\/\S*\{trackingNumber\}/, "must be an https URL with {trackingNumber}")
            .optional(),
        })
        .strict(),
    ),
    /** Waybill warehouse → Shopify location: where stock levels are set. */
    locations: z.record(z.string().min(1), gid("Location")),
    /** SKU → Shopify inventory item. */
    inventoryItems: z.record(z.string().min(1), gid("InventoryItem")),
    /**
     * Where a refund restocks the units its return's disposition put back into stock (RESTOCK);
     * the other credited units are not restocked. Required once a credit note restocks any: until
     * then its refund is parked for master data.
     */
    restockLocation: gid("Location").optional(),
    /** The former mapping-wide restock rule, refused with a reason rather than silently kept. */
    restock: z
      .never({
        message:
          "restock is no longer read: refunds restock what each return's disposition restocked, at restockLocation",
      })
      .optional(),
    /** Whether Shopify emails the customer about a fulfilment. */
    notifyCustomer: z.boolean().default(false),
  })
  .strict();

export type ShopifyMapping = z.infer<typeof shopifyMapping>;
