/**
 * Query execution for the embedded store: equality conditions go to SQL (served by an index when
 * one exists), then every candidate row is re-checked with mingo, so results follow MongoDB's
 * semantics; sort, skip and limit are applied by mingo too, except a page sorted on one numeric
 * field, which SQL sorts.
 */
import { find as mingoFind } from "mingo";
import { decode } from "./codec.ts";
import type { Catalog } from "./catalog.ts";
import type { Engine } from "./engine.ts";
import { equalities } from "./filter.ts";
import { compileFilter } from "./matcher.ts";
import { isAtOrBelow } from "./paths.ts";
import type { Doc, Filter, FindOptions, Sort } from "./port.ts";
import { fieldExpr, ident, isExpressible } from "./sql.ts";

/** The SELECT for a filter: only conditions SQL evaluates exactly as MongoDB would narrow it. */
export function planSelect(table: string, filter: Filter, arrays: ReadonlySet<string>) {
  const where: string[] = [];
  const params: string[] = [];
  for (const { path, values } of equalities(filter)) {
    if (path === "_id") {
      if (!values.every((value) => typeof value === "string")) continue;
      where.push(`_id IN (${values.map(() => "?").join(", ")})`);
      params.push(...values);
    } else if (![...arrays].some((array) => isAtOrBelow(path, array)) && isExpressible(path)) {
      // Values are compared as JSON text, the form `fieldExpr` yields, so types stay apart.
      where.push(`${fieldExpr(path)} IN (${values.map(() => "?").join(", ")})`);
      params.push(...values.map((value) => JSON.stringify(value)));
    }
  }
  const clause = where.length > 0 ? ` WHERE ${where.join(" AND ")}` : "";
  return { sql: `SELECT doc FROM ${ident(table)}${clause}`, params, where };
}

/** Yields the documents of `table` matching `filter`, in storage order. */
export function* scan<T extends Doc>(
  engine: Engine,
  catalog: Catalog,
  table: string,
  filter: Filter,
): Generator<T> {
  catalog.ensureTable(table);
  const { sql, params } = planSelect(table, filter, catalog.arrayPaths(table));
  const query = compileFilter(filter);
  for (const row of engine.sql(sql).iterate(...params)) {
    const doc = decode<T>(row.doc as string);
    if (query.test(doc)) yield doc;
  }
}

/** How many documents of `table` match `filter`. */
export function countDocs(engine: Engine, catalog: Catalog, table: string, filter: Filter): number {
  const matches = scan(engine, catalog, table, filter);
  let count = 0;
  while (!matches.next().done) count += 1;
  return count;
}

/** Matching documents with MongoDB's sort, skip and limit. */
export function findDocs<T extends Doc>(
  engine: Engine,
  catalog: Catalog,
  table: string,
  filter: Filter,
  options: FindOptions = {},
): T[] {
  const { sort, skip = 0, limit = 0 } = options;
  const sorted =
    sort && limit > 0 ? sortedInSql<T>(engine, catalog, table, filter, sort) : undefined;
  if (sorted) return take(sorted, skip, limit);
  if (sort && Object.keys(sort).length > 0) {
    let cursor = mingoFind<T>([...scan<T>(engine, catalog, table, filter)], {}).sort(sort);
    if (skip > 0) cursor = cursor.skip(skip);
    if (limit > 0) cursor = cursor.limit(limit);
    return cursor.all();
  }
  return take(scan<T>(engine, catalog, table, filter), skip, limit);
}

function take<T>(docs: Iterable<T>, skip: number, limit: number): T[] {
  const found: T[] = [];
  let skipped = 0;
  for (const doc of docs) {
    if (skipped < skip) skipped += 1;
    else found.push(doc);
    if (limit > 0 && found.length >= limit) break;
  }
  return found;
}

const NUMBER_TYPES = "('integer', 'real')";

/**
 * The matches in sort order, read lazily in that order from SQL, for a sort on one field that
 * holds a number in every candidate row (SQLite orders numbers as MongoDB does; other types, or a
 * missing field, it would not): the first page then costs a page, not every match.
 * `undefined` when SQL cannot sort it that way.
 */
function sortedInSql<T extends Doc>(
  engine: Engine,
  catalog: Catalog,
  table: string,
  filter: Filter,
  sort: Sort,
): Generator<T> | undefined {
  const keys = Object.entries(sort);
  const [path, direction] = keys[0] ?? [];
  if (keys.length !== 1 || path === undefined || path === "_id" || !isExpressible(path))
    return undefined;
  catalog.ensureTable(table);
  const arrays = catalog.arrayPaths(table);
  if ([...arrays].some((array) => isAtOrBelow(path, array) || isAtOrBelow(array, path)))
    return undefined;
  const { sql, params, where } = planSelect(table, filter, arrays);
  const jsonPath = `'$.${path
    .split(".")
    .map((segment) => `"${segment}"`)
    .join(".")
    .replaceAll("'", "''")}'`;
  const typed = `coalesce(json_type(doc, ${jsonPath}), 'missing')`;
  const other = [...where, `${typed} NOT IN ${NUMBER_TYPES}`].join(" AND ");
  if (engine.sql(`SELECT 1 FROM ${ident(table)} WHERE ${other} LIMIT 1`).get(...params))
    return undefined;
  const order = `(doc ->> ${jsonPath}) ${direction === -1 ? "DESC" : "ASC"}, rowid`;
  return matching<T>(engine.sql(`${sql} ORDER BY ${order}`).iterate(...params), filter);
}

function* matching<T extends Doc>(
  rows: Iterable<Record<string, unknown>>,
  filter: Filter,
): Generator<T> {
  const query = compileFilter(filter);
  for (const row of rows) {
    const doc = decode<T>(row.doc as string);
    if (query.test(doc)) yield doc;
  }
}
