import { z } from "zod";

const gid = (type: string) =>
  z
    .string()
    .regex(
      new RegExp(`^gid://shopify/${type}/\\d+$`),
      `must be a Shopify ${type} id (gid://shopify/${type}/123)`,
    );

/**
 * How Waybill's values become the shop's, per tenant. Nothing here has a default but the restock
 * type: an unmapped carrier parks the despatch for master data; an unmapped SKU or warehouse
 * leaves its stock level out.
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
     * What a refund does with the credited units. The credit note does not tell the return's
     * disposition, so one rule for all: RETURN puts them back at `restockLocation`.
     */
    restock: z.enum(["RETURN", "NO_RESTOCK"]).default("NO_RESTOCK"),
    restockLocation: gid("Location").optional(),
    /** Whether Shopify emails the customer about a fulfilment. */
    notifyCustomer: z.boolean().default(false),
  })
  .strict()
  .refine((mapping) => mapping.restock === "NO_RESTOCK" || mapping.restockLocation, {
    message: "restockLocation is required when restock is RETURN",
    path: ["restockLocation"],
  });

export type ShopifyMapping = z.infer<typeof shopifyMapping>;
