/** Translations between the port and the MongoDB driver. */
import { randomUUID } from "node:crypto";
import {
  MongoServerError,
  type AnyBulkWriteOperation,
  type ClientSession,
  type UpdateResult as DriverUpdateResult,
} from "mongodb";
import { upsertSeed } from "./filter.ts";
import {
  DuplicateKeyError,
  type BulkWriteOperation,
  type Doc,
  type Filter,
  type FindOptions,
  type Session,
  type StoreMetrics,
  type Update,
  type UpdateResult,
} from "./port.ts";

/** What a collection needs from its store. */
export interface MongoContext {
  metrics: StoreMetrics;
  /** The driver session of an open transaction, or undefined (throws for a finished one). */
  resolve(session: Session | undefined): ClientSession | undefined;
  /** Runs `fn` in a transaction of its own. */
  transact<R>(fn: (session: ClientSession) => Promise<R>): Promise<R>;
}

/** Runs one port call on the driver: counts it, resolves its session, maps its errors. */
export async function callDriver<R>(
  context: MongoContext,
  namespace: string,
  session: Session | undefined,
  fn: (session: ClientSession | undefined) => Promise<R>,
): Promise<R> {
  context.metrics.operations += 1;
  const driverSession = context.resolve(session);
  try {
    return await fn(driverSession);
  } catch (error) {
    throw mapDriverError(error, namespace);
  }
}

/** The driver's duplicate-key error (code 11000) as `DuplicateKeyError`; anything else unchanged. */
export function mapDriverError(error: unknown, namespace: string): unknown {
  // Other server errors keep their class: the driver retries transient transaction errors by it.
  if (!(error instanceof MongoServerError) || error.code !== 11000) return error;
  const index = /index: (\S+)/.exec(error.message)?.[1] ?? "unknown";
  return new DuplicateKeyError(namespace, index, error);
}

/** The driver's find options, without the ones left unset. */
export function findOptions(options: FindOptions): {
  sort?: FindOptions["sort"];
  skip?: number;
  limit?: number;
} {
  const { sort, skip, limit } = options;
  return { ...(sort ? { sort } : {}), ...(skip ? { skip } : {}), ...(limit ? { limit } : {}) };
}

/** Upserts get a string `_id` like the embedded store's, not the server's ObjectId. */
export function withStringId(filter: Filter, update: Update, upsert: boolean): Update {
  if (!upsert || "_id" in upsertSeed(filter)) return update;
  const set = (update.$set ?? {}) as Record<string, unknown>;
  const setOnInsert = (update.$setOnInsert ?? {}) as Record<string, unknown>;
  if ("_id" in set || "_id" in setOnInsert) return update;
  return { ...update, $setOnInsert: { ...setOnInsert, _id: randomUUID() } };
}

/** The port's update result (the driver's `upsertedId` is our string `_id` or null). */
export function toUpdateResult(result: DriverUpdateResult<Doc>): UpdateResult {
  const { matchedCount, modifiedCount, upsertedId } = result;
  return { matchedCount, modifiedCount, upsertedId };
}

/** A port bulk-write operation as the driver's (upserts get a string `_id`, as in `updateOne`). */
export function toDriverWrite(operation: BulkWriteOperation): AnyBulkWriteOperation<Doc> {
  if ("insertOne" in operation) return { insertOne: { document: operation.insertOne.document } };
  if (!("updateOne" in operation)) {
    throw new TypeError(`Unsupported bulkWrite operation: ${Object.keys(operation).join(", ")}`);
  }
  const { filter, update, upsert = false } = operation.updateOne;
  return { updateOne: { filter, update: withStringId(filter, update, upsert), upsert } };
}
