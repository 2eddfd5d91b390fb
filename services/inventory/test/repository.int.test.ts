// The repository's queries and guarded writes, against the embedded store.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestStore, type TestStore } from "@waybill/devtools";
import type { Session } from "@waybill/store";
import { inventoryCollections, type InventoryCollections } from "../src/store/collections.ts";
import type { MovementRecord, StockExceptionRecord } from "../src/store/records.ts";
import {
  inventoryRepository,
  prepareInventoryStore,
  type InventoryRepository,
} from "../src/store/repository.ts";
import { stockException } from "../src/usecases/exceptions.ts";

let opened: TestStore;
let repo: InventoryRepository;
let db: InventoryCollections;

beforeEach(async () => {
  opened = await openTestStore("inventory");
  await prepareInventoryStore(opened.store);
  repo = inventoryRepository(opened.store);
  db = inventoryCollections(opened.store);
});

afterEach(async () => {
  await opened.close();
});

const minute = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n));
const inTransaction = <R>(fn: (session: Session) => Promise<R>) => opened.store.withTransaction(fn);

function exception(id: string, openedAt: Date, status: StockExceptionRecord["status"]) {
  const fields = { kind: "COUNT_VARIANCE" as const, sku: "MUG-1", warehouse: "AMS1" };
  const figures = { expected: 40, counted: 20, variance: -20, reason: "count", reference: null };
  return { ...stockException({ ...fields, ...figures }), _id: id, openedAt, status };
}

function movement(sku: string, version: number, index: number): MovementRecord {
  return {
    _id: `mov_${sku}_${version}_${index}`,
    sku,
    version,
    index,
    kind: "RECEIPT",
    warehouse: "AMS1",
    quantity: 1,
    onHandAfter: version,
    reservedAfter: 0,
    reference: null,
    note: null,
    occurredAt: minute(version),
  };
}

describe("stock exceptions", () => {
  beforeEach(async () => {
    await db.exceptions.insertMany([
      exception("sex_c", minute(3), "OPEN"),
      exception("sex_a", minute(1), "OPEN"),
      exception("sex_b", minute(2), "REJECTED"),
      exception("sex_d", minute(1), "OPEN"),
    ]);
  });

  it("lists oldest first, of one status or all, up to the page size", async () => {
    const ids = (records: StockExceptionRecord[]) => records.map((record) => record._id);
    const page = (first: number) => ({ first, after: null });
    expect(ids(await repo.stockExceptionsPage(null, page(10)))).toEqual([
      "sex_a",
      "sex_d",
      "sex_b",
      "sex_c",
    ]);
    // One more than the page size tells that more follow.
    expect(ids(await repo.stockExceptionsPage("OPEN", page(1)))).toEqual(["sex_a", "sex_d"]);
    expect(ids(await repo.stockExceptionsPage("ACCEPTED", page(10)))).toEqual([]);
  });

  it("closes an open exception once; a closed one stays as it was", async () => {
    const resolution = { status: "ACCEPTED" as const, resolvedAt: minute(9), comment: "ok" };
    const closed = await inTransaction((session) =>
      repo.closeStockException("sex_a", resolution, session),
    );
    const again = await inTransaction((session) =>
      repo.closeStockException("sex_a", { ...resolution, status: "REJECTED" }, session),
    );
    const rejected = await inTransaction((session) =>
      repo.closeStockException("sex_b", resolution, session),
    );
    expect([closed, again, rejected]).toEqual([true, false, false]);
    expect(await db.exceptions.findOne({ _id: "sex_a" })).toMatchObject(resolution);
    expect(await db.exceptions.findOne({ _id: "sex_b" })).toMatchObject({
      status: "REJECTED",
      resolvedAt: null,
    });
  });
});

describe("movements and reservations", () => {
  it("gives a SKU's latest movements, newest first, up to the page size", async () => {
    await db.movements.insertMany([
      movement("MUG-1", 1, 0),
      movement("MUG-1", 2, 0),
      movement("MUG-1", 2, 1),
      movement("CUP-1", 3, 0),
    ]);
    const latest = await repo.movementsPage("MUG-1", { first: 1, after: null });
    expect(latest.map(({ version, index }) => [version, index])).toEqual([
      [2, 1],
      [2, 0],
    ]);
    const [, second] = latest;
    const older = await repo.movementsPage("MUG-1", {
      first: 5,
      after: [second?.version, second?.index, second?._id],
    });
    expect(older.map(({ version, index }) => [version, index])).toEqual([[1, 0]]);
    expect(await repo.movementsPage("NOPE", { first: 5, after: null })).toEqual([]);
  });

  it("gives the open reservations of one order only", async () => {
    const claim = (orderId: string, lineId: string, status: "OPEN" | "CANCELLED") => ({
      _id: `${orderId}:${lineId}`,
      orderId,
      lineId,
      lineIndex: 0,
      sku: "MUG-1",
      quantity: 1,
      placedAt: minute(0),
      allocations: [],
      backordered: 1,
      shipped: 0,
      status,
      updatedAt: minute(0),
    });
    await db.reservations.insertMany([
      claim("o1", "1", "OPEN"),
      claim("o1", "2", "CANCELLED"),
      claim("o2", "1", "OPEN"),
    ]);
    const open = await inTransaction((session) => repo.openReservationsOf("o1", session));
    expect(open.map((record) => record._id)).toEqual(["o1:1"]);
  });
});
