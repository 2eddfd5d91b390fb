import type { ZodError } from "zod";
import { cloudEventEnvelope, type CloudEvent } from "./cloudevent.ts";
import { eventData, type EventData, type EventType } from "./events.ts";

/** An event that does not match its envelope or its data schema. */
export class InvalidEventError extends Error {
  readonly issues: string[];
  constructor(message: string, issues: string[]) {
    super(`${message}: ${issues.join("; ")}`);
    this.name = "InvalidEventError";
    this.issues = issues;
  }
}

function describe(error: ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
}

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventData, type);
}

/** Validates an envelope and its data against the registered schema; throws `InvalidEventError`. */
export function parseEvent(input: unknown): CloudEvent<EventType, EventData<EventType>> {
  const envelope = cloudEventEnvelope.safeParse(input);
  if (!envelope.success)
    throw new InvalidEventError("invalid event envelope", describe(envelope.error));
  const { type } = envelope.data;
  if (!isEventType(type)) throw new InvalidEventError("unknown event type", [type]);
  const data = eventData[type].safeParse(envelope.data.data);
  if (!data.success) throw new InvalidEventError(`invalid ${type} data`, describe(data.error));
  return { ...envelope.data, type, data: data.data };
}

/** Narrows a parsed event to one type. */
export type EventOf<T extends EventType> = CloudEvent<T, EventData<T>>;
