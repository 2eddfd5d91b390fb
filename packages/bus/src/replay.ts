import type { EventType } from "@waybill/contracts";
import type { Logger } from "@waybill/observability";
import type { Bus } from "./bus.ts";
import { errorText } from "./errors.ts";
import type { ApplyEvent } from "./exception-queue.ts";

export interface ReplayRequest {
  /** The producing service whose stream is read again. */
  stream: string;
  /** Event types this service handles from that stream. */
  types: readonly EventType[];
  fromSequence?: number | null;
  fromTime?: Date | null;
}

export interface ReplayResult {
  examined: number;
  applied: number;
  duplicates: number;
  failed: number;
  lastSequence: number;
  errors: string[];
}

const KEPT_ERRORS = 20;

/**
 * Reads a stream again from a sequence or a time, up to its end when the replay started, and
 * applies each handled event through the inbox: events already applied are skipped, so a replay
 * repairs what was lost without doubling anything.
 */
export async function replayStream(
  bus: Bus,
  logger: Logger,
  apply: ApplyEvent,
  request: ReplayRequest,
): Promise<ReplayResult> {
  const start = request.fromTime
    ? { time: request.fromTime }
    : { after: Math.max(1, request.fromSequence ?? 1) - 1 };
  const reader = await bus.read({
    stream: request.stream,
    types: request.types,
    start,
    until: "end",
  });
  const result: ReplayResult = {
    examined: 0,
    applied: 0,
    duplicates: 0,
    failed: 0,
    lastSequence: 0,
    errors: [],
  };
  const failed = (sequence: number, reason: string) => {
    result.failed += 1;
    if (result.errors.length < KEPT_ERRORS) result.errors.push(`seq ${sequence}: ${reason}`);
  };
  for await (const entry of reader) {
    result.examined += 1;
    result.lastSequence = entry.sequence;
    if (!("event" in entry)) {
      failed(entry.sequence, entry.invalid);
      continue;
    }
    try {
      const outcome = await apply(entry.event);
      if (outcome === "handled") result.applied += 1;
      else result.duplicates += 1;
    } catch (error) {
      failed(entry.sequence, errorText(error));
    }
  }
  logger.info(
    { stream: request.stream, ...result, errors: result.errors.length },
    "replay finished",
  );
  return result;
}
