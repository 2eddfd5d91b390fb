import type { EventData, EventType } from "@waybill/contracts";
import { enqueueEvent, type EventHandlers } from "@waybill/bus";
import { createMetrics, type Logger, type Metrics } from "@waybill/observability";
import {
  afterCommit as whenCommitted,
  type Session,
  type Store,
  trackCommits,
} from "@waybill/store";

/** Records an event in the outbox of the current transaction; it is published after commit. */
export type Emit = <T extends EventType>(
  type: T,
  subject: string,
  data: EventData<T>,
  /** The event's id when it must be a known one (an event published again keeps its first id). */
  options?: { id?: string },
) => Promise<void>;

/** One transaction and the events it emits. */
export interface UnitOfWork {
  session: Session;
  emit: Emit;
  /** The service's logger; lines carry the correlation id of the request or event. */
  logger: Logger;
  /** The service's metrics; observe what the transaction changed in `afterCommit`. */
  metrics: Metrics;
  /** Runs `fn` once this transaction has committed (never if it rolls back or is retried). */
  afterCommit(fn: () => void): void;
}

/** What a service's resolvers and event handlers work with. */
export interface ServiceRuntime {
  name: string;
  store: Store;
  logger: Logger;
  /** The process's Prometheus registry; register the service's own metrics here. */
  metrics: Metrics;
  /** Runs `fn` in a transaction; emitted events reach the bus after commit. */
  transact<R>(fn: (work: UnitOfWork) => Promise<R>): Promise<R>;
  /** The unit of work of a transaction someone else opened (an event consumer's). */
  unitOfWork: (session: Session) => UnitOfWork;
}

/**
 * The runtime a service's use cases see: transactions whose emitted events go to the outbox.
 * `afterCommit` runs after each committed `transact` (the relay's wake-up).
 */
export function createRuntime(
  name: string,
  store: Store,
  logger: Logger,
  afterCommit: () => void,
  metrics: Metrics = createMetrics({ service: name }),
): ServiceRuntime {
  store = trackCommits(store);
  const unitOfWork = (session: Session): UnitOfWork => ({
    session,
    logger,
    metrics,
    afterCommit: (fn) => whenCommitted(session, fn),
    emit: async (type, subject, data, options) => {
      await enqueueEvent(store, session, { type, subject, data, source: name, ...options });
    },
  });
  return {
    name,
    store,
    logger,
    metrics,
    unitOfWork,
    async transact(fn) {
      const result = await store.withTransaction((session) => fn(unitOfWork(session)));
      afterCommit();
      return result;
    },
  };
}

/** A durable consumer of another service's events; handled in a transaction with the inbox record. */
export interface ConsumerDefinition {
  /** The producing service, whose stream is read. */
  stream: string;
  handlers: EventHandlers<UnitOfWork>;
}
