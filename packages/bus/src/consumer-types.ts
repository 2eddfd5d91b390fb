import type { ConsumerInfo } from "@nats-io/jetstream";
import type { EventType } from "@waybill/contracts";
import type { Logger } from "@waybill/observability";
import type { Store } from "@waybill/store";
import type { Bus } from "./bus.ts";
import type { EventHandler, Outcome } from "./handle.ts";

export interface ConsumerOptions<T extends EventType> {
  bus: Bus;
  store: Store;
  logger: Logger;
  /** The producing service whose stream is read, for example `shipments`. */
  stream: string;
  /** The durable consumer's name, shared by every instance of the consuming service. */
  durable: string;
  /** Event types to apply, all of `stream` (plain strings are checked against the contracts). */
  filterSubjects: readonly T[] | readonly string[];
  handle: EventHandler<T>;
  /** Deliveries before an event is parked in `exceptions`; defaults to 10. */
  maxDeliver?: number;
  /** Redelivery delay after the n-th failed delivery; the last entry repeats. */
  backoffMs?: readonly number[];
  /** Redelivery after a lost or missing ack; defaults to 30 s. */
  ackWaitMs?: number;
  /**
   * How long one pull waits for messages; defaults to 2 s. Rarely, a consumer with messages
   * pending went idle until its pull expired (seen with 10 s pulls on nats-server 2.9.10, never
   * explained): short pulls bound that to seconds, for one pull request every 2 s when idle.
   */
  expiresMs?: number;
  /** Messages per pull, and the most applied in one transaction; defaults to 50. */
  batchSize?: number;
  /** Called after a handler's transaction commits (to notify the service's outbox relay). */
  onCommitted?: () => void;
  /** How often the watchdog compares the broker's pending count with local progress; 30 s. */
  watchdogMs?: number;
}

export type ConsumerProgress = Record<Outcome, number> & {
  lastPullAt: Date | null;
  /** Times the watchdog restarted a stalled pull loop. */
  restarts: number;
};

/** A running consumer. */
export interface RunningConsumer {
  /** The broker's view: pending, ack pending, waiting pulls, redeliveries. */
  info(): Promise<ConsumerInfo>;
  /** Local counters, for health checks that compare them with `info()`. */
  progress(): ConsumerProgress;
  /** Resolves once the broker has nothing pending or unacknowledged for this consumer. */
  waitIdle(timeoutMs?: number): Promise<void>;
  /** Stops pulling, finishes the message in flight, and hands buffered ones back to the broker. */
  stop(): Promise<void>;
}
