export { connectBus, type Bus, type BusOptions } from "./bus.ts";
export { startConsumer } from "./consumer.ts";
export type { ConsumerOptions, ConsumerProgress, RunningConsumer } from "./consumer-types.ts";
export { RetryLaterError, isRetryLater } from "./errors.ts";
export {
  EXCEPTIONS,
  recordException,
  type ExceptionCategory,
  type ExceptionOwner,
  type ExceptionRecord,
  type ExceptionStatus,
} from "./exceptions.ts";
export { errorText } from "./errors.ts";
export type { ConsumedEvent, EventHandler, HandlerContext, Outcome } from "./handle.ts";
export { INBOX, applyAllOnce, applyOnce, type InboxRecord } from "./inbox.ts";
export { naming, type Naming } from "./naming.ts";
export { OUTBOX, buildEvent, enqueueEvent, type NewEvent, type OutboxRecord } from "./outbox.ts";
export { ensureDurableConsumer, type DurableConsumerSpec } from "./provision.ts";
export { DUPLICATE_WINDOW_MS } from "./stream.ts";
export { PUBLISH_TIMEOUT_MS, type PublishResult } from "./publish.ts";
export { startOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from "./relay.ts";
export {
  exceptionQueue,
  type ApplyEvent,
  type ExceptionFilter,
  type ExceptionQueue,
  type RetryOutcome,
} from "./exception-queue.ts";
export { replayStream, type ReplayRequest, type ReplayResult } from "./replay.ts";
