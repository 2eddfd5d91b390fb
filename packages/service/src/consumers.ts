import type { EventType } from "@waybill/contracts";
import { dispatch, handledTypes, type ConsumedEvent, type EventHandlers } from "@waybill/bus";
import type { ConsumerDefinition, UnitOfWork } from "./runtime.ts";

type Handler = (event: ConsumedEvent, work: UnitOfWork) => Promise<void>;

/** Builds a handlers map from handlers typed for any event (the map's keys keep them apart). */
function handlersOf(entries: [EventType, Handler][]): EventHandlers<UnitOfWork> {
  return Object.fromEntries(entries);
}

/**
 * One definition per stream: where several parts of a service consume the same stream, an event
 * runs each part's handler in turn, in the order given, in one transaction with one inbox record.
 */
export function mergeByStream(definitions: readonly ConsumerDefinition[]): ConsumerDefinition[] {
  const streams = [...new Set(definitions.map((definition) => definition.stream))];
  return streams.map((stream) => {
    const parts = definitions.filter((definition) => definition.stream === stream);
    if (parts.length === 1 && parts[0]) return parts[0];
    const types = [...new Set(parts.flatMap((part) => handledTypes(part.handlers)))];
    const merged: Handler = async (event, work) => {
      for (const part of parts)
        if (part.handlers[event.type]) await dispatch(part.handlers, event, work);
    };
    return { stream, handlers: handlersOf(types.map((type) => [type, merged])) };
  });
}

/** Wraps every handler of a map in `around`, which calls `next` to run the handler. */
export function wrapHandlers(
  handlers: EventHandlers<UnitOfWork>,
  around: (event: ConsumedEvent, work: UnitOfWork, next: () => Promise<void>) => Promise<void>,
): EventHandlers<UnitOfWork> {
  return handlersOf(
    handledTypes(handlers).map((type) => [
      type,
      (event, work) => around(event, work, () => dispatch(handlers, event, work)),
    ]),
  );
}

/** The definition whose handlers apply `type`, if any. */
export const consumerOf = (
  definitions: readonly ConsumerDefinition[],
  type: EventType,
): ConsumerDefinition | undefined =>
  definitions.find((definition) => Object.hasOwn(definition.handlers, type));
