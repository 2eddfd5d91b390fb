import { AckPolicy, DeliverPolicy, JetStreamApiError, type ConsumerInfo } from "@nats-io/jetstream";
import { nanos } from "@nats-io/transport-node";
import { isEventType } from "@waybill/contracts";
import { internalsOf, type Bus } from "./bus.ts";
import type { Naming } from "./naming.ts";

export interface DurableConsumerSpec {
  /** The producing service whose stream is consumed. */
  stream: string;
  durable: string;
  /** One subject (nats-server 2.9 filters on a single subject); may be `<service>.>`. */
  filterSubject: string;
  ackWaitMs: number;
}

const CONSUMER_NOT_FOUND = 10014;

/**
 * Creates the durable pull consumer (explicit ack, deliver all), or updates its filter and ack wait.
 * The broker's own `max_deliver` stays unlimited: a message it gave up on would vanish without an
 * exception record, so the consumer counts deliveries and terminates messages itself.
 * Also ensures the producer's stream, so that consumers may start before producers.
 */
export async function ensureDurableConsumer(
  bus: Bus,
  spec: DurableConsumerSpec,
): Promise<ConsumerInfo> {
  await bus.ensureStream(spec.stream);
  const { names, manager } = internalsOf(bus);
  const streamName = names.streamName(spec.stream);
  const ackWait = nanos(spec.ackWaitMs);
  let existing: ConsumerInfo | undefined;
  try {
    existing = await manager.consumers.info(streamName, spec.durable);
  } catch (error) {
    if (!(error instanceof JetStreamApiError && error.code === CONSUMER_NOT_FOUND)) throw error;
  }
  if (existing === undefined) {
    return manager.consumers.add(streamName, {
      durable_name: spec.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: spec.filterSubject,
      ack_wait: ackWait,
      max_deliver: -1,
    });
  }
  const { config } = existing;
  if (config.filter_subject === spec.filterSubject && config.ack_wait === ackWait) return existing;
  return manager.consumers.update(streamName, spec.durable, {
    filter_subject: spec.filterSubject,
    ack_wait: ackWait,
  });
}

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
