import { AckPolicy, DeliverPolicy, JetStreamApiError, type ConsumerInfo } from "@nats-io/jetstream";
import { nanos } from "@nats-io/transport-node";
import { internalsOf, type Bus } from "./bus.ts";

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
