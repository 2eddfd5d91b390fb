// A return's lifecycle through the use cases and consumers, over the embedded store.
import { isRetryLater } from "@waybill/bus";
import type { EventData } from "@waybill/contracts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Receipt } from "../src/domain/receipt.ts";
import type { ReturnRecord } from "../src/store/records.ts";
import { cancelReturn } from "../src/usecases/cancel-return.ts";
import { closeReturn } from "../src/usecases/close-return.ts";
import { receiveReturn } from "../src/usecases/receive-return.ts";
import { requestReturn } from "../src/usecases/request-return.ts";
import { recordShipment, recordVoid } from "../src/usecases/shipped.ts";
import { confirmed, returnsHarness, type ReturnsHarness } from "./harness.ts";

let h: ReturnsHarness;

beforeEach(async () => {
  h = await returnsHarness();
  await h.deliver(
    recordShipment,
    "shipments.shipment.confirmed",
    confirmed("shp1", [
      ["l1", "MUG-1", 3],
      ["l2", "TEE-M", 2],
    ]),
  );
});

afterEach(async () => {
  await h.close();
});

/** Requests a return of order o1; fails the test when refused. */
async function requested(lines: { lineId: string; quantity: number }[]): Promise<ReturnRecord> {
  const outcome = await requestReturn(h.ctx, { orderId: "o1", reason: "damaged", lines });
  if (outcome.kind !== "requested") throw new Error(JSON.stringify(outcome));
  return outcome.record;
}

const receipt = (lines: [string, number, "RESTOCK" | "SCRAP" | "VENDOR_RETURN"][]): Receipt => ({
  warehouse: "AMS1",
  lines: lines.map(([lineId, received, disposition]) => ({ lineId, received, disposition })),
});

const statusOf = async (id: string) => (await h.repo.findReturn(id))?.status;

const settled = (returnId: string): EventData<"billing.return.settled"> => ({
  returnId,
  orderId: "o1",
  customerId: "cus_1",
  creditNoteIds: ["cn_1"],
  credited: [{ lineId: "l1", quantity: 1 }],
  uninvoiced: [],
  settledAt: "2026-03-01T10:00:00.000Z",
});

describe("requesting", () => {
  it("emits returns.return.requested with the return", async () => {
    const record = await requested([{ lineId: "l1", quantity: 2 }]);
    expect(await h.emitted("returns.return.requested")).toEqual([
      {
        returnId: record._id,
        orderId: "o1",
        customerId: "cus_1",
        reason: "damaged",
        lines: [{ lineId: "l1", sku: "MUG-1", quantity: 2 }],
        requestedAt: record.requestedAt.toISOString(),
      },
    ]);
  });

  it("counts requested and received quantities against what shipped, cancelled ones not", async () => {
    const first = await requested([{ lineId: "l1", quantity: 2 }]);
    expect(
      await requestReturn(h.ctx, {
        orderId: "o1",
        reason: "more",
        lines: [{ lineId: "l1", quantity: 2 }],
      }),
    ).toMatchObject({ kind: "exceeds", shipped: 3, alreadyReturned: 2 });
    // One of the two arrived: one more may be returned.
    await receiveReturn(h.ctx, first._id, receipt([["l1", 1, "RESTOCK"]]));
    const second = await requested([{ lineId: "l1", quantity: 2 }]);
    await cancelReturn(h.ctx, second, "changed my mind");
    await requested([{ lineId: "l1", quantity: 2 }]);
    expect(await h.emitted("returns.return.requested")).toHaveLength(3);
  });

  it("refuses a line given twice, writing nothing", async () => {
    const outcome = await requestReturn(h.ctx, {
      orderId: "o1",
      reason: "damaged",
      lines: [
        { lineId: "l1", quantity: 1 },
        { lineId: "l1", quantity: 1 },
      ],
    });
    expect(outcome).toMatchObject({ kind: "invalid", field: "lines.1.lineId" });
    expect(await h.emitted("returns.return.requested")).toEqual([]);
  });
});

describe("receiving", () => {
  it("moves the return to RECEIVED and emits returns.return.received once", async () => {
    const record = await requested([
      { lineId: "l1", quantity: 2 },
      { lineId: "l2", quantity: 1 },
    ]);
    const outcome = await receiveReturn(
      h.ctx,
      record._id,
      receipt([
        ["l2", 1, "SCRAP"],
        ["l1", 1, "RESTOCK"],
      ]),
    );
    expect(outcome).toMatchObject({
      kind: "received",
      record: {
        status: "RECEIVED",
        warehouse: "AMS1",
        lines: [
          { lineId: "l1", quantity: 2, received: 1, disposition: "RESTOCK" },
          { lineId: "l2", quantity: 1, received: 1, disposition: "SCRAP" },
        ],
      },
    });
    const [told, ...more] = await h.emitted("returns.return.received");
    expect(more).toEqual([]);
    expect(told).toMatchObject({
      returnId: record._id,
      warehouse: "AMS1",
      lines: [
        { lineId: "l1", sku: "MUG-1", requested: 2, received: 1, disposition: "RESTOCK" },
        { lineId: "l2", sku: "TEE-M", requested: 1, received: 1, disposition: "SCRAP" },
      ],
    });
  });

  it("answers the same receipt again as the return stands, and refuses another one", async () => {
    const record = await requested([{ lineId: "l1", quantity: 2 }]);
    const same = receipt([["l1", 2, "RESTOCK"]]);
    await receiveReturn(h.ctx, record._id, same);
    expect(await receiveReturn(h.ctx, record._id, same)).toMatchObject({
      kind: "received",
      record: { status: "RECEIVED" },
    });
    expect(await receiveReturn(h.ctx, record._id, receipt([["l1", 2, "SCRAP"]]))).toMatchObject({
      kind: "already_received",
    });
    expect(await h.emitted("returns.return.received")).toHaveLength(1);
  });

  it("emits one event for concurrent identical receipts", async () => {
    const record = await requested([{ lineId: "l1", quantity: 2 }]);
    const same = receipt([["l1", 2, "RESTOCK"]]);
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => receiveReturn(h.ctx, record._id, same)),
    );
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(Array(5).fill("received"));
    expect(await h.emitted("returns.return.received")).toHaveLength(1);
  });

  it("accepts more than requested while it fits within what shipped", async () => {
    const record = await requested([{ lineId: "l1", quantity: 1 }]);
    await requested([{ lineId: "l1", quantity: 1 }]);
    expect(await receiveReturn(h.ctx, record._id, receipt([["l1", 3, "RESTOCK"]]))).toMatchObject({
      kind: "exceeds",
      lineId: "l1",
      shipped: 3,
      alreadyReturned: 1,
      requested: 3,
    });
    expect(await receiveReturn(h.ctx, record._id, receipt([["l1", 2, "RESTOCK"]]))).toMatchObject({
      kind: "received",
      record: { lines: [{ quantity: 1, received: 2 }] },
    });
  });

  it.each([
    ["a blank warehouse", { ...receipt([["l1", 1, "RESTOCK"]]), warehouse: "  " }, "warehouse"],
    ["an unknown line", receipt([["l9", 1, "RESTOCK"]]), "lines.0.lineId"],
    [
      "a line given twice",
      receipt([
        ["l1", 1, "RESTOCK"],
        ["l1", 1, "SCRAP"],
      ]),
      "lines.1.lineId",
    ],
    ["a missing line", receipt([["l1", 1, "RESTOCK"]]), "lines"],
    ["a negative quantity", receipt([["l1", -1, "RESTOCK"]]), "lines.0.received"],
    ["a fractional quantity", receipt([["l1", 1.5, "RESTOCK"]]), "lines.0.received"],
  ] as const)("refuses %s and writes nothing", async (_, bad, field) => {
    const record = await requested([
      { lineId: "l1", quantity: 1 },
      { lineId: "l2", quantity: 1 },
    ]);
    const input =
      field === "lines"
        ? bad
        : { ...bad, lines: [...bad.lines, ...receipt([["l2", 1, "RESTOCK"]]).lines] };
    expect(await receiveReturn(h.ctx, record._id, input)).toMatchObject({
      kind: "invalid",
      field,
    });
    expect(await statusOf(record._id)).toBe("REQUESTED");
    expect(await h.emitted("returns.return.received")).toEqual([]);
  });

  it("refuses an unknown return and a cancelled one", async () => {
    expect(await receiveReturn(h.ctx, "rma_missing", receipt([]))).toEqual({
      kind: "not_found",
      returnId: "rma_missing",
    });
    const record = await requested([{ lineId: "l1", quantity: 1 }]);
    await cancelReturn(h.ctx, record, "not needed");
    expect(await receiveReturn(h.ctx, record._id, receipt([["l1", 1, "RESTOCK"]]))).toMatchObject({
      kind: "transition",
      to: "RECEIVED",
      record: { status: "CANCELLED" },
    });
  });
});

describe("cancelling", () => {
  it("cancels a requested return once and tells of it", async () => {
    const record = await requested([{ lineId: "l1", quantity: 1 }]);
    expect(await cancelReturn(h.ctx, record, " not needed ")).toMatchObject({
      kind: "cancelled",
      record: { status: "CANCELLED", cancellationReason: "not needed" },
    });
    expect(await cancelReturn(h.ctx, record, "not needed")).toMatchObject({ kind: "cancelled" });
    expect(await cancelReturn(h.ctx, record, "another reason")).toMatchObject({
      kind: "transition",
      to: "CANCELLED",
    });
    expect(await h.emitted("returns.return.cancelled")).toMatchObject([
      { returnId: record._id, reason: "not needed" },
    ]);
  });

  it("refuses a received return and a blank reason", async () => {
    const record = await requested([{ lineId: "l1", quantity: 1 }]);
    expect(await cancelReturn(h.ctx, record, " ")).toMatchObject({
      kind: "invalid",
      field: "reason",
    });
    await receiveReturn(h.ctx, record._id, receipt([["l1", 1, "RESTOCK"]]));
    expect(await cancelReturn(h.ctx, record, "too late")).toMatchObject({
      kind: "transition",
      record: { status: "RECEIVED" },
    });
    expect(await h.emitted("returns.return.cancelled")).toEqual([]);
  });
});

describe("closing on billing.return.settled", () => {
  it("closes a received return with its credit notes, once", async () => {
    const record = await requested([{ lineId: "l1", quantity: 1 }]);
    await receiveReturn(h.ctx, record._id, receipt([["l1", 1, "RESTOCK"]]));
    await h.deliver(closeReturn, "billing.return.settled", settled(record._id));
    await h.deliver(closeReturn, "billing.return.settled", settled(record._id));
    expect(await h.repo.findReturn(record._id)).toMatchObject({
      status: "CLOSED",
      creditNoteIds: ["cn_1"],
      closedAt: new Date("2026-03-01T10:00:00.000Z"),
    });
    expect(await h.emitted("returns.return.closed")).toEqual([
      {
        returnId: record._id,
        orderId: "o1",
        customerId: "cus_1",
        creditNoteIds: ["cn_1"],
        closedAt: "2026-03-01T10:00:00.000Z",
      },
    ]);
  });

  it("waits (retriably) for a return it does not know or that is not received yet", async () => {
    const unknown: unknown = await h
      .deliver(closeReturn, "billing.return.settled", settled("rma_missing"))
      .catch((caught: unknown) => caught);
    expect(isRetryLater(unknown)).toBe(true);
    const record = await requested([{ lineId: "l1", quantity: 1 }]);
    const early: unknown = await h
      .deliver(closeReturn, "billing.return.settled", settled(record._id))
      .catch((caught: unknown) => caught);
    expect(isRetryLater(early)).toBe(true);
    expect(await statusOf(record._id)).toBe("REQUESTED");
  });
});

describe("voided shipments", () => {
  const voided = (
    shipmentId: string,
    quantity: number,
  ): EventData<"shipments.shipment.voided"> => ({
    shipmentId,
    orderId: "o1",
    customerId: "cus_1",
    warehouse: "AMS1",
    lines: [{ lineId: "l1", sku: "MUG-1", quantity }],
    reason: "label cancelled",
    voidedAt: new Date().toISOString(),
  });

  it("no longer count as shipped, once per shipment", async () => {
    await h.deliver(recordVoid, "shipments.shipment.voided", voided("shp1", 3));
    await h.deliver(recordVoid, "shipments.shipment.voided", voided("shp1", 3));
    expect((await h.repo.shippedOf("o1"))?.lines).toEqual([
      { lineId: "l1", sku: "MUG-1", shipped: 0 },
      { lineId: "l2", sku: "TEE-M", shipped: 2 },
    ]);
    expect(
      await requestReturn(h.ctx, {
        orderId: "o1",
        reason: "damaged",
        lines: [{ lineId: "l1", quantity: 1 }],
      }),
    ).toMatchObject({ kind: "invalid", field: "lines.0.lineId" });
  });

  it("wait (retriably) for the confirmation they void", async () => {
    const error: unknown = await h
      .deliver(recordVoid, "shipments.shipment.voided", voided("shp2", 4))
      .catch((caught: unknown) => caught);
    expect(isRetryLater(error)).toBe(true);
  });
});
