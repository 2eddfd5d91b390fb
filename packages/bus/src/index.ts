export { connectBus, type Bus, type BusOptions } from "./bus.ts";
export type { PublishResult } from "./publish.ts";
export type { ReadOptions, StreamEntry, StreamReader, StreamStart } from "./reader.ts";
export { decodeEvent, type ConsumedEvent } from "./decode.ts";
export { dispatch, handledTypes, type EventHandlers } from "./handlers.ts";
export { startConsumer } from "./consumer.ts";
export type {
  ConsumerOptions,
  ConsumerProgress,
  ConsumerState,
  DeliveryPolicy,
  Outcome,
  PullPolicy,
  RunningConsumer,
} from "./consumer-types.ts";
export { RetryLaterError, isRetryLater, errorText } from "./errors.ts";
export {
  EXCEPTIONS,
  recordException,
  type ExceptionCategory,
  type ExceptionOwner,
  type ExceptionRecord,
  type ExceptionStatus,
} from "./exceptions.ts";
export { applyAllOnce, applyOnce } from "./inbox.ts";
export { OUTBOX, buildEvent, enqueueEvent, type NewEvent, type OutboxRecord } from "./outbox.ts";
export { startOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from "./relay.ts";
export {
  exceptionQueue,
  type ApplyEvent,
  type ExceptionFilter,
  type ExceptionQueue,
  type RetryOutcome,
} from "./exception-queue.ts";
export { replayStream, type ReplayRequest, type ReplayResult } from "./replay.ts";
