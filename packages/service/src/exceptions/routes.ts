import { applyOnce, dispatch, exceptionQueue, replayStream, handledTypes } from "@waybill/bus";
import type { ApplyEvent, Bus } from "@waybill/bus";
import type { RequestHandler } from "@waybill/http";
import { runWithContext, type Logger } from "@waybill/observability";
import type { Session, Store } from "@waybill/store";
import { consumerOf } from "../consumers.ts";
import type { ConsumerDefinition, UnitOfWork } from "../runtime.ts";
import { EXCEPTIONS_PATH, exceptionRoute } from "./route.ts";

export { EXCEPTIONS_PATH } from "./route.ts";

export interface ExceptionRoutesOptions {
  /** The service, which is also its consumers' durable name and inbox key. */
  service: string;
  store: Store;
  bus: Bus;
  logger: Logger;
  /** The service's consumers, one per stream: retries and replays run their handlers. */
  consumers: readonly ConsumerDefinition[];
  work: (session: Session) => UnitOfWork;
  /** Called after an event was applied (to wake the outbox relay). */
  afterApply(): void;
}

/**
 * The internal route of a service's exception queue: list, retry and resolve what its consumers
 * parked, and replay a stream it consumes. Retries and replays go through the same inbox and
 * handlers as live events, so nothing is applied twice.
 */
export function exceptionRoutes(options: ExceptionRoutesOptions): Record<string, RequestHandler> {
  const { store, service } = options;
  const apply: ApplyEvent = async (event) => {
    const consumer = consumerOf(options.consumers, event.type);
    if (!consumer) throw new Error(`${service} does not handle ${event.type}`);
    const context = {
      correlationId: event.correlationid,
      ...(event.traceparent ? { traceparent: event.traceparent } : {}),
    };
    const outcome = await runWithContext(context, () =>
      applyOnce(store, service, event, (session) =>
        dispatch(consumer.handlers, event, options.work(session)),
      ),
    );
    options.afterApply();
    return outcome;
  };
  const route = exceptionRoute({
    queue: exceptionQueue(store, apply),
    async replay(stream, from) {
      const consumer = options.consumers.find((candidate) => candidate.stream === stream);
      if (!consumer) return null;
      const types = handledTypes(consumer.handlers);
      return replayStream(options.bus, options.logger, apply, { stream, types, ...from });
    },
  });
  return { [EXCEPTIONS_PATH]: route };
}
