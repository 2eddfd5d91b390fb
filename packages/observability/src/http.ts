import { firstHeader, type RequestHandler } from "@waybill/http";
import {
  correlationIdFrom,
  CORRELATION_HEADER,
  runWithContext,
  TRACEPARENT_HEADER,
} from "./context.ts";
import { inServerSpan } from "./tracing/spans.ts";

/** Every request runs inside a trace context whose correlation id comes from the caller, or is minted. */
export function withTraceContext(handler: RequestHandler): RequestHandler {
  return (req, res) => {
    const correlationId = correlationIdFrom(firstHeader(req, CORRELATION_HEADER));
    res.setHeader(CORRELATION_HEADER, correlationId);
    // With tracing on, the request's server span becomes the traceparent carried downstream.
    const incoming = { traceparent: firstHeader(req, TRACEPARENT_HEADER), correlationId };
    return inServerSpan(req, res, incoming, (traceparent) =>
      runWithContext({ correlationId, ...(traceparent ? { traceparent } : {}) }, () =>
        handler(req, res),
      ),
    );
  };
}
