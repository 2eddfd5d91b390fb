import { z } from "zod";

/**
 * How Waybill's values become the store's, per tenant. An unmapped carrier parks the despatch for
 * master data; an unmapped warehouse leaves its stock levels out (and ships from the store's
 * default source).
 */
export const magentoMapping = z
  .object({
    /** The sales channel the pulled orders are placed in; only its orders go back. */
    channel: z.string().min(1),
    /** Waybill carrier → the track's `carrier_code` (ups, fedex, custom, ...) and its title. */
    carriers: z.record(
      z.string().min(1),
      z.object({ carrierCode: z.string().min(1), title: z.string().min(1) }).strict(),
    ),
    /** Waybill warehouse → MSI source code: where stock is set and shipments are sourced. */
    sources: z.record(z.string().min(1), z.string().min(1)),
    /** Whether Magento emails the customer about a shipment or a credit memo. */
    notifyCustomer: z.boolean().default(false),
  })
  .strict();

export type MagentoMapping = z.infer<typeof magentoMapping>;
