import type { Outcome, RunningConsumer } from "@waybill/bus";
import { LATENCY_BUCKETS, type Metrics } from "@waybill/observability";

/** A running consumer and what identifies it in labels. */
export interface WatchedConsumer {
  /** The producing service whose stream is read. */
  stream: string;
  /** The durable consumer's name. */
  consumer: string;
  running: RunningConsumer;
}

/** Lag and throughput of a process's event consumers. */
export interface ConsumerMetrics {
  /** Reads the broker's view of every consumer (pending, ack pending, redelivered). */
  sample(): Promise<void>;
  /** Observes now − event time for an event whose effect just committed. */
  handled(labels: { stream: string; consumer: string; type: string }, eventTime: string): void;
}

const OUTCOMES: readonly Outcome[] = ["handled", "duplicate", "skipped", "retrying", "terminated"];

/**
 * Consumer metrics over `watched` (read at each sample or scrape, so consumers restarted in place
 * are followed). Outcome counters come from the consumers' own progress counters.
 */
export function consumerMetrics(
  metrics: Metrics,
  watched: () => readonly WatchedConsumer[],
): ConsumerMetrics {
  const labelNames = ["stream", "consumer"] as const;
  const gauge = (name: string, help: string) => metrics.gauge({ name, help, labelNames });
  const pending = gauge(
    "waybill_consumer_pending_messages",
    "Messages on the stream not yet delivered to the consumer (JetStream num_pending), sampled.",
  );
  const ackPending = gauge(
    "waybill_consumer_ack_pending_messages",
    "Messages delivered and not yet acknowledged (JetStream num_ack_pending), sampled.",
  );
  const redelivered = gauge(
    "waybill_consumer_redelivered_messages",
    "Messages delivered more than once and still unacknowledged (num_redelivered), sampled.",
  );
  const events = metrics.counter({
    name: "waybill_consumer_events_total",
    help: 'Events taken off the stream by outcome; outcome="duplicate" counts duplicates absorbed by the inbox.',
    labelNames: ["stream", "consumer", "outcome"],
    collect() {
      events.reset();
      for (const { stream, consumer, running } of watched()) {
        const progress = running.progress();
        for (const outcome of OUTCOMES)
          events.inc({ stream, consumer, outcome }, progress[outcome]);
      }
    },
  });
  const lastPull = metrics.gauge({
    name: "waybill_consumer_last_pull_age_seconds",
    help: "Seconds since the consumer last pulled from the broker.",
    labelNames,
    collect() {
      lastPull.reset();
      for (const { stream, consumer, running } of watched()) {
        const at = running.progress().lastPullAt;
        if (at) lastPull.set({ stream, consumer }, (Date.now() - at.getTime()) / 1000);
      }
    },
  });
  const latency = metrics.histogram({
    name: "waybill_consumer_handling_latency_seconds",
    help: "From the event's time (written to the producer's outbox) to its effect committed here.",
    labelNames: ["stream", "consumer", "type"],
    buckets: LATENCY_BUCKETS,
  });

  return {
    async sample() {
      await Promise.all(
        watched().map(async ({ stream, consumer, running }) => {
          const state = await running.state();
          pending.set({ stream, consumer }, state.pending);
          ackPending.set({ stream, consumer }, state.ackPending);
          redelivered.set({ stream, consumer }, state.redelivered);
        }),
      );
    },
    handled(labels, eventTime) {
      const time = Date.parse(eventTime);
      if (Number.isFinite(time)) latency.observe(labels, Math.max(0, Date.now() - time) / 1000);
    },
  };
}
