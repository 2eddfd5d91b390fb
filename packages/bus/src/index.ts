export { type Bus, BusUnreachableError, connectBus } from "./bus.ts";
export type { DeliveryPolicy, Outcome, PullPolicy, RunningConsumer } from "./consumer-types.ts";
export { startConsumer } from "./consumer.ts";
export type { ConsumedEvent } from "./decode.ts";
export { isRetryLater, RetryLaterError } from "./errors.ts";
export { type ApplyEvent, exceptionQueue, type ExceptionQueue } from "./exception-queue.ts";
export {
  type ExceptionCategory,
  type ExceptionRecord,
  EXCEPTIONS,
  recordException,
} from "./exceptions.ts";
export { dispatch, type EventHandlers, handledTypes } from "./handlers.ts";
export { applyOnce, INBOX } from "./inbox.ts";
export { uuidv7 as newEventId } from "./ids.ts";
export { buildEvent, enqueueEvent, type NewEvent, OUTBOX, type OutboxRecord } from "./outbox.ts";
export type { StreamEntry, StreamReader } from "./reader.ts";
export { startOutboxRelay } from "./relay.ts";
export { type ReplayResult, replayStream } from "./replay.ts";
export { leases } from "./lease.ts";
export { STREAM_REPLICAS, type StreamReplicas } from "./stream.ts";
