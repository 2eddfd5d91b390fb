// The repository's reads and upserts, against the embedded store.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestStore, type TestStore } from "@waybill/devtools";
import type { Session } from "@waybill/store";
import type { ReturnRecord } from "../src/store/records.ts";
import {
  prepareReturnsStore,
  returnsRepository,
  type ReturnsRepository,
} from "../src/store/repository.ts";

let opened: TestStore;
let repo: ReturnsRepository;

beforeEach(async () => {
  opened = await openTestStore("returns");
  await prepareReturnsStore(opened.store);
  repo = returnsRepository(opened.store);
});

afterEach(async () => {
  await opened.close();
});

const inTransaction = <R>(fn: (session: Session) => Promise<R>) => opened.store.withTransaction(fn);

describe("shipped quantities", () => {
  it("are created by the first recording and replaced by the next", async () => {
    expect(await repo.shippedOf("ord_1")).toBeNull();
    const first = {
      _id: "ord_1",
      customerId: "cus_1",
      lines: [{ lineId: "l1", sku: "A", shipped: 1 }],
    };
    await inTransaction((session) => repo.recordShipped(first, session));
    const lines = [...first.lines, { lineId: "l2", sku: "B", shipped: 2 }];
    await inTransaction((session) => repo.recordShipped({ ...first, lines }, session));
    expect(await repo.shippedOf("ord_1")).toEqual({ ...first, lines });
  });
});

describe("returns", () => {
  it("are found by order", async () => {
    const rma = (id: string, orderId: string): ReturnRecord => ({
      _id: id,
      orderId,
      customerId: "cus_1",
      status: "REQUESTED",
      reason: "broken",
      lines: [{ lineId: "l1", sku: "A", quantity: 1 }],
      requestedAt: new Date(),
    });
    await inTransaction(async (session) => {
      await repo.addReturn(rma("rma_1", "ord_1"), session);
      await repo.addReturn(rma("rma_2", "ord_2"), session);
      await repo.addReturn(rma("rma_3", "ord_1"), session);
    });
    const ofOrder = await inTransaction((session) => repo.returnsOfOrder("ord_1", session));
    expect(ofOrder.map((record) => record._id).sort()).toEqual(["rma_1", "rma_3"]);
  });
});
