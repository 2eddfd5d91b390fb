import { z } from "zod";

/** Money inside Waybill: integer minor units and an ISO 4217 currency. Never a float. */
export const money = z.object({
  amount: z.number().int(),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
export type Money = z.infer<typeof money>;

/** A tax rate in parts per million (20 % = 200000). */
export const taxRatePpm = z.number().int().min(0).max(1_000_000);
