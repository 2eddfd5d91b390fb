import { SpanKind } from "@opentelemetry/api";
import { inSpan } from "./spans.ts";

/** What a span needs of a CloudEvent. */
export interface TracedEvent {
  id: string;
  type: string;
  correlationid: string;
  traceparent?: string | undefined;
}

const attributes = (event: TracedEvent, operation: "send" | "process") => ({
  "messaging.system": "nats",
  "messaging.operation.type": operation,
  "messaging.destination.name": event.type,
  "messaging.message.id": event.id,
});

/** Runs a consumer's handling of `event` in a CONSUMER span continuing the event's traceparent. */
export function inConsumerSpan<R>(
  event: TracedEvent,
  consumer: string,
  fn: () => Promise<R>,
): Promise<R> {
  return inSpan(
    `process ${event.type}`,
    {
      kind: SpanKind.CONSUMER,
      traceparent: event.traceparent,
      correlationId: event.correlationid,
      attributes: { ...attributes(event, "process"), "messaging.consumer.group.name": consumer },
    },
    fn,
  );
}

/** Runs the relay's publish of `event` in a PRODUCER span under the request that wrote it. */
export function inProducerSpan<R>(event: TracedEvent, fn: () => Promise<R>): Promise<R> {
  return inSpan(
    `publish ${event.type}`,
    {
      kind: SpanKind.PRODUCER,
      traceparent: event.traceparent,
      correlationId: event.correlationid,
      attributes: attributes(event, "send"),
    },
    fn,
  );
}
