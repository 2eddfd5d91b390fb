import { z } from "zod";

const optionalText = z.string().nullish();

const trackingDetail = z.object({
  status: z.string().min(1),
  status_detail: optionalText,
  message: optionalText,
  datetime: z.string().min(1),
  tracking_location: z
    .object({ city: optionalText, state: optionalText, country: optionalText, zip: optionalText })
    .nullish(),
});

/**
 * The part of an EasyPost `Event` Waybill reads (https://docs.easypost.com/docs/events): its id,
 * its `description` (`tracker.updated`), and `result`, the `Tracker`
 * (https://docs.easypost.com/docs/trackers) with its status, status detail, signer and
 * `tracking_details` history.
 */
export const easyPostEvent = z.object({
  id: z.string().min(1),
  object: z.literal("Event"),
  description: z.string().min(1),
  result: z.object({
    object: z.string().optional(),
    tracking_code: z.string().min(1),
    carrier: z.string().min(1),
    status: z.string().min(1),
    status_detail: optionalText,
    signed_by: optionalText,
    updated_at: optionalText,
    tracking_details: z.array(trackingDetail).default([]),
  }),
});

export type EasyPostEvent = z.infer<typeof easyPostEvent>;
export type EasyPostTrackingDetail = z.infer<typeof trackingDetail>;
