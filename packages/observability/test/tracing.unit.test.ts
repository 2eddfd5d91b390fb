import { randomBytes } from "node:crypto";
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from "@opentelemetry/sdk-trace";
import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { buildEvent } from "@waybill/bus";
import { boundPort, closeServer, listen } from "@waybill/http";
import { withTraceContext } from "../src/http.ts";
import { newShipmentConfirmed } from "@waybill/devtools";
import { currentContext, TRACEPARENT_HEADER } from "../src/context.ts";
import { inConsumerSpan, inProducerSpan } from "../src/tracing/bus.ts";
import { installTracing } from "../src/tracing/setup.ts";

const exporter = new InMemorySpanExporter();
beforeAll(() => {
  installTracing("tracing-test", [new SimpleSpanProcessor({ exporter })]);
});

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const spansOf = (traceId: string) =>
  exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
const named = (spans: ReadableSpan[], name: string) => {
  const span = spans.find((candidate) => candidate.name === name);
  if (!span) throw new Error(`no span ${name} among ${spans.map((s) => s.name).join(", ")}`);
  return span;
};

describe("tracing across HTTP, the outbox and a consumer", () => {
  it("continues the caller's trace into the request, the event it writes and the consumer of that event", async () => {
    const traceId = hex(16);
    const clientSpanId = hex(8);
    let event: ReturnType<typeof buildEvent<"shipments.shipment.confirmed">> | undefined;
    let requestTraceparent: string | undefined;
    const server = await listen(
      withTraceContext((_req, res) => {
        requestTraceparent = currentContext()?.traceparent;
        event = buildEvent(newShipmentConfirmed()); // what the outbox would store
        res.end("ok");
      }),
      0,
      "127.0.0.1",
    );
    onTestFinished(() => closeServer(server));
    const response = await fetch(`http://127.0.0.1:${boundPort(server)}/graphql`, {
      method: "POST",
      headers: { [TRACEPARENT_HEADER]: `00-${traceId}-${clientSpanId}-01` },
    });
    expect(response.status).toBe(200);
    if (!event) throw new Error("the handler did not run");
    const published = event;
    await inProducerSpan(published, () => Promise.resolve());
    let consumerTraceparent: string | undefined;
    await inConsumerSpan(published, "billing", () => {
      consumerTraceparent = currentContext()?.traceparent;
      return Promise.resolve();
    });

    const spans = spansOf(traceId);
    const request = named(spans, "POST /graphql");
    const publish = named(spans, "publish shipments.shipment.confirmed");
    const consume = named(spans, "process shipments.shipment.confirmed");
    expect(request.parentSpanContext?.spanId).toBe(clientSpanId);
    // The request's span, not the caller's, is what travels on with the event.
    const requestSpanId = request.spanContext().spanId;
    expect(requestTraceparent).toBe(`00-${traceId}-${requestSpanId}-01`);
    expect(published.traceparent).toBe(requestTraceparent);
    expect(publish.parentSpanContext?.spanId).toBe(requestSpanId);
    expect(consume.parentSpanContext?.spanId).toBe(requestSpanId);
    expect(consume.attributes).toMatchObject({
      "messaging.consumer.group.name": "billing",
      "messaging.message.id": published.id,
      "waybill.correlation_id": published.correlationid,
    });
    // What the consumer's own emits would carry: its span.
    expect(consumerTraceparent).toBe(`00-${traceId}-${consume.spanContext().spanId}-01`);
  });

  it("starts a new trace for an event without traceparent and marks a failed handling as an error", async () => {
    const event = buildEvent(newShipmentConfirmed());
    await expect(
      inConsumerSpan(event, "billing", () => Promise.reject(new Error("order unknown"))),
    ).rejects.toThrow("order unknown");
    const consume = exporter
      .getFinishedSpans()
      .find((span) => span.attributes["messaging.message.id"] === event.id);
    expect(consume?.parentSpanContext).toBeUndefined();
    expect(consume?.status.code).toBe(2); // SpanStatusCode.ERROR
  });
});
