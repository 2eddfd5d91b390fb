/**
 * Tracks a store's open transactions and which async context each belongs to, so both adapters
 * reject the same mistakes: a finished or foreign session, and a call inside `withTransaction`
 * that forgot its session (on the embedded store that call would wait for the lock forever).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { Session } from "./port.ts";

/** Open transactions of one store; `T` is what the adapter keeps per transaction. */
export class TransactionScope<T> {
  readonly #open = new Map<Session, T>();
  readonly #context = new AsyncLocalStorage<Session>();
  readonly #storeName: string;

  constructor(storeName: string) {
    this.#storeName = storeName;
  }

  /** Runs `fn` with a new session that is open until `fn` settles. */
  async run<R>(state: T, fn: (session: Session) => Promise<R>): Promise<R> {
    const session: Session = Object.freeze({ transactionId: randomUUID() });
    this.#open.set(session, state);
    try {
      return await this.#context.run(session, () => fn(session));
    } finally {
      this.#open.delete(session);
    }
  }

  /** The state of `session`'s transaction, or `undefined` for a call outside any transaction. */
  resolve(session: Session | undefined): T | undefined {
    if (session === undefined) {
      this.assertOutside("A store operation without { session }");
      return undefined;
    }
    const state = this.#open.get(session);
    if (state === undefined) {
      throw new Error(
        `Session ${session.transactionId} is not an open transaction of store '${this.#storeName}' ` +
          "(its withTransaction has finished, or it belongs to another store)",
      );
    }
    return state;
  }

  /** Throws when the caller runs inside one of this store's open transactions. */
  assertOutside(what: string): void {
    const current = this.#context.getStore();
    if (current !== undefined && this.#open.has(current)) {
      throw new Error(
        `${what} was called inside withTransaction on store '${this.#storeName}': ` +
          "pass the transaction's session instead (transactions do not nest)",
      );
    }
  }
}
