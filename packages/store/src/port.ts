/**
 * The store port: the subset of MongoDB's collection API that Waybill's repositories use.
 * Repositories are written once against this port; `openStore` picks the adapter
 * (the official `mongodb` driver when a URL is configured, the embedded SQLite store otherwise).
 */

/** Every stored document has a string `_id`. Values may be JSON values, `Date`s, arrays and nested objects. */
export type Doc = { _id: string } & Record<string, unknown>;

/** A MongoDB query document (`{ status: "OPEN", "lines.sku": "A", total: { $gt: 5 } }`). */
export type Filter = Record<string, unknown>;

/** A MongoDB update document using operators (`$set`, `$unset`, `$inc`, `$push`, `$pull`, `$addToSet`, `$setOnInsert`). */
export type Update = Record<string, unknown>;

export type Sort = Record<string, 1 | -1>;

/** An open transaction. Opaque: pass it to every operation that belongs to the transaction. */
export interface Session {
  readonly transactionId: string;
}

export interface ReadOptions {
  session?: Session;
}

export interface FindOptions extends ReadOptions {
  sort?: Sort;
  skip?: number;
  limit?: number;
}

export interface WriteOptions {
  session?: Session;
}

export interface DeleteOptions extends WriteOptions {
  /**
   * "lazy": outside a session, the delete may be undone by a power failure or a failover (never
   * partly), until the next durable write makes it durable. Only for deletes whose loss is
   * harmless, such as published outbox records: published again, they are dropped by the broker
   * (within its duplicate window) or by every consumer's inbox.
   */
  durability?: "lazy";
}

export interface UpdateOptions extends WriteOptions {
  upsert?: boolean;
}

export interface FindOneAndUpdateOptions extends UpdateOptions {
  /** Which version of the document to return; defaults to "after". */
  returnDocument?: "before" | "after";
}

export interface UpdateResult {
  matchedCount: number;
  modifiedCount: number;
  /** `_id` of the inserted document when the update was an upsert that inserted. */
  upsertedId: string | null;
}

/** One write of a `bulkWrite`. */
export type BulkWriteOperation<T extends Doc = Doc> =
  | { insertOne: { document: T } }
  | { updateOne: { filter: Filter; update: Update; upsert?: boolean } };

/** What a `bulkWrite` did, summed over its operations. */
export interface BulkWriteResult {
  insertedCount: number;
  matchedCount: number;
  modifiedCount: number;
  upsertedCount: number;
}

export interface IndexSpec {
  /** Field paths (dotted allowed) in index order. */
  keys: Record<string, 1 | -1>;
  unique?: boolean;
  /** Defaults to the MongoDB-style name (`field_1_other_-1`). */
  name?: string;
}

export interface Collection<T extends Doc = Doc> {
  readonly name: string;
  findOne(filter: Filter, options?: FindOptions): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  countDocuments(filter: Filter, options?: ReadOptions): Promise<number>;
  /** Throws `DuplicateKeyError` when `_id` or a unique index collides. */
  insertOne(doc: T, options?: WriteOptions): Promise<void>;
  /** All or nothing: inside one transaction of its own unless a session is given. */
  insertMany(docs: T[], options?: WriteOptions): Promise<void>;
  updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult>;
  updateMany(filter: Filter, update: Update, options?: WriteOptions): Promise<UpdateResult>;
  findOneAndUpdate(
    filter: Filter,
    update: Update,
    options?: FindOneAndUpdateOptions,
  ): Promise<T | null>;
  /**
   * Runs the operations in order as one call to the database, all or nothing: inside one
   * transaction of its own unless a session is given. The first failure (a `DuplicateKeyError`,
   * say) stops it and is thrown with none of it applied; inside a session, let it end the
   * transaction (MongoDB aborts the whole transaction). An empty list writes nothing.
   */
  bulkWrite(operations: BulkWriteOperation<T>[], options?: WriteOptions): Promise<BulkWriteResult>;
  deleteOne(filter: Filter, options?: WriteOptions): Promise<number>;
  deleteMany(filter: Filter, options?: DeleteOptions): Promise<number>;
  /** Idempotent: creating an index that exists is a no-op. */
  createIndex(spec: IndexSpec): Promise<void>;
}

export interface StoreMetrics {
  /** Count of operations sent to the database (one per port call), for round-trip benchmarks. */
  operations: number;
}

export interface Store {
  /** The database name (one per service). */
  readonly database: string;
  readonly adapter: "mongodb" | "embedded";
  readonly metrics: StoreMetrics;
  collection<T extends Doc = Doc>(name: string): Collection<T>;
  /**
   * Runs `fn` in one atomic transaction and commits when it resolves; rolls back when it throws.
   * `fn` may run more than once (MongoDB retries transient transaction errors): keep side effects
   * outside the store out of it.
   */
  withTransaction<R>(fn: (session: Session) => Promise<R>): Promise<R>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A unique index or `_id` collision; `code` matches MongoDB's duplicate-key error. */
export class DuplicateKeyError extends Error {
  readonly code = 11000;
  readonly collection: string;
  readonly index: string;
  constructor(collection: string, index: string, cause?: unknown) {
    super(`E11000 duplicate key error collection: ${collection} index: ${index}`, { cause });
    this.name = "DuplicateKeyError";
    this.collection = collection;
    this.index = index;
  }
}

/** True for a duplicate-key error from either adapter. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === 11000;
}
