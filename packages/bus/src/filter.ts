import { isEventType } from "@waybill/contracts";
import type { Naming } from "./naming.ts";

/** The event types given, once each; refuses none at all and types of another stream. */
export function checkTypes(stream: string, eventTypes: readonly string[]): ReadonlySet<string> {
  const types = new Set(eventTypes);
  const wrong = [...types].filter((type) => !isEventType(type) || !type.startsWith(`${stream}.`));
  if (types.size === 0 || wrong.length > 0) {
    throw new Error(
      `handlers and reads take known event types of ${stream}; got: ${[...types].join(", ") || "none"}`,
    );
  }
  return types;
}

/**
 * Works out the one subject to filter on for a set of event types of `stream`: the type's own
 * subject for one type, else the whole stream (nats-server 2.9 takes a single filter subject),
 * the reader then passing over the types it does not want.
 */
export function consumerFilter(
  names: Naming,
  stream: string,
  eventTypes: readonly string[],
): { types: ReadonlySet<string>; filterSubject: string } {
  const types = checkTypes(stream, eventTypes);
  const [only] = types;
  const filterSubject =
    types.size === 1 && only !== undefined ? names.subjectOf(only) : names.streamSubject(stream);
  return { types, filterSubject };
}
