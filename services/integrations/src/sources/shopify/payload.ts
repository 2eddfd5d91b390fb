import { z } from "zod";

/** Shopify ids are 64-bit integers: kept exact as digit strings (see `parseJsonKeepingIds`). */
export const shopifyId = z
  .union([z.string().regex(/^\d{1,20}$/), z.number().int().nonnegative()])
  .transform(String);
const decimal = z.string().regex(/^\d{1,15}(\.\d+)?$/, 'must be a decimal string such as "19.99"');
const optionalText = z.string().nullish();

const taxLine = z.object({
  rate: z.number().min(0).max(1),
  price: decimal.optional(),
  title: optionalText,
});

const lineItem = z.object({
  id: shopifyId,
  sku: optionalText,
  title: optionalText,
  quantity: z.number().int().positive(),
  price: decimal,
  total_discount: decimal.optional(),
  tax_lines: z.array(taxLine).default([]),
});

/** The part of Shopify's `orders/create` payload (REST order resource) Waybill reads. */
export const shopifyOrder = z.object({
  id: shopifyId,
  name: optionalText,
  email: optionalText,
  currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code"),
  taxes_included: z.boolean().default(false),
  customer: z
    .object({ email: optionalText, first_name: optionalText, last_name: optionalText })
    .nullish(),
  line_items: z.array(lineItem).min(1, "an order needs at least one line item"),
});

export type ShopifyOrder = z.infer<typeof shopifyOrder>;
export type ShopifyLineItem = ShopifyOrder["line_items"][number];

/** JSON.parse's reviver with the source-text context TypeScript's lib does not describe yet. */
type Reviver = (key: string, value: unknown, context?: { source?: string }) => unknown;

/**
 * JSON.parse that keeps integers beyond 2^53 (Shopify's ids) as their exact digits, using the
 * reviver's source text (Node 22+), so two orders can never collapse onto one rounded id.
 */
export function parseJsonKeepingIds(text: string): unknown {
  const reviver: Reviver = (_key, value, context) =>
    typeof value === "number" &&
    !Number.isSafeInteger(value) &&
    context?.source &&
    /^\d+$/.test(context.source)
      ? context.source
      : value;
  return JSON.parse(text, reviver);
}

/** Parses and checks the payload's shape; a description of every problem on failure. */
export function parseShopifyOrder(body: Buffer): { order: ShopifyOrder } | { problem: string } {
  let json: unknown;
  try {
    json = parseJsonKeepingIds(body.toString("utf8"));
  } catch {
    return { problem: "body is not valid JSON" };
  }
  const parsed = shopifyOrder.safeParse(json);
  if (parsed.success) return { order: parsed.data };
  const issues = parsed.error.issues.map(
    (issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`,
  );
  return { problem: `not a Shopify order: ${issues.join("; ")}` };
}
