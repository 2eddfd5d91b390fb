import { z } from "zod";

const wooId = z.number().int().nonnegative();
const decimal = z
  .string()
  .regex(/^-?\d{1,15}(\.\d+)?$/, 'must be a decimal string such as "19.99"');
const optionalText = z.string().nullish();

const lineItem = z.object({
  id: wooId,
  name: optionalText,
  sku: optionalText,
  quantity: z.number().int().positive(),
  /** The line's net total after discounts (WooCommerce keeps line totals without tax). */
  total: decimal,
  /** Tax of the line per tax rate: `id` is the rate's id in the order's `tax_lines`. */
  taxes: z.array(z.object({ id: wooId, total: z.union([decimal, z.literal("")]) })).default([]),
});

const taxLine = z.object({
  rate_id: wooId,
  label: optionalText,
  /** The rate in percent (WooCommerce 5.7 and later). */
  rate_percent: z.number().min(0).max(100).nullish(),
});

/**
 * The part of an `order.created` / `order.updated` payload (the REST API v3 order resource,
 * https://woocommerce.github.io/woocommerce-rest-api-docs/#order-properties) Waybill reads.
 */
export const woocommerceOrder = z.object({
  id: wooId,
  number: optionalText,
  status: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code"),
  /** Set when the order was paid (WooCommerce sets it on the move to processing or completed). */
  date_paid: optionalText,
  billing: z
    .object({ email: optionalText, first_name: optionalText, last_name: optionalText })
    .nullish(),
  line_items: z.array(lineItem),
  tax_lines: z.array(taxLine).default([]),
});

export type WoocommerceOrder = z.infer<typeof woocommerceOrder>;
export type WoocommerceLineItem = WoocommerceOrder["line_items"][number];
