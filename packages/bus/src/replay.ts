import { DeliverPolicy } from "@nats-io/jetstream";
import { parseEvent } from "@waybill/contracts";
import type { Bus } from "./bus.ts";
import { errorText } from "./errors.ts";
import type { Logger } from "@waybill/observability";
import type { ApplyEvent } from "./exception-queue.ts";

export interface ReplayRequest {
  /** The producing service whose stream is read again. */
  stream: string;
  /** Event types this service handles from that stream. */
  types: readonly string[];
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
  const streamName = bus.names.streamName(request.stream);
  const end = (await bus.manager.streams.info(streamName)).state.last_seq;
  const start = request.fromTime
    ? { deliver_policy: DeliverPolicy.StartTime, opt_start_time: request.fromTime.toISOString() }
    : {
        deliver_policy: DeliverPolicy.StartSequence,
        opt_start_seq: Math.max(1, request.fromSequence ?? 1),
      };
  // One filter subject (nats-server 2.9 takes no list): the whole stream, other types skipped.
  const consumer = await bus.jetstream.consumers.get(streamName, {
    ...start,
    filter_subjects: bus.names.streamSubject(request.stream),
  });
  const handled = new Set(request.types);
  const result: ReplayResult = {
    examined: 0,
    applied: 0,
    duplicates: 0,
    failed: 0,
    lastSequence: 0,
    errors: [],
  };
  while (result.lastSequence < end) {
    const batch = await consumer.fetch({ max_messages: 100, expires: 2_000 });
    let received = 0;
    for await (const msg of batch) {
      received += 1;
      result.lastSequence = msg.seq;
      if (msg.seq > end) break;
      if (!handled.has(bus.names.typeOf(msg.subject))) continue;
      result.examined += 1;
      try {
        const outcome = await apply(parseEvent(JSON.parse(msg.string())));
        if (outcome === "handled") result.applied += 1;
        else result.duplicates += 1;
      } catch (error) {
        result.failed += 1;
        if (result.errors.length < 20) result.errors.push(`seq ${msg.seq}: ${errorText(error)}`);
      }
    }
    if (received === 0) break; // nothing more matches the filter before the end
  }
  logger.info({ stream: streamName, ...result, errors: result.errors.length }, "replay finished");
  return result;
}
