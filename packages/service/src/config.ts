import { STREAM_REPLICAS, type StreamReplicas } from "@waybill/bus";
import { mongodbUrl } from "@waybill/config";
import { z } from "zod";

/** Variables every service reads. */
export const serviceEnv = {
  PORT: z.coerce.number().int().min(0).max(65535),
  HOST: z.string().default("127.0.0.1"),
  NATS_URL: z.string().min(1, "NATS_URL is required (for example nats://127.0.0.1:4222)"),
  MONGODB_URL: mongodbUrl.optional(),
  /**
   * Copies of each stream (and of the leases bucket) on the NATS cluster: 1 on a single server,
   * 3 on a three-node cluster so an acknowledged event survives losing a node. The same in every
   * service, since whichever instance starts first creates a stream.
   */
  NATS_STREAM_REPLICAS: z.coerce
    .number()
    .refine(
      (count): count is StreamReplicas => (STREAM_REPLICAS as readonly number[]).includes(count),
      `NATS_STREAM_REPLICAS must be one of ${STREAM_REPLICAS.join(", ")}`,
    )
    .default(1),
  /** How long to wait at start-up for NATS and MongoDB before refusing to start. */
  CONNECT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  DATA_DIR: z.string().default(".waybill/data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Deliveries of an event before it is parked in the exception queue. */
  CONSUMER_MAX_DELIVER: z.coerce.number().int().min(1).max(1000).default(10),
  /** Redelivery delays in ms after each failed delivery, comma-separated; the last one repeats. */
  CONSUMER_BACKOFF_MS: z
    .string()
    .regex(/^\d+(,\d+)*$/, "comma-separated milliseconds, for example 1000,5000,15000")
    .default("1000,5000,15000,30000,60000")
    .transform((text) => text.split(",").map(Number)),
  /** How long the broker waits for an ack before delivering an event again (a crashed consumer's). */
  CONSUMER_ACK_WAIT_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  /** How often consumer lag, the outbox backlog and open exceptions are sampled for `/metrics`. */
  METRICS_SAMPLE_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
};

/**
 * How every service's consumers pull: up to 50 events a pull (and a transaction), pulls that wait
 * 2 s, and a watchdog check every 30 s.
 */
export const CONSUMER_PULL = { batchSize: 50, expiresMs: 2_000, watchdogMs: 30_000 } as const;

/** How often the outbox relay looks for events nobody woke it for (other instances, restarts). */
export const OUTBOX_POLL_MS = 1_000;
