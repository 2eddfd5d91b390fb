import { z } from "zod";

/** `<service>.<entity>.<verb_past>`, snake_case, for example `billing.credit_note.issued`. */
export const EVENT_TYPE = /^[a-z]+\.[a-z]+(?:_[a-z]+)*\.[a-z]+(?:_[a-z]+)*$/;

/** The CloudEvents 1.0 envelope every Waybill event travels in, plus a correlation id extension. */
export const cloudEventEnvelope = z.object({
  specversion: z.literal("1.0"),
  id: z.string().min(1).max(128),
  source: z.string().min(1),
  type: z.string().regex(EVENT_TYPE, "type must read <service>.<entity>.<verb_past>"),
  subject: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  datacontenttype: z.literal("application/json"),
  correlationid: z.string().min(1).max(128),
  traceparent: z.string().optional(),
  data: z.unknown(),
});

export type CloudEventEnvelope = z.infer<typeof cloudEventEnvelope>;

/** A validated event whose `data` has the type registered for its `type`. */
export interface CloudEvent<T extends string = string, D = unknown> extends Omit<
  CloudEventEnvelope,
  "type" | "data"
> {
  type: T;
  data: D;
}
