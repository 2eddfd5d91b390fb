import { z } from "zod";

const optionalText = z.string().nullish();

const checkpoint = z.object({
  checkpoint_time: z.string().min(1),
  tag: z.string().min(1),
  subtag: optionalText,
  message: optionalText,
  location: optionalText,
  city: optionalText,
  state: optionalText,
  country_iso3: optionalText,
});

/**
 * The part of AfterShip's tracking webhook Waybill reads
 * (https://www.aftership.com/docs/tracking/2025-01/webhook/webhook-specifications): `event_id`
 * (a UUID per webhook event), `event`, and `msg`, the tracking with its tag, subtag, signer and
 * checkpoints.
 */
export const afterShipWebhook = z.object({
  event_id: z.string().min(1),
  event: z.string().min(1),
  ts: z.number().int().optional(),
  msg: z.object({
    tracking_number: z.string().min(1),
    slug: z.string().min(1),
    tag: z.string().min(1),
    subtag: optionalText,
    subtag_message: optionalText,
    signed_by: optionalText,
    updated_at: optionalText,
    checkpoints: z.array(checkpoint).default([]),
  }),
});

export type AfterShipWebhook = z.infer<typeof afterShipWebhook>;
export type AfterShipCheckpoint = z.infer<typeof checkpoint>;
