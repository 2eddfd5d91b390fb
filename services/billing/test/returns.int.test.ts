// Received returns through billing's consumer: credit notes against issued invoices, lowered
// drafts for goods never invoiced, shipping refunds per rule, one settlement per return.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isRetryLater } from "@waybill/bus";
import { taxOn } from "@waybill/contracts";
import { billingHarness, type BillingHarness } from "./harness.ts";
import { confirmed, delivered, lineOf, placed, received } from "./fixtures.ts";

let billing: BillingHarness;

beforeEach(async () => {
  billing = await billingHarness();
});

afterEach(() => billing.close());

const year = new Date().getUTCFullYear();
const units = (lines: { lineId: string; quantity: number }[]) =>
  lines.map(({ lineId, quantity }) => [lineId, quantity]);

describe("a received return", () => {
  it("of a whole invoice credits exactly its total, shipping included under ON_FULL_RETURN", async () => {
    await billing.deliver(
      "orders.order.placed",
      placed(
        "o1",
        [
          [3, 1999, 200_000],
          [1, 1250, 70_000],
        ],
        { shippingRefund: "ON_FULL_RETURN" },
      ),
    );
    await billing.deliver("shipments.shipment.confirmed", confirmed("o1", "s1", { 1: 3, 2: 1 }));
    const invoice = await billing.invoiceOf("s1");
    expect(invoice.number).toBe(`INV-${year}-000001`);

    await billing.deliver("returns.return.received", received("o1", "r1", { 1: 3, 2: 1 }));

    const [note, ...others] = await billing.creditNotes();
    expect(others).toEqual([]);
    expect(note).toMatchObject({
      number: `CN-${year}-000001`,
      reason: "RETURN",
      invoiceId: invoice._id,
      invoiceNumber: invoice.number,
      returnId: "r1",
      shippingRefund: 495,
      shippingTax: 99,
      total: invoice.total,
      subtotal: invoice.subtotal,
      taxTotal: invoice.taxTotal,
    });
    expect(note?.lines.map((line) => [line.lineId, line.quantity, line.net, line.tax])).toEqual(
      invoice.lines.map((line) => [line.lineId, line.quantity, line.net, line.tax]),
    );
    const after = await billing.invoiceOf("s1");
    expect(after.status).toBe("ISSUED");
    expect(after.credit?.total).toBe(invoice.total);

    const [issued] = await billing.emitted("billing.credit_note.issued");
    expect(issued).toMatchObject({
      creditNoteId: note?._id,
      number: note?.number,
      reason: "RETURN",
      returnId: "r1",
      shippingRefund: { amount: 495, currency: "EUR" },
      total: { amount: invoice.total, currency: "EUR" },
    });
    expect(await billing.emitted("billing.return.settled")).toMatchObject([
      {
        returnId: "r1",
        orderId: "o1",
        creditNoteIds: [note?._id],
        credited: [
          { lineId: lineOf("o1", 1), quantity: 3 },
          { lineId: lineOf("o1", 2), quantity: 1 },
        ],
        uninvoiced: [],
      },
    ]);
  });

  it("credits a line in parts that add up to exactly what it invoiced, refunding shipping with the last", async () => {
    // 3 × 3.33 at 20 %: 9.99 net, 1.998 → 2.00 tax; rounding each unit alone would credit 2.01.
    await billing.deliver(
      "orders.order.placed",
      placed("o1", [[3, 333, 200_000]], { shippingRefund: "ON_FULL_RETURN" }),
    );
    await billing.deliver("shipments.shipment.confirmed", confirmed("o1", "s1", { 1: 3 }));
    for (const returnId of ["r1", "r2", "r3"])
      await billing.deliver("returns.return.received", received("o1", returnId, { 1: 1 }));

    const notes = await billing.creditNotes();
    expect(
      notes.map((note) => [note.lines[0]?.net, note.lines[0]?.tax, note.shippingRefund]),
    ).toEqual(
      [
        [333, 67],
        [333, 66],
        [333, 67],
      ].map(([net, tax], index) => [net, tax, index === 2 ? 495 : 0]),
    );
    expect(taxOn(333, 200_000)).toBe(67);
    const invoice = await billing.invoiceOf("s1");
    expect(notes.reduce((sum, note) => sum + note.total, 0)).toBe(invoice.total);
    expect(notes.map((note) => note.number)).toEqual([1, 2, 3].map((n) => `CN-${year}-00000${n}`));
  });

  it("of goods never invoiced lowers the draft, with no credit note, and the invoice issued bills the rest", async () => {
    await billing.deliver(
      "orders.order.placed",
      placed("o1", [[3, 1000, 200_000]], { billingPolicy: "ON_DELIVERY" }),
    );
    await billing.deliver("shipments.shipment.confirmed", confirmed("o1", "s1", { 1: 3 }));
    await billing.deliver("returns.return.received", received("o1", "r1", { 1: 1 }));

    expect(await billing.creditNotes()).toEqual([]);
    const draft = await billing.invoiceOf("s1");
    expect(draft.status).toBe("DRAFT");
    expect(draft.lines.map((line) => [line.quantity, line.net, line.tax])).toEqual([
      [2, 2000, 400],
    ]);
    expect([draft.subtotal, draft.taxTotal, draft.total]).toEqual([2495, 499, 2994]);
    expect(await billing.emitted("billing.return.settled")).toMatchObject([
      { returnId: "r1", creditNoteIds: [], credited: [], uninvoiced: [{ quantity: 1 }] },
    ]);

    await billing.deliver("shipments.milestone.recorded", delivered("o1", "s1", 3));
    const [issued] = await billing.emitted("billing.invoice.issued");
    expect(issued?.lines).toEqual([{ lineId: lineOf("o1", 1), quantity: 2 }]);
    expect(issued?.total.amount).toBe(2994);
  });

  it("of every unit of a draft voids it, its hold ended and told", async () => {
    await billing.deliver(
      "orders.order.placed",
      placed("o1", [[2, 1000, 200_000]], { billingPolicy: "ON_DELIVERY" }),
    );
    await billing.deliver("shipments.shipment.confirmed", confirmed("o1", "s1", { 1: 2 }));
    await billing.deliver("shipments.milestone.recorded", {
      ...delivered("o1", "s1", 2),
      deliveredQuantity: 1,
    });
    expect((await billing.invoiceOf("s1")).status).toBe("ON_HOLD");

    await billing.deliver("returns.return.received", received("o1", "r1", { 1: 2 }));

    const invoice = await billing.invoiceOf("s1");
    expect([invoice.status, invoice.number, invoice.lines]).toEqual(["VOID", null, []]);
    expect(await billing.emitted("billing.invoice.released")).toMatchObject([
      { reason: "QUANTITY_MISMATCH", releasedBy: "AUTOMATIC", status: "DRAFT", revision: 2 },
    ]);
    // One hold placed and released, then the void: three changes, the void the third.
    expect(await billing.emitted("billing.invoice.voided")).toMatchObject([
      { invoiceId: invoice._id, status: "VOID", activeHolds: [], revision: 3 },
    ]);
    expect(await billing.creditNotes()).toEqual([]);
  });

  it("partly credits the issued invoice and lowers the draft for the rest", async () => {
    await billing.deliver(
      "orders.order.placed",
      placed("o1", [[4, 1000, 200_000]], { billingPolicy: "ON_DELIVERY" }),
    );
    await billing.deliver("shipments.shipment.confirmed", confirmed("o1", "s1", { 1: 2 }));
    await billing.deliver("shipments.milestone.recorded", delivered("o1", "s1", 2));
    await billing.deliver("shipments.shipment.confirmed", confirmed("o1", "s2", { 1: 2 }));

    await billing.deliver("returns.return.received", received("o1", "r1", { 1: 3 }));

    const [note] = await billing.creditNotes();
    expect(note?.invoiceId).toBe((await billing.invoiceOf("s1"))._id);
    expect(units(note?.lines ?? [])).toEqual([[lineOf("o1", 1), 2]]);
    expect(units((await billing.invoiceOf("s2")).lines)).toEqual([[lineOf("o1", 1), 1]]);
    expect(await billing.emitted("billing.return.settled")).toMatchObject([
      {
        creditNoteIds: [note?._id],
        credited: [{ lineId: lineOf("o1", 1), quantity: 2 }],
        uninvoiced: [{ lineId: lineOf("o1", 1), quantity: 1 }],
      },
    ]);
  });

  it("after a partial invoice credits what was invoiced, and the next shipment is invoiced in full", async () => {
    await billing.deliver("orders.order.placed", placed("o1", [[4, 1000, 200_000]]));
    await billing.deliver("shipments.shipment.confirmed", confirmed("o1", "s1", { 1: 2 }));
    await billing.deliver("returns.return.received", received("o1", "r1", { 1: 1 }));
    await billing.deliver("shipments.shipment.confirmed", confirmed("o1", "s2", { 1: 2 }));

    const [note] = await billing.creditNotes();
    expect([note?.invoiceNumber, note?.lines[0]?.quantity]).toEqual([`INV-${year}-000001`, 1]);
    expect((await billing.invoiceOf("s2")).lines[0]?.quantity).toBe(2);
  });

  it("spanning two invoices credits each for its own lines, newest first, in two notes", async () => {
    await billing.deliver(
      "orders.order.placed",
      placed("o1", [
        [3, 1000, 200_000],
        [2, 500, 70_000],
      ]),
    );
    await billing.deliver("shipments.shipment.confirmed", confirmed("o1", "s1", { 1: 2 }));
    await billing.deliver("shipments.shipment.confirmed", confirmed("o1", "s2", { 1: 1, 2: 2 }));

    await billing.deliver("returns.return.received", received("o1", "r1", { 1: 3, 2: 1 }));

    const [first, second] = [await billing.invoiceOf("s1"), await billing.invoiceOf("s2")];
    const notes = await billing.creditNotes();
    // Newest invoice first: the second takes its line 2 and one unit of line 1; the notes are
    // numbered in the invoices' order.
    expect(notes.map((note) => [note.number, note.invoiceId, units(note.lines)])).toEqual([
      [`CN-${year}-000001`, first._id, [[lineOf("o1", 1), 2]]],
      [
        `CN-${year}-000002`,
        second._id,
        [
          [lineOf("o1", 1), 1],
          [lineOf("o1", 2), 1],
        ],
      ],
    ]);
    expect(await billing.emitted("billing.credit_note.issued")).toHaveLength(2);
    expect(await billing.emitted("billing.return.settled")).toMatchObject([
      { creditNoteIds: notes.map((note) => note._id) },
    ]);
  });

  it("refunds shipping with the first note under ALWAYS, and never under NEVER", async () => {
    for (const [orderId, rule] of [
      ["o1", "ALWAYS"],
      ["o2", "NEVER"],
    ] as const) {
      await billing.deliver(
        "orders.order.placed",
        placed(orderId, [[3, 1000, 200_000]], { shippingRefund: rule }),
      );
      await billing.deliver(
        "shipments.shipment.confirmed",
        confirmed(orderId, `${orderId}-s1`, { 1: 3 }),
      );
      for (const returnId of ["a", "b", "c"])
        await billing.deliver(
          "returns.return.received",
          received(orderId, `${orderId}-${returnId}`, { 1: 1 }),
        );
    }
    const refunds = (orderId: string) =>
      billing.creditNotes({ orderId }).then((notes) => notes.map((note) => note.shippingRefund));
    expect(await refunds("o1")).toEqual([495, 0, 0]);
    expect(await refunds("o2")).toEqual([0, 0, 0]);
  });

  it("under ALWAYS, a draft a return reaches loses its shipping", async () => {
    await billing.deliver(
      "orders.order.placed",
      placed("o1", [[3, 1000, 200_000]], {
        billingPolicy: "ON_DELIVERY",
        shippingRefund: "ALWAYS",
      }),
    );
    await billing.deliver("shipments.shipment.confirmed", confirmed("o1", "s1", { 1: 3 }));
    await billing.deliver("returns.return.received", received("o1", "r1", { 1: 1 }));
    const draft = await billing.invoiceOf("s1");
    expect([draft.shippingCharge, draft.shippingTax, draft.total]).toEqual([0, 0, 2400]);
  });

  it("is settled once, however often its receipt is told", async () => {
    await billing.deliver("orders.order.placed", placed("o1", [[3, 1000, 200_000]]));
    await billing.deliver("shipments.shipment.confirmed", confirmed("o1", "s1", { 1: 3 }));
    const id = await billing.deliver("returns.return.received", received("o1", "r1", { 1: 1 }));
    await billing.deliver("returns.return.received", received("o1", "r1", { 1: 1 }), id);
    await billing.deliver("returns.return.received", received("o1", "r1", { 1: 1 }));

    expect(await billing.creditNotes()).toHaveLength(1);
    expect(await billing.emitted("billing.credit_note.issued")).toHaveLength(1);
    expect(await billing.emitted("billing.return.settled")).toHaveLength(1);
  });

  it("ignores lines received as 0, and settles a return of nothing", async () => {
    await billing.deliver("orders.order.placed", placed("o1", [[3, 1000, 200_000]]));
    await billing.deliver("shipments.shipment.confirmed", confirmed("o1", "s1", { 1: 3 }));
    await billing.deliver("returns.return.received", received("o1", "r1", { 1: 2 }, { 1: 0 }));
    expect(await billing.creditNotes()).toEqual([]);
    expect(await billing.emitted("billing.return.settled")).toMatchObject([
      { returnId: "r1", creditNoteIds: [], credited: [], uninvoiced: [] },
    ]);
  });

  it("that overtakes its shipment's confirmation waits for it, then settles", async () => {
    await billing.deliver("orders.order.placed", placed("o1", [[3, 1000, 200_000]]));
    const early = billing.deliver("returns.return.received", received("o1", "r1", { 1: 1 }));
    await expect(early).rejects.toSatisfy(isRetryLater);
    expect(await billing.emitted("billing.return.settled")).toEqual([]);

    await billing.deliver("shipments.shipment.confirmed", confirmed("o1", "s1", { 1: 3 }));
    await billing.deliver("returns.return.received", received("o1", "r1", { 1: 1 }));
    expect(await billing.creditNotes()).toHaveLength(1);
  });
});
