import type { Doc, Session, Store } from "./port.ts";

const pending = new WeakMap<Session, (() => void)[]>();
const tracked = new WeakSet<Store>();

/**
 * Runs `fn` once the transaction of `session` has committed, and never when it rolls back or is
 * retried (each attempt has its own session). Metrics are observed this way, so a retried
 * transaction is counted once. Needs the transaction to run on a store from `trackCommits`.
 */
export function afterCommit(session: Session, fn: () => void): void {
  const callbacks = pending.get(session);
  if (callbacks) callbacks.push(fn);
  else pending.set(session, [fn]);
}

function runAll(callbacks: readonly (() => void)[]): void {
  for (const callback of callbacks) {
    try {
      callback();
    } catch (error) {
      // The transaction is committed: an observer's failure must not make it look failed.
      process.emitWarning(`after-commit callback failed: ${String(error)}`);
    }
  }
}

/** Wraps a store so that the `afterCommit` callbacks of its transactions run after each commit. */
export function trackCommits(store: Store): Store {
  if (tracked.has(store)) return store;
  const wrapper: Store = {
    get database() {
      return store.database;
    },
    get adapter() {
      return store.adapter;
    },
    get metrics() {
      return store.metrics;
    },
    collection: <T extends Doc = Doc>(name: string) => store.collection<T>(name),
    async withTransaction(fn) {
      const attempts: Session[] = [];
      try {
        const result = await store.withTransaction((session) => {
          attempts.push(session);
          return fn(session);
        });
        const committed = attempts.at(-1);
        const callbacks = committed ? pending.get(committed) : undefined;
        if (callbacks) runAll(callbacks);
        return result;
      } finally {
        for (const session of attempts) pending.delete(session);
      }
    },
    ping: () => store.ping(),
    close: () => store.close(),
  };
  tracked.add(wrapper);
  return wrapper;
}
