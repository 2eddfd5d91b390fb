/** Translations between the port and the MongoDB driver. */
import { randomUUID } from "node:crypto";
import { MongoServerError } from "mongodb";
import { upsertSeed } from "./filter.ts";
import { DuplicateKeyError, type Filter, type FindOptions, type Update } from "./port.ts";

/** The driver's duplicate-key error (code 11000) as `DuplicateKeyError`; anything else unchanged. */
export function mapDriverError(error: unknown, namespace: string): unknown {
  // Other server errors keep their class: the driver retries transient transaction errors by it.
  if (!(error instanceof MongoServerError) || error.code !== 11000) return error;
  const index = /index: (\S+)/.exec(error.message)?.[1] ?? "unknown";
  return new DuplicateKeyError(namespace, index, error);
}

/** The driver's find options, without the ones left unset. */
export function findOptions(options: FindOptions): { sort?: FindOptions["sort"]; skip?: number; limit?: number } {
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
