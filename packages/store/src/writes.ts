/** Write paths of the embedded store; each runs inside a transaction or savepoint of the engine. */
import { randomUUID } from "node:crypto";
import type { Catalog } from "./catalog.ts";
import { encode } from "./codec.ts";
import type { Engine } from "./engine.ts";
import { upsertSeed } from "./filter.ts";
import type {
  BulkWriteOperation,
  BulkWriteResult,
  Doc,
  Filter,
  Update,
  UpdateResult,
} from "./port.ts";
import { findDocs } from "./query.ts";
import { ident, mapWriteError } from "./sql.ts";
import { applyOperators, insertOperators, parseUpdate } from "./updates.ts";

/** What a collection's write paths need. */
export interface Target {
  engine: Engine;
  catalog: Catalog;
  database: string;
  table: string;
}

export interface Updated<T> {
  result: UpdateResult;
  /** The first matched document before the update, when `mode.before` asked for it. */
  before: T | null;
  /** The first matched or upserted document after the update. */
  after: T | null;
}

/** Inserts one document; throws `DuplicateKeyError` on a collision. */
export function insertDoc(target: Target, doc: Doc): void {
  if (typeof doc._id !== "string") {
    throw new TypeError(`Documents in ${target.table} need a string _id`);
  }
  const text = encode(doc);
  run(target, `INSERT INTO ${ident(target.table)} (_id, doc) VALUES (?, ?)`, doc, [doc._id, text]);
}

/** Applies `update` to the first (or every) match, inserting a seeded document on upsert. */
export function updateDocs<T extends Doc>(
  target: Target,
  filter: Filter,
  update: Update,
  mode: { multi: boolean; upsert: boolean; before?: boolean },
): Updated<T> {
  const { operators, setOnInsert } = parseUpdate(update);
  const { engine, catalog, table } = target;
  const matches = findDocs<T>(engine, catalog, table, filter, mode.multi ? {} : { limit: 1 });
  const first = matches[0];
  if (first === undefined) {
    const inserted = mode.upsert ? (upsertDoc(target, filter, operators, setOnInsert) as T) : null;
    const result = { matchedCount: 0, modifiedCount: 0, upsertedId: inserted?._id ?? null };
    return { result, before: null, after: inserted };
  }
  // A copy only for findOneAndUpdate's "before": cloning every updated document cost 4 % of a
  // busy consumer's CPU.
  const before = mode.before && !mode.multi ? structuredClone(first) : null;
  let modifiedCount = 0;
  for (const doc of matches) {
    if (!applyOperators(doc, operators, filter)) continue;
    const sql = `UPDATE ${ident(table)} SET doc = ? WHERE _id = ?`;
    run(target, sql, doc, [encode(doc), doc._id]);
    modifiedCount += 1;
  }
  return {
    result: { matchedCount: matches.length, modifiedCount, upsertedId: null },
    before,
    after: first,
  };
}

/** Runs a bulk write's operations in order; the caller's transaction or savepoint makes it atomic. */
export function bulkWriteDocs<T extends Doc>(
  target: Target,
  operations: BulkWriteOperation<T>[],
): BulkWriteResult {
  const total = { insertedCount: 0, matchedCount: 0, modifiedCount: 0, upsertedCount: 0 };
  for (const operation of operations) {
    if ("insertOne" in operation) {
      insertDoc(target, operation.insertOne.document);
      total.insertedCount += 1;
    } else if ("updateOne" in operation) {
      const { filter, update, upsert = false } = operation.updateOne;
      const { result } = updateDocs<T>(target, filter, update, { multi: false, upsert });
      total.matchedCount += result.matchedCount;
      total.modifiedCount += result.modifiedCount;
      if (result.upsertedId !== null) total.upsertedCount += 1;
    } else {
      throw new TypeError(`Unsupported bulkWrite operation: ${Object.keys(operation).join(", ")}`);
    }
  }
  return total;
}

/** Deletes the first (or every) match; returns how many were deleted. */
export function deleteDocs(target: Target, filter: Filter, multi: boolean): number {
  const { engine, catalog, table } = target;
  const matches = findDocs(engine, catalog, table, filter, multi ? {} : { limit: 1 });
  const remove = engine.sql(`DELETE FROM ${ident(table)} WHERE _id = ?`);
  for (const doc of matches) remove.run(doc._id);
  return matches.length;
}

function upsertDoc(
  target: Target,
  filter: Filter,
  operators: Record<string, unknown>,
  setOnInsert: Record<string, unknown>,
): Doc {
  const seed = upsertSeed(filter);
  const set = (operators.$set ?? {}) as Record<string, unknown>;
  const id = seed._id ?? set._id ?? setOnInsert._id ?? randomUUID();
  if (typeof id !== "string") {
    throw new TypeError(`Upserted documents in ${target.table} need a string _id`);
  }
  const doc: Doc = { ...seed, _id: id };
  applyOperators(doc, insertOperators(operators, setOnInsert));
  insertDoc(target, doc);
  return doc;
}

function run(target: Target, sql: string, doc: Doc, params: [string, string]): void {
  target.catalog.ensureTable(target.table);
  target.catalog.noteArrays(target.table, doc);
  try {
    target.engine.sql(sql).run(...params);
  } catch (error) {
    throw mapWriteError(error, target.database, target.table);
  }
}
