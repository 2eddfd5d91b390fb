import type { JsMsg } from "@nats-io/jetstream";
import { isDuplicateKeyError, type Store } from "@waybill/store";
import { errorText, isRetryLater } from "./errors.ts";
import { recordException } from "./exceptions.ts";

/** Where a message was consumed: the consumer and the stream's broker name. */
export interface ConsumedFrom {
  durable: string;
  streamName: string;
}

/**
 * Parks a message that is not a valid event (keyed by stream sequence, as it may have no id) and
 * terminates it, so the broker does not deliver it again.
 */
export async function parkInvalid(
  store: Store,
  from: ConsumedFrom,
  msg: JsMsg,
  type: string,
  error: unknown,
): Promise<void> {
  await recordException(store, {
    _id: `${from.durable}:${from.streamName}:${msg.seq}`,
    consumer: from.durable,
    category: "validation",
    error: errorText(error),
    event: msg.string(),
    eventId: null,
    type,
    stream: from.streamName,
    streamSeq: msg.seq,
    attempts: msg.info.deliveryCount,
  });
  msg.term(); // no reason: nats-server before 2.11 ignores a "+TERM <reason>"
}

/** Parks an event whose handler failed on its last allowed delivery, and terminates the message. */
export async function parkFailed(
  store: Store,
  from: ConsumedFrom,
  msg: JsMsg,
  event: { id: string; type: string },
  error: unknown,
): Promise<void> {
  await recordException(store, {
    _id: `${from.durable}:${event.id}`,
    consumer: from.durable,
    category: isRetryLater(error)
      ? "missing_reference"
      : isDuplicateKeyError(error)
        ? "conflict"
        : "max_deliveries",
    error: errorText(error),
    event: msg.string(),
    eventId: event.id,
    type: event.type,
    stream: from.streamName,
    streamSeq: msg.seq,
    attempts: msg.info.deliveryCount,
  });
  msg.term();
}
