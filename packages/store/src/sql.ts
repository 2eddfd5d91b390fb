/** SQL text for the embedded store: identifiers, JSON path expressions, indexes and error mapping. */
import { DuplicateKeyError, type IndexSpec } from "./port.ts";

/** Quotes an SQL identifier. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * The one expression for a document field, used by indexes and queries alike: SQLite uses an
 * expression index only when the query repeats its text exactly. `->` keeps JSON types apart
 * (`true` is not `1`, `"1"` is not `1`), so values are bound as their JSON text.
 */
export function fieldExpr(path: string): string {
  if (!isExpressible(path)) throw new Error(`Unsupported field path '${path}' for an index`);
  const segments = path.split(".").map((segment) => `"${segment}"`);
  return `(doc -> '$.${segments.join(".").replaceAll("'", "''")}')`;
}

/** True when `fieldExpr` can express `path` (no empty segments, no double quotes). */
export function isExpressible(path: string): boolean {
  return path.split(".").every((segment) => segment !== "" && !segment.includes('"'));
}

/** MongoDB's default index name (`field_1_other_-1`). */
export function defaultIndexName(keys: IndexSpec["keys"]): string {
  return Object.entries(keys)
    .map(([path, direction]) => `${path}_${direction}`)
    .join("_");
}

/** The SQLite name of an index: index names are per database there, per collection in MongoDB. */
export function sqliteIndexName(table: string, index: string): string {
  return `${table}.${index}`;
}

/** The CREATE INDEX statement, exactly as SQLite stores it in `sqlite_master.sql`. */
export function createIndexSql(table: string, spec: IndexSpec): string {
  const keys = Object.entries(spec.keys);
  if (keys.length === 0) throw new Error(`Index on ${table} needs at least one key`);
  const columns = keys.map(([path, direction]) => {
    if (path === "_id") return direction === -1 ? "_id DESC" : "_id";
    return direction === -1 ? `${fieldExpr(path)} DESC` : fieldExpr(path);
  });
  const name = sqliteIndexName(table, spec.name ?? defaultIndexName(spec.keys));
  const unique = spec.unique ? "UNIQUE " : "";
  return `CREATE ${unique}INDEX ${ident(name)} ON ${ident(table)}(${columns.join(", ")})`;
}

interface SqliteError {
  errcode: number;
  message: string;
}

function isSqliteError(error: unknown): error is SqliteError {
  return error instanceof Error && typeof (error as Partial<SqliteError>).errcode === "number";
}

const CONSTRAINT_UNIQUE = 2067;
const CONSTRAINT_PRIMARYKEY = 1555;

/** Turns SQLite's unique/primary-key violations into `DuplicateKeyError`; other errors pass through. */
export function mapWriteError(error: unknown, database: string, table: string): unknown {
  if (!isSqliteError(error)) return error;
  const collection = `${database}.${table}`;
  if (error.errcode === CONSTRAINT_PRIMARYKEY)
    return new DuplicateKeyError(collection, "_id_", error);
  if (error.errcode !== CONSTRAINT_UNIQUE) return error;
  const named = /index '([^']+)'/.exec(error.message)?.[1];
  const index = named?.startsWith(`${table}.`)
    ? named.slice(table.length + 1)
    : (named ?? "unknown");
  return new DuplicateKeyError(collection, index, error);
}
