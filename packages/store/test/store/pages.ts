/** Contract: keyset pages, stable while rows are added, and pages of many parents in one query. */
import { expect, it } from "vitest";
import { findPage, pagesOfMany, type PageQuery } from "../../src/index.ts";
import type { Collection } from "../../src/port.ts";
import { freshStore, type Adapter } from "./harness.ts";

type Row = { _id: string; parent: string; at: Date; n: number };

const NEWEST_FIRST = [
  { field: "at", direction: -1 },
  { field: "_id", direction: -1 },
] as const;
const OLDEST_FIRST = [
  { field: "at", direction: 1 },
  { field: "_id", direction: 1 },
] as const;

const row = (id: string, second: number, parent = "p1"): Row => ({
  _id: id,
  parent,
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, second)),
  n: second,
});
const keyOf = (r: Row) => [r.at, r._id];

/** Every page of `filter`, `first` at a time; `between` runs after each page. */
async function walk(
  rows: Collection<Row>,
  filter: Record<string, unknown>,
  order: typeof NEWEST_FIRST | typeof OLDEST_FIRST,
  first: number,
  between: (pages: number) => Promise<void> = async () => {},
): Promise<string[]> {
  const seen: string[] = [];
  let page: PageQuery = { first, after: null };
  for (let pages = 1; ; pages++) {
    const found = await findPage(rows, filter, order, page);
    const kept = found.slice(0, first);
    seen.push(...kept.map((r) => r._id));
    const last = kept.at(-1);
    if (found.length <= first || !last) return seen;
    await between(pages);
    page = { first, after: keyOf(last) };
  }
}

export function pageContract(adapter: Adapter): void {
  it("walks every row once, in order, ties broken by id, whatever the page size", async () => {
    const { store } = await freshStore(adapter);
    const rows = store.collection<Row>("rows");
    // Three rows share an instant: only the id orders them.
    await rows.insertMany([row("a", 1), row("c", 2), row("b", 2), row("d", 2), row("e", 3)]);
    for (const first of [1, 2, 3, 10]) {
      expect(await walk(rows, {}, NEWEST_FIRST, first)).toEqual(["e", "d", "c", "b", "a"]);
      expect(await walk(rows, {}, OLDEST_FIRST, first)).toEqual(["a", "b", "c", "d", "e"]);
    }
  });

  it("stays stable while rows are added between pages: none twice, none of the old ones missed", async () => {
    const { store } = await freshStore(adapter);
    const rows = store.collection<Row>("rows");
    await rows.insertMany(Array.from({ length: 10 }, (_, i) => row(`r${i + 10}`, i + 10)));
    // Newest first: rows added at the head come before the cursor, and are not on later pages.
    const newest = await walk(rows, {}, NEWEST_FIRST, 3, (pages) =>
      rows.insertOne(row(`new${pages}`, 50 + pages)),
    );
    expect(newest).toEqual(Array.from({ length: 10 }, (_, i) => `r${19 - i}`));
    // Oldest first: rows added at the tail come after the cursor, and are read too.
    const oldest = await walk(rows, { parent: "p1" }, OLDEST_FIRST, 4, (pages) =>
      rows.insertOne(row(`tail${pages}`, 100 + pages)),
    );
    expect(oldest.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => `r${i + 10}`));
    expect(oldest.slice(10, 13)).toEqual(["new1", "new2", "new3"]);
    expect(new Set(oldest).size).toBe(oldest.length);
    expect(oldest.filter((id) => id.startsWith("tail")).length).toBeGreaterThan(0);
  });

  it("narrows a filter with its own $or", async () => {
    const { store } = await freshStore(adapter);
    const rows = store.collection<Row>("rows");
    await rows.insertMany([row("a", 1), row("b", 2, "p2"), row("c", 3), row("d", 4, "p3")]);
    const filter = { $or: [{ parent: "p1" }, { parent: "p3" }] };
    expect(await walk(rows, filter, OLDEST_FIRST, 1)).toEqual(["a", "c", "d"]);
  });

  it("reads a page of each of many parents in one query, one parent's alone with a limit", async () => {
    const { store } = await freshStore(adapter);
    const rows = store.collection<Row>("rows");
    await rows.insertMany([
      row("a1", 1, "a"),
      row("a2", 2, "a"),
      row("a3", 3, "a"),
      row("b1", 4, "b"),
    ]);
    const loader = pagesOfMany(rows, "parent", OLDEST_FIRST);
    const page = { first: 2, after: null };
    const before = store.metrics.operations;
    const [a, b, c] = await Promise.all(
      ["a", "b", "c"].map((parent) => loader.load({ parent, page })),
    );
    expect(store.metrics.operations - before).toBe(1);
    expect(a?.map((r) => r._id)).toEqual(["a1", "a2", "a3"]);
    expect(b?.map((r) => r._id)).toEqual(["b1"]);
    expect(c).toEqual([]);
    const next = await pagesOfMany(rows, "parent", OLDEST_FIRST).load({
      parent: "a",
      page: { first: 2, after: [row("a1", 1).at, "a1"] },
    });
    expect(next.map((r) => r._id)).toEqual(["a2", "a3"]);
  });
}
