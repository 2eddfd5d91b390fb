import { describe, expect, it } from "vitest";
import { errorCode } from "../src/errors.ts";
import {
  PAGE_SIZE,
  connectionOf,
  pageOf,
  pageOfArray,
  type Connection,
  type ListOrder,
} from "../src/pages.ts";

const NEWEST_FIRST = [
  { field: "at", direction: -1, kind: "date" },
  { field: "_id", direction: -1, kind: "string" },
] as const satisfies ListOrder;

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return { code: errorCode(error), message: (error as Error).message };
  }
  return undefined;
};

describe("page arguments", () => {
  it("default to a page of the default size from the start", () => {
    expect(pageOf({}, NEWEST_FIRST)).toEqual({ first: PAGE_SIZE.default, after: null });
    expect(pageOf({ first: null, after: null }, NEWEST_FIRST).first).toBe(PAGE_SIZE.default);
  });

  it("refuse a first outside 1 to the maximum, naming the argument", () => {
    for (const first of [0, -1, PAGE_SIZE.max + 1, 2 ** 31 - 1]) {
      expect(refusal(() => pageOf({ first }, NEWEST_FIRST))).toEqual({
        code: "BAD_USER_INPUT",
        message: `first must be between 1 and ${PAGE_SIZE.max}, got ${first}`,
      });
    }
    expect(pageOf({ first: PAGE_SIZE.max }, NEWEST_FIRST).first).toBe(PAGE_SIZE.max);
  });

  it("refuse an after that is not a cursor of the list, naming the argument", () => {
    const other = Buffer.from(JSON.stringify(["x", 1])).toString("base64url");
    const short = Buffer.from(JSON.stringify([1])).toString("base64url");
    for (const after of ["", "garbage!", "bm90IGpzb24", other, short, "W251bGwsbnVsbF0"]) {
      expect(refusal(() => pageOf({ after }, NEWEST_FIRST))).toEqual({
        code: "BAD_USER_INPUT",
        message: "after is not a cursor of this list",
      });
    }
  });
});

describe("connections", () => {
  const rows = [3, 2, 1].map((n) => ({ _id: `r${n}`, at: new Date(n * 1000) }));

  it("give each edge an opaque cursor of its sort key, which reads back as that key", () => {
    const page = pageOf({ first: 2 }, NEWEST_FIRST);
    const connection = connectionOf(rows, page, NEWEST_FIRST);
    expect(connection.edges.map((edge) => edge.node._id)).toEqual(["r3", "r2"]);
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      endCursor: connection.edges[1]?.cursor,
    });
    expect(connection.edges[0]?.cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const next = pageOf({ first: 2, after: connection.pageInfo.endCursor }, NEWEST_FIRST);
    expect(next.after).toEqual([new Date(2000), "r2"]);
  });

  it("end a list without a next page, and an empty one without a cursor", () => {
    const page = pageOf({ first: 3 }, NEWEST_FIRST);
    expect(connectionOf(rows, page, NEWEST_FIRST).pageInfo.hasNextPage).toBe(false);
    expect(connectionOf([], page, NEWEST_FIRST).pageInfo).toEqual({
      hasNextPage: false,
      endCursor: null,
    });
  });
});

describe("pages of a list held in memory", () => {
  const BY_TIME = [
    { field: "at", direction: 1, kind: "date" },
    { field: "position", direction: 1, kind: "number" },
  ] as const satisfies ListOrder;
  const key = (entry: { at: Date }, position: number) => [entry.at, position];

  it("walks every entry once, in time order, those of one instant in arrival order", () => {
    const entries = [5, 1, 3, 3, 2].map((t, i) => ({ at: new Date(t), name: `e${i}` }));
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const connection: Connection<(typeof entries)[number]> & { totalCount: number } = pageOfArray(
        entries,
        pageOf({ first: 2, after }, BY_TIME),
        BY_TIME,
        key,
      );
      expect(connection.totalCount).toBe(5);
      seen.push(...connection.edges.map((edge) => edge.node.name));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(["e1", "e4", "e2", "e3", "e0"]);
  });

  it("goes on after its cursor when entries were appended meanwhile", () => {
    const entries = [1, 2, 3].map((t) => ({ at: new Date(t), name: `e${t}` }));
    const first = pageOfArray(entries, pageOf({ first: 2 }, BY_TIME), BY_TIME, key);
    entries.push({ at: new Date(4), name: "e4" });
    const rest = pageOfArray(
      entries,
      pageOf({ first: 5, after: first.pageInfo.endCursor }, BY_TIME),
      BY_TIME,
      key,
    );
    expect(rest.edges.map((edge) => edge.node.name)).toEqual(["e3", "e4"]);
  });
});
