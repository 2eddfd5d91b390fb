/**
 * Query execution for the embedded store: equality conditions go to SQL (served by an index when
 * one exists), then every candidate row is re-checked with mingo, so results follow MongoDB's
 * semantics; sort, skip and limit are applied by mingo too.
 */
import { Query, find as mingoFind } from "mingo";
import { decode } from "./codec.ts";
import type { Catalog } from "./catalog.ts";
import type { Engine } from "./engine.ts";
import { equalities } from "./filter.ts";
import { isAtOrBelow } from "./paths.ts";
import type { Doc, Filter, FindOptions } from "./port.ts";
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
  return { sql: `SELECT doc FROM ${ident(table)}${clause}`, params };
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
  const query = new Query(filter);
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
  if (sort && Object.keys(sort).length > 0) {
    let cursor = mingoFind<T>([...scan<T>(engine, catalog, table, filter)], {}).sort(sort);
    if (skip > 0) cursor = cursor.skip(skip);
    if (limit > 0) cursor = cursor.limit(limit);
    return cursor.all();
  }
  const found: T[] = [];
  let skipped = 0;
  for (const doc of scan<T>(engine, catalog, table, filter)) {
    if (skipped < skip) skipped += 1;
    else found.push(doc);
    if (limit > 0 && found.length >= limit) break;
  }
  return found;
}
