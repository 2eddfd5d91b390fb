import type { EventOf, EventType } from "@waybill/contracts";
import { applyOnce, type Bus, exceptionQueue, replayStream } from "@waybill/bus";
import type { RequestHandler } from "@waybill/http";
import { type Logger, runWithContext } from "@waybill/observability";
import type { Session, Store } from "@waybill/store";
import { OPERATIONS_PATH, operationsRoute } from "./route.ts";

export { OPERATIONS_PATH } from "./route.ts";

export interface OperationsOptions {
  /** The service, which is also its consumers' durable name and inbox key. */
  service: string;
  store: Store;
  bus: Bus;
  logger: Logger;
  /** Event types handled per producing stream. */
  streams: Record<string, readonly string[]>;
  /** Applies an event's effect in the inbox's transaction. */
  handle(event: EventOf<EventType>, session: Session): Promise<void>;
  /** Called after an event was applied (to wake the outbox relay). */
  afterApply(): void;
}

/** The internal operations route of a service: its exception queue and stream replay. */
export function operationsRoutes(options: OperationsOptions): Record<string, RequestHandler> {
  const { store, service } = options;
  const apply = async (event: EventOf<EventType>) => {
    const outcome = await runWithContext(
      {
        correlationId: event.correlationid,
        ...(event.traceparent ? { traceparent: event.traceparent } : {}),
      },
      () => applyOnce(store, service, event, (session) => options.handle(event, session)),
    );
    options.afterApply();
    return outcome;
  };
  const queue = exceptionQueue(store, apply);
  const route = operationsRoute({
    queue,
    async replay(stream, from) {
      const types = options.streams[stream];
      if (!types) return null;
      return replayStream(options.bus, options.logger, apply, { stream, types, ...from });
    },
  });
  return { [OPERATIONS_PATH]: route };
}
