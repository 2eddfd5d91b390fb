import { describe, expect, it, onTestFinished } from "vitest";
import { buildEvent } from "@waybill/bus";
import { boundPort, closeServer, listen } from "@waybill/http";
import { withTraceContext } from "../src/http.ts";
import { newShipmentConfirmed } from "@waybill/devtools";
import { currentContext, TRACEPARENT_HEADER } from "../src/context.ts";
import { inConsumerSpan } from "../src/tracing/bus.ts";
import { activeTraceparent } from "../src/tracing/spans.ts";

// Tracing is never installed in this file: the default.
describe("with tracing off", () => {
  it("carries the caller's traceparent unchanged into the request and the events it writes", async () => {
    const traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    let seen: string | undefined;
    let written: string | undefined;
    const server = await listen(
      withTraceContext((_req, res) => {
        seen = currentContext()?.traceparent;
        written = buildEvent(newShipmentConfirmed()).traceparent;
        res.end();
      }),
      0,
      "127.0.0.1",
    );
    onTestFinished(() => closeServer(server));
    await fetch(`http://127.0.0.1:${boundPort(server)}/`, {
      headers: { [TRACEPARENT_HEADER]: traceparent },
    });
    expect(seen).toBe(traceparent);
    expect(written).toBe(traceparent);
    expect(activeTraceparent()).toBeUndefined();
  });

  it("runs a consumer's handling as it is, in the event's trace context", async () => {
    const event = { ...buildEvent(newShipmentConfirmed()), traceparent: "00-aa-bb-01" };
    const context = await inConsumerSpan(event, "billing", () => Promise.resolve(currentContext()));
    expect(context).toBeUndefined(); // nothing added: handle.ts sets the event's context itself
  });
});
