/**
 * Cursor pagination for every list of the API: Relay-style connections read with `first` and
 * `after`. A cursor is the base64url of the row's sort key and id, so a page starts right after
 * the row the client saw last, however many rows were added since (keyset, never an offset).
 */
import { codedError } from "./errors.ts";

/** Page sizes of every list: `first` when it is omitted, and the most it may be. */
export const PAGE_SIZE = { default: 50, max: 200 } as const;

/** How a sort key's value is written in a cursor. */
export type CursorKind = "string" | "number" | "date";

export type CursorValue = string | number | Date;

/**
 * The order a list is read in: its sort fields, the last one unique (the id), so that every row
 * has exactly one place and a cursor names one position.
 */
export type ListOrder = readonly {
  readonly field: string;
  readonly direction: 1 | -1;
  readonly kind: CursorKind;
}[];

/** A list field's page arguments as the schema has them. */
export type PageArgs = { first?: number | null; after?: string | null };

/** A checked page request: how many rows, and the sort key of the row to start after. */
export type Page = { first: number; after: readonly CursorValue[] | null };

export type Edge<T> = { cursor: string; node: T };

export type Connection<T> = {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

const badArgument = (argument: "first" | "after", message: string) =>
  codedError("BAD_USER_INPUT", message, { argument });

/** Checks `first` and decodes `after` for a list read in `order`; BAD_USER_INPUT names the argument. */
export function pageOf(args: PageArgs, order: ListOrder): Page {
  const first = args.first ?? PAGE_SIZE.default;
  if (!Number.isInteger(first) || first < 1 || first > PAGE_SIZE.max)
    throw badArgument("first", `first must be between 1 and ${PAGE_SIZE.max}, got ${first}`);
  const after = args.after == null ? null : decodeCursor(args.after, order);
  return { first, after };
}

/** The opaque cursor of a row's sort key. */
export function encodeCursor(order: ListOrder, key: readonly CursorValue[]): string {
  const written = order.map(({ kind }, index) => {
    const value = key[index];
    return kind === "date" && value instanceof Date ? value.getTime() : value;
  });
  return Buffer.from(JSON.stringify(written)).toString("base64url");
}

/** The sort key a cursor of `order` names; BAD_USER_INPUT for anything else. */
export function decodeCursor(cursor: string, order: ListOrder): CursorValue[] {
  const malformed = () => badArgument("after", "after is not a cursor of this list");
  let written: unknown;
  try {
    written = /^[A-Za-z0-9_-]+$/.test(cursor)
      ? JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"))
      : undefined;
  } catch {
    throw malformed();
  }
  if (!Array.isArray(written) || written.length !== order.length) throw malformed();
  return order.map(({ kind }, index) => {
    const value: unknown = written[index];
    if (kind === "string" && typeof value === "string") return value;
    if (kind === "number" && typeof value === "number" && Number.isFinite(value)) return value;
    if (kind === "date" && Number.isSafeInteger(value)) return new Date(value as number);
    throw malformed();
  });
}

/** A row's sort key in `order`, read from its fields. */
export function keyOf(order: ListOrder, row: object): CursorValue[] {
  return order.map(({ field }) => (row as Record<string, unknown>)[field] as CursorValue);
}

/**
 * The connection of the rows a store read for `page`: up to `page.first + 1` of them in order, the
 * extra one only telling that more follow.
 */
export function connectionOf<T extends object>(
  rows: readonly T[],
  page: Page,
  order: ListOrder,
  key: (row: T) => readonly CursorValue[] = (row) => keyOf(order, row),
): Connection<T> {
  const edges = rows
    .slice(0, page.first)
    .map((node) => ({ cursor: encodeCursor(order, key(node)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/** Compares two sort keys of `order`: negative when `a` comes first. */
export function compareKeys(
  order: ListOrder,
  a: readonly CursorValue[],
  b: readonly CursorValue[],
): number {
  for (const [index, { direction }] of order.entries()) {
    const x = a[index];
    const y = b[index];
    const left = x instanceof Date ? x.getTime() : x;
    const right = y instanceof Date ? y.getTime() : y;
    if (left === undefined || right === undefined || left === right) continue;
    return (left < right ? -1 : 1) * direction;
  }
  return 0;
}

/**
 * A page of a list its parent's document holds (a timeline, a shipment's milestones): sorted,
 * read after the cursor and cut as a store query would, with the whole list's length.
 */
export function pageOfArray<T extends object>(
  items: readonly T[],
  page: Page,
  order: ListOrder,
  key: (item: T, index: number) => readonly CursorValue[],
): Connection<T> & { totalCount: number } {
  const keyed = items.map((item, index) => ({ item, key: key(item, index) }));
  keyed.sort((a, b) => compareKeys(order, a.key, b.key));
  const after = page.after;
  const start = after ? keyed.findIndex((row) => compareKeys(order, row.key, after) > 0) : 0;
  const rows = start < 0 ? [] : keyed.slice(start, start + page.first + 1);
  const keys = new Map(rows.map((row) => [row.item, row.key]));
  const connection = connectionOf(
    rows.map((row) => row.item),
    page,
    order,
    (item) => keys.get(item) ?? [],
  );
  return { ...connection, totalCount: items.length };
}
