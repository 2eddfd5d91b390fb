import type { EventOf, EventType } from "@waybill/contracts";
import type { ConsumedEvent } from "./decode.ts";

/**
 * The one handler vocabulary: for each event type a consumer applies, a function of the event and
 * of `W`, what the consumer's owner builds for each transaction (a service's unit of work).
 */
export type EventHandlers<W> = {
  [T in EventType]?: (event: EventOf<T>, work: W) => Promise<void>;
};

type AnyHandler<W> = (event: ConsumedEvent, work: W) => Promise<void>;

/** The event types `handlers` applies. */
export function handledTypes<W>(handlers: EventHandlers<W>): EventType[] {
  return Object.keys(handlers) as EventType[];
}

/** Runs the handler registered for the event's type; an event without one is a caller's bug. */
export function dispatch<W>(
  handlers: EventHandlers<W>,
  event: ConsumedEvent,
  work: W,
): Promise<void> {
  const handler = handlers[event.type] as AnyHandler<W> | undefined;
  if (!handler) throw new Error(`no handler for ${event.type}`);
  return handler(event, work);
}
