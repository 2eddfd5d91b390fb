import type { Logger } from "@waybill/observability";
import type { Session, Store } from "@waybill/store";
import { z } from "zod";
import type { Bus } from "./bus.ts";
import type { EventHandlers } from "./handlers.ts";

/** How events are delivered again after a failure, and when they are given up on. */
export const deliveryPolicy = z.object({
  /** Deliveries of an event before it is parked in the exception queue. */
  maxDeliver: z.number().int().min(1),
  /** Redelivery delay in ms after the n-th failed delivery; the last entry repeats. */
  backoffMs: z.array(z.number().int().nonnegative()).min(1),
  /** Redelivery after a lost or missing ack (a crashed consumer's), in ms. */
  ackWaitMs: z.number().int().min(1_000),
});

/** How the consumer pulls. */
export const pullPolicy = z.object({
  /** Messages per pull, and the most applied in one transaction. */
  batchSize: z.number().int().min(1).max(1_000),
  /**
   * How long one pull waits for messages. Rarely, a consumer with messages pending went idle until
   * its pull expired (seen with 10 s pulls on nats-server 2.9.10, never explained): short pulls
   * bound that to seconds, for one pull request per period when idle.
   */
  expiresMs: z.number().int().min(100),
  /** How often the watchdog compares the broker's pending count with local progress. */
  watchdogMs: z.number().int().min(100),
});

export type DeliveryPolicy = z.infer<typeof deliveryPolicy>;
export type PullPolicy = z.infer<typeof pullPolicy>;

export interface ConsumerOptions<W> {
  bus: Bus;
  store: Store;
  logger: Logger;
  /** The producing service whose stream is read, for example `shipments`. */
  stream: string;
  /** The durable consumer's name, shared by every instance of the consuming service. */
  durable: string;
  /** What to do with each event type of `stream`; other types are acked and skipped. */
  handlers: EventHandlers<W>;
  /** What handlers work with, made from the transaction the inbox record is written in. */
  work: (session: Session) => W;
  delivery: DeliveryPolicy;
  pull: PullPolicy;
  /** Called after a transaction that applied events commits (to wake an outbox relay). */
  onCommitted?: () => void;
}

/** What happened to one message. */
export type Outcome = "handled" | "duplicate" | "skipped" | "retrying" | "terminated";

export type ConsumerProgress = Record<Outcome, number> & {
  lastPullAt: Date | null;
  /** Times the watchdog restarted a stalled pull loop. */
  restarts: number;
};

/** The broker's view of a durable consumer. */
export interface ConsumerState {
  /** Messages on the stream not yet delivered to it. */
  pending: number;
  /** Messages delivered and not yet acknowledged. */
  ackPending: number;
  /** Messages delivered more than once and still unacknowledged. */
  redelivered: number;
  /** The stream sequence of the last message delivered. */
  deliveredSequence: number;
  /** The subject it filters on. */
  filterSubject: string;
}

/** A running consumer. */
export interface RunningConsumer {
  /** The broker's view: pending, ack pending, redeliveries. */
  state(): Promise<ConsumerState>;
  /** Local counters, for health checks that compare them with `state()`. */
  progress(): ConsumerProgress;
  /** Resolves once the broker has nothing pending or unacknowledged for this consumer. */
  waitIdle(timeoutMs?: number): Promise<void>;
  /** Stops pulling, finishes the message in flight, and hands buffered ones back to the broker. */
  stop(): Promise<void>;
}
