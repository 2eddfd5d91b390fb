import {
  DiscardPolicy,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamInfo,
} from "@nats-io/jetstream";
import { nanos } from "@nats-io/transport-node";
import type { Naming } from "./naming.ts";

/** How long the broker remembers a `Nats-Msg-Id` to drop a re-published event. */
export const DUPLICATE_WINDOW_MS = 2 * 60_000;

const STREAM_NOT_FOUND = 10059;

function isStreamNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError && error.code === STREAM_NOT_FOUND;
}

/** Copies a stream keeps on a NATS cluster: 1, or an odd count so that a majority can elect a leader. */
export const STREAM_REPLICAS = [1, 3, 5] as const;
export type StreamReplicas = (typeof STREAM_REPLICAS)[number];

/**
 * Creates the service's stream, or brings an existing one to the expected subjects, duplicate
 * window and replica count (so a stream made at R1 moves to R3 when its cluster grows). Idempotent
 * and safe to run from every instance at every start.
 */
export async function ensureStream(
  jsm: JetStreamManager,
  names: Naming,
  service: string,
  replicas: StreamReplicas,
): Promise<StreamInfo> {
  const name = names.streamName(service);
  const subjects = [names.streamSubject(service)];
  const duplicateWindow = nanos(DUPLICATE_WINDOW_MS);
  let existing: StreamInfo | undefined;
  try {
    existing = await jsm.streams.info(name);
  } catch (error) {
    if (!isStreamNotFound(error)) throw error;
  }
  if (existing === undefined) {
    try {
      return await jsm.streams.add({
        name,
        subjects,
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        discard: DiscardPolicy.Old,
        duplicate_window: duplicateWindow,
        num_replicas: replicas,
      });
    } catch (error) {
      // Another instance may have created it a moment ago: read it back and reconcile below.
      existing = await jsm.streams.info(name).catch(() => {
        throw error;
      });
    }
  }
  const config = existing.config;
  const sameSubjects = config.subjects.length === 1 && config.subjects[0] === subjects[0];
  const same =
    sameSubjects && config.duplicate_window === duplicateWindow && config.num_replicas === replicas;
  if (same) return existing;
  return jsm.streams.update(name, {
    ...config,
    subjects,
    duplicate_window: duplicateWindow,
    num_replicas: replicas,
  });
}
