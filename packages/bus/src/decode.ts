import { parseEvent, type EventOf, type EventType } from "@waybill/contracts";

/** An event of any type, narrowed by its `type` (a discriminated union over `T`). */
export type ConsumedEvent<T extends EventType = EventType> = T extends EventType
  ? EventOf<T>
  : never;

/**
 * Parses a message body as a Waybill event, validating its envelope and its data against the
 * contract of its type; throws `InvalidEventError` (or a `SyntaxError` for text that is not JSON).
 */
export function decodeEvent(text: string): ConsumedEvent {
  // parseEvent checked `data` against the schema registered for `type`, which is what the
  // discriminated union says.
  return parseEvent(JSON.parse(text)) as ConsumedEvent;
}
