import type { EventOf, EventType } from "@waybill/contracts";
import type { ConsumerDefinition, UnitOfWork } from "@waybill/service";

type AnyHandler = (event: EventOf<EventType>, work: UnitOfWork) => Promise<void>;

/**
 * One definition per stream (one durable consumer each): an event of the stream runs the handler
 * of every room that has one for its type, in the order the definitions are listed, in the one
 * transaction of its delivery.
 */
export function mergeConsumers(definitions: ConsumerDefinition[]): ConsumerDefinition[] {
  const byStream = Map.groupBy(definitions, (definition) => definition.stream);
  return [...byStream].map(([stream, rooms]) => {
    const types = new Set(rooms.flatMap((room) => Object.keys(room.handlers) as EventType[]));
    const handlers: Partial<Record<EventType, AnyHandler>> = {};
    for (const type of types) {
      const each = rooms.flatMap((room) => {
        const handler = room.handlers[type] as AnyHandler | undefined;
        return handler ? [handler] : [];
      });
      handlers[type] = async (event, work) => {
        for (const handle of each) await handle(event, work);
      };
    }
    return { stream, handlers };
  });
}
