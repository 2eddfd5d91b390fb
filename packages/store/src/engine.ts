/**
 * One SQLite connection and the rules for using it: every statement runs under the store's lock,
 * either inside the open `withTransaction` (whose session holds the lock) or in a transaction of
 * its own, so an operation never half-applies and never joins another request's transaction.
 */
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { Mutex } from "./lock.ts";
import type { Session } from "./port.ts";
import { TransactionScope } from "./transaction-scope.ts";

export class Engine {
  readonly db: DatabaseSync;
  readonly #lock = new Mutex();
  readonly #scope: TransactionScope<true>;
  readonly #statements = new Map<string, StatementSync>();
  readonly #onRollback: Array<() => void> = [];
  readonly #name: string;
  #turn = 0;

  constructor(file: string, name: string) {
    this.#name = name;
    this.db = new DatabaseSync(file, { timeout: 5_000 });
    const { journal_mode: mode } = this.db.prepare("PRAGMA journal_mode = WAL").get() ?? {};
    if (mode !== "wal")
      throw new Error(`SQLite refused WAL mode for ${file} (got ${String(mode)})`);
    // FULL syncs the WAL on every commit: an acknowledged commit survives kill -9 and power loss.
    this.db.exec("PRAGMA synchronous = FULL");
    this.#scope = new TransactionScope(name);
  }

  /** A cached prepared statement. */
  sql(text: string): StatementSync {
    let statement = this.#statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.#statements.set(text, statement);
    }
    return statement;
  }

  /**
   * Counts the times the lock was taken: within one turn no other connection commits between this
   * one's statements that matter (a transaction holds the write lock; a read is one short turn).
   */
  get turn(): number {
    return this.#turn;
  }

  /** Registers a cache reset to run whenever a rollback may have undone schema or metadata. */
  onRollback(reset: () => void): void {
    this.#onRollback.push(reset);
  }

  /** Runs a read in `session`'s transaction, or under the lock when there is none. */
  async read<R>(session: Session | undefined, fn: () => R): Promise<R> {
    if (this.#scope.resolve(session)) return fn();
    return this.#lock.run(() => {
      this.#assertOpen();
      this.#turn += 1;
      return fn();
    });
  }

  /**
   * Runs a write atomically: a savepoint inside `session`'s transaction, else its own transaction.
   * `lazy` (outside a session) commits without syncing the WAL: a power failure may undo it, never
   * partly, and the next synced commit makes it durable too (it syncs the whole WAL).
   */
  async write<R>(
    session: Session | undefined,
    fn: () => R,
    options: { lazy?: boolean } = {},
  ): Promise<R> {
    if (this.#scope.resolve(session)) return this.#savepoint(fn);
    return this.#lock.run(() => {
      this.#assertOpen();
      this.#turn += 1;
      if (!options.lazy) return this.#atomically(fn);
      this.db.exec("PRAGMA synchronous = NORMAL");
      try {
        return this.#atomically(fn);
      } finally {
        this.db.exec("PRAGMA synchronous = FULL");
      }
    });
  }

  /** Runs `fn` in one `BEGIN IMMEDIATE` transaction holding the lock throughout. */
  async transaction<R>(fn: (session: Session) => Promise<R>): Promise<R> {
    this.#scope.assertOutside("withTransaction");
    return this.#lock.run(async () => {
      this.#assertOpen();
      this.#turn += 1;
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const result = await this.#scope.run(true, fn);
        this.db.exec("COMMIT");
        return result;
      } catch (error) {
        this.#rollback("ROLLBACK");
        throw error;
      }
    });
  }

  /** Waits for the running work, then closes the connection. */
  async close(): Promise<void> {
    this.#scope.assertOutside("close");
    await this.#lock.run(() => {
      if (this.db.isOpen) this.db.close();
    });
  }

  #assertOpen(): void {
    if (!this.db.isOpen) throw new Error(`Store '${this.#name}' is closed`);
  }

  #atomically<R>(fn: () => R): R {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      const result = fn();
      this.db.exec("COMMIT");
      return result;
    } catch (error) {
      this.#rollback("ROLLBACK");
      throw error;
    }
  }

  #savepoint<R>(fn: () => R): R {
    this.db.exec("SAVEPOINT operation");
    try {
      const result = fn();
      this.db.exec("RELEASE operation");
      return result;
    } catch (error) {
      this.#rollback("ROLLBACK TO operation; RELEASE operation");
      throw error;
    }
  }

  #rollback(statement: string): void {
    // SQLite may already have rolled back by itself (for example on SQLITE_FULL).
    if (this.db.isTransaction) this.db.exec(statement);
    for (const reset of this.#onRollback) reset();
  }
}
