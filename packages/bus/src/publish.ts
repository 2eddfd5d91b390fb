import type { JetStreamClient } from "@nats-io/jetstream";
import { headers, type MsgHdrs } from "@nats-io/transport-node";
import { parseEvent, type CloudEvent } from "@waybill/contracts";
import { CORRELATION_HEADER, TRACEPARENT_HEADER } from "@waybill/observability";
import type { Naming } from "./naming.ts";

/** What the broker answered for one publish. */
export interface PublishResult {
  /** Stream sequence of the stored message (of the first copy for a duplicate). */
  seq: number;
  /** True when the broker already had a message with this event id in its duplicate window. */
  duplicate: boolean;
}

/** How long to wait for the broker's PubAck. */
export const PUBLISH_TIMEOUT_MS = 5_000;

const encoder = new TextEncoder();

function eventHeaders(event: CloudEvent): MsgHdrs {
  const h = headers();
  h.set(CORRELATION_HEADER, event.correlationid);
  if (event.traceparent !== undefined) h.set(TRACEPARENT_HEADER, event.traceparent);
  return h;
}

/**
 * Publishes the event on its type's subject with `Nats-Msg-Id` = event id and waits for the
 * broker's acknowledgement; a re-publish within the duplicate window is stored once. `validate`
 * checks it against its contract first: events built by `buildEvent` were checked already.
 */
export async function publishEvent(
  js: JetStreamClient,
  names: Naming,
  event: CloudEvent,
  options: { validate: boolean },
): Promise<PublishResult> {
  const checked = options.validate ? parseEvent(event) : event;
  const ack = await js.publish(
    names.subjectOf(checked.type),
    encoder.encode(JSON.stringify(checked)),
    { msgID: checked.id, headers: eventHeaders(checked), timeout: PUBLISH_TIMEOUT_MS },
  );
  return { seq: ack.seq, duplicate: ack.duplicate };
}
