import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { execute, nodes } from "../support/graphql.ts";
import {
  carrierCharge,
  closed,
  issued,
  moneyView,
  moneyWhen,
  orderFor,
  receiveReturn,
  requestReturn,
  returnOf,
  ship,
  voidShipment,
} from "../support/money-path.ts";
import { milestone } from "../support/shipments.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

// The money path through the gateway, one scenario each: returns received into credit notes (or
// into lower invoices), carrier charges before and after issue, voided shipments.

let system: TestSystem;
let gateway: string;

beforeAll(async () => {
  system = await startTestSystem();
  gateway = system.gatewayUrl;
  for (const sku of ["RC-MUG", "RC-TEE"])
    await execute(gateway, CREATE_PRODUCT, { sku, name: sku, warehouse: "AMS1", quantity: 500 });
});

afterAll(async () => {
  await system?.dispose();
});

/** 3 mugs at 10.00 and 2 shirts at 15.00, both taxed 20 %. */
const LINES = [
  { sku: "RC-MUG", quantity: 3, unitPrice: "10.00", taxRate: "20" },
  { sku: "RC-TEE", quantity: 2, unitPrice: "15.00", taxRate: "20" },
];

const kinds = (view: { timeline: { edges: { node: { kind: string } }[] } }) =>
  nodes(view.timeline).map((entry) => entry.kind);

describe("returns into credit notes", () => {
  it("a full return with restock credits the whole invoice, shipping included by the customer's rule", async () => {
    const { orderId, lineIds } = await orderFor(gateway, LINES, "ON_SHIPMENT", "ON_FULL_RETURN");
    const [mug = "", tee = ""] = lineIds;
    const shipment = await ship(gateway, orderId, [
      { lineId: mug, quantity: 3 },
      { lineId: tee, quantity: 2 },
    ]);
    const [invoice] = await issued(gateway, orderId, [shipment]);
    expect(invoice?.total.amount).toBe("76.80"); // 60.00 + 4.00 shipping, 20 % tax
    const returnId = await requestReturn(gateway, orderId, [
      { lineId: mug, quantity: 3 },
      { lineId: tee, quantity: 2 },
    ]);
    await receiveReturn(gateway, returnId, [
      { lineId: mug, received: 3, disposition: "RESTOCK" },
      { lineId: tee, received: 2, disposition: "RESTOCK" },
    ]);
    await closed(gateway, returnId);
    const view = await moneyWhen(
      gateway,
      orderId,
      "the order credited",
      (v) => v.billingStatus === "CREDITED",
    );
    const [note] = nodes(view.creditNotes);
    expect(nodes(view.creditNotes)).toHaveLength(1);
    expect(note).toMatchObject({ reason: "RETURN", returnId, invoice: { id: invoice?.id } });
    expect(note?.number).toMatch(/^CN-\d{4}-\d{6}$/);
    expect(note?.shippingRefund.amount).toBe("4.00");
    expect(note?.total.amount).toBe("76.80");
    expect(view.netBilled?.amount).toBe("0.00");
    expect(view.fulfilmentStatus).toBe("RETURNED");
    expect(
      view.lines.map((l) => [l.invoicedQuantity, l.returnedQuantity, l.creditedQuantity]),
    ).toEqual([
      [3, 3, 3],
      [2, 2, 2],
    ]);
    expect(kinds(view)).toEqual(
      expect.arrayContaining([
        "RETURN_REQUESTED",
        "RETURN_RECEIVED",
        "CREDIT_NOTE_ISSUED",
        "RETURN_CLOSED",
      ]),
    );
    expect((await returnOf(gateway, returnId))?.creditNoteIds).toEqual([note?.id]);
  });

  it("a partial return with mixed dispositions credits what came back, shipping kept", async () => {
    const { orderId, lineIds } = await orderFor(gateway, LINES, "ON_SHIPMENT", "NEVER");
    const [mug = "", tee = ""] = lineIds;
    const shipment = await ship(gateway, orderId, [
      { lineId: mug, quantity: 3 },
      { lineId: tee, quantity: 2 },
    ]);
    await issued(gateway, orderId, [shipment]);
    const returnId = await requestReturn(gateway, orderId, [
      { lineId: mug, quantity: 1 },
      { lineId: tee, quantity: 1 },
    ]);
    await receiveReturn(gateway, returnId, [
      { lineId: mug, received: 1, disposition: "SCRAP" },
      { lineId: tee, received: 1, disposition: "VENDOR_RETURN" },
    ]);
    await closed(gateway, returnId);
    const view = await moneyWhen(
      gateway,
      orderId,
      "one credit note",
      (v) => nodes(v.creditNotes).length === 1,
    );
    const [note] = nodes(view.creditNotes);
    expect(
      note?.lines.map((l) => [l.lineId, l.quantity, l.netAmount.amount, l.taxAmount.amount]),
    ).toEqual([
      [mug, 1, "10.00", "2.00"],
      [tee, 1, "15.00", "3.00"],
    ]);
    expect(note?.shippingRefund.amount).toBe("0.00");
    expect(note?.total.amount).toBe("30.00");
    expect(view.billingStatus).toBe("PARTIALLY_CREDITED");
    expect(view.fulfilmentStatus).toBe("PARTIALLY_RETURNED");
    expect(view.netBilled?.amount).toBe("46.80");
  });

  it("a return of a shipment never invoiced lowers its invoice and raises no credit note", async () => {
    const { orderId, lineIds } = await orderFor(gateway, LINES.slice(0, 1), "ON_DELIVERY");
    const [mug = ""] = lineIds;
    const shipment = await ship(gateway, orderId, [{ lineId: mug, quantity: 3 }]);
    const returnId = await requestReturn(gateway, orderId, [{ lineId: mug, quantity: 1 }]);
    await receiveReturn(gateway, returnId, [{ lineId: mug, received: 1, disposition: "RESTOCK" }]);
    await closed(gateway, returnId);
    expect((await returnOf(gateway, returnId))?.creditNoteIds).toEqual([]);
    await milestone(gateway, shipment, "DELIVERED", new Date());
    const [invoice] = await issued(gateway, orderId, [shipment]);
    expect(invoice?.lines).toEqual([{ lineId: mug, quantity: 2 }]);
    expect(invoice?.total.amount).toBe("28.80"); // 20.00 + 4.00 shipping, 20 % tax
    const view = await moneyWhen(gateway, orderId, "billed", (v) => v.billingStatus === "BILLED");
    expect(nodes(view.creditNotes)).toEqual([]);
  });

  it("a return after a partial invoice credits that invoice; the rest ships and invoices in full", async () => {
    const { orderId, lineIds } = await orderFor(gateway, LINES.slice(0, 1), "ON_SHIPMENT");
    const [mug = ""] = lineIds;
    const first = await ship(gateway, orderId, [{ lineId: mug, quantity: 2 }]);
    const [firstInvoice] = await issued(gateway, orderId, [first]);
    const returnId = await requestReturn(gateway, orderId, [{ lineId: mug, quantity: 1 }]);
    await receiveReturn(gateway, returnId, [{ lineId: mug, received: 1, disposition: "RESTOCK" }]);
    await closed(gateway, returnId);
    const second = await ship(gateway, orderId, [{ lineId: mug, quantity: 1 }]);
    await issued(gateway, orderId, [first, second]);
    const view = await moneyWhen(
      gateway,
      orderId,
      "both invoices and the credit",
      (v) => v.lines[0]?.invoicedQuantity === 3 && v.lines[0]?.creditedQuantity === 1,
    );
    const [note] = nodes(view.creditNotes);
    expect(note?.invoice.id).toBe(firstInvoice?.id);
    expect(note?.lines.map((l) => l.quantity)).toEqual([1]);
    expect(view.billingStatus).toBe("PARTIALLY_CREDITED");
  });

  it("a return that spans two invoices credits each for its own lines", async () => {
    const { orderId, lineIds } = await orderFor(gateway, LINES, "ON_SHIPMENT");
    const [mug = "", tee = ""] = lineIds;
    const mugs = await ship(gateway, orderId, [{ lineId: mug, quantity: 3 }]);
    const tees = await ship(gateway, orderId, [{ lineId: tee, quantity: 2 }]);
    const invoices = await issued(gateway, orderId, [mugs, tees]);
    const returnId = await requestReturn(gateway, orderId, [
      { lineId: mug, quantity: 1 },
      { lineId: tee, quantity: 2 },
    ]);
    await receiveReturn(gateway, returnId, [
      { lineId: mug, received: 1, disposition: "RESTOCK" },
      { lineId: tee, received: 2, disposition: "RESTOCK" },
    ]);
    await closed(gateway, returnId);
    const view = await moneyView(gateway, orderId);
    const byInvoice = Object.fromEntries(
      nodes(view.creditNotes).map((note) => [
        note.invoice.id,
        note.lines.map((l) => [l.lineId, l.quantity]),
      ]),
    );
    const invoiceOf = (shipmentId: string) =>
      invoices.find((i) => i.shipment.id === shipmentId)?.id ?? "";
    expect(byInvoice).toEqual({ [invoiceOf(mugs)]: [[mug, 1]], [invoiceOf(tees)]: [[tee, 2]] });
    expect((await returnOf(gateway, returnId))?.creditNoteIds).toHaveLength(2);
  });

  it("a receipt other than requested credits what arrived and opens a service case", async () => {
    const { orderId, lineIds } = await orderFor(gateway, LINES.slice(0, 1), "ON_SHIPMENT");
    const [mug = ""] = lineIds;
    const shipment = await ship(gateway, orderId, [{ lineId: mug, quantity: 3 }]);
    await issued(gateway, orderId, [shipment]);
    const returnId = await requestReturn(gateway, orderId, [{ lineId: mug, quantity: 2 }]);
    await receiveReturn(gateway, returnId, [{ lineId: mug, received: 1, disposition: "RESTOCK" }]);
    await closed(gateway, returnId);
    const view = await moneyWhen(
      gateway,
      orderId,
      "the case",
      (v) => nodes(v.serviceCases).length > 0,
    );
    expect(nodes(view.serviceCases)).toEqual([
      { kind: "RETURN_QUANTITY_MISMATCH", returnId, status: "OPEN" },
    ]);
    expect(nodes(view.creditNotes).map((note) => note.lines.map((l) => l.quantity))).toEqual([[1]]);
  });

  it("the same receipt sent three times at once and again later gives one credit note", async () => {
    const { orderId, lineIds } = await orderFor(gateway, LINES.slice(0, 1), "ON_SHIPMENT");
    const [mug = ""] = lineIds;
    const shipment = await ship(gateway, orderId, [{ lineId: mug, quantity: 3 }]);
    await issued(gateway, orderId, [shipment]);
    const returnId = await requestReturn(gateway, orderId, [{ lineId: mug, quantity: 2 }]);
    const receipt = [{ lineId: mug, received: 2, disposition: "RESTOCK" as const }];
    const answers = await Promise.all(
      [1, 2, 3].map(() => receiveReturn(gateway, returnId, receipt)),
    );
    expect(answers.map((a) => a.__typename)).toEqual(["Return", "Return", "Return"]);
    await closed(gateway, returnId);
    expect((await receiveReturn(gateway, returnId, receipt)).__typename).toBe("Return");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const view = await moneyView(gateway, orderId);
    expect(nodes(view.creditNotes)).toHaveLength(1);
    expect(view.lines[0]?.creditedQuantity).toBe(2);
  });
});

describe("carrier charges and voids", () => {
  it("a re-billed charge before issue joins the invoice, after issue becomes an adjustment note; a costed one only costs", async () => {
    const { orderId, lineIds } = await orderFor(gateway, LINES.slice(0, 1), "ON_DELIVERY");
    const [mug = ""] = lineIds;
    const shipment = await ship(gateway, orderId, [{ lineId: mug, quantity: 3 }]);
    expect(await carrierCharge(gateway, shipment, "LG-77", "LIFTGATE", "35.00")).toBe(
      "CarrierCharge",
    );
    await moneyWhen(gateway, orderId, "the charge on the draft", (v) =>
      nodes(v.invoices).some((i) => i.charges.length === 1),
    );
    await milestone(gateway, shipment, "DELIVERED", new Date());
    const [invoice] = await issued(gateway, orderId, [shipment]);
    expect(invoice?.total.amount).toBe("82.80"); // 30.00 + 4.00 + 35.00, 20 % tax
    expect(await carrierCharge(gateway, shipment, "RD-78", "REDELIVERY", "20.00")).toBe(
      "CarrierCharge",
    );
    expect(await carrierCharge(gateway, shipment, "RD-78", "REDELIVERY", "20.00")).toBe(
      "CarrierCharge",
    );
    expect(await carrierCharge(gateway, shipment, "FU-79", "FUEL", "1.10")).toBe("CarrierCharge");
    const view = await moneyWhen(
      gateway,
      orderId,
      "the adjustment note and the costs",
      (v) => nodes(v.adjustmentNotes).length === 1 && v.shippingMargin?.cost.amount === "56.10",
    );
    const [note] = nodes(view.adjustmentNotes);
    expect(note).toMatchObject({
      type: "REDELIVERY",
      total: { amount: "24.00" },
      invoice: { id: invoice?.id },
    });
    expect(note?.number).toMatch(/^AN-\d{4}-\d{6}$/);
    expect(view.shippingMargin).toEqual({
      charged: { amount: "59.00" },
      cost: { amount: "56.10" },
      margin: { amount: "2.90" },
    });
    expect(kinds(view)).toContain("ADJUSTMENT_NOTE_ISSUED");
  });

  it("a voided shipment voids its draft invoice, or credits its issued one in full, and can ship again", async () => {
    const draft = await orderFor(gateway, LINES.slice(0, 1), "ON_DELIVERY");
    const [draftLine = ""] = draft.lineIds;
    const unsent = await ship(gateway, draft.orderId, [{ lineId: draftLine, quantity: 3 }]);
    await moneyWhen(gateway, draft.orderId, "a draft", (v) => nodes(v.invoices).length === 1);
    expect(await voidShipment(gateway, unsent)).toBe("Shipment");
    // Billing voids the invoice and orders takes the units off shipped, each from the event.
    const voided = await moneyWhen(
      gateway,
      draft.orderId,
      "the draft void",
      (v) =>
        nodes(v.invoices).every((i) => i.status === "VOID") && v.lines[0]?.shippedQuantity === 0,
    );
    expect(nodes(voided.invoices)[0]?.number).toBeNull();
    expect(voided.lines[0]?.shippedQuantity).toBe(0);
    expect(await ship(gateway, draft.orderId, [{ lineId: draftLine, quantity: 3 }])).toMatch(
      /^shp_/,
    );

    const billed = await orderFor(gateway, LINES.slice(0, 1), "ON_SHIPMENT");
    const [billedLine = ""] = billed.lineIds;
    const sent = await ship(gateway, billed.orderId, [{ lineId: billedLine, quantity: 3 }]);
    const [invoice] = await issued(gateway, billed.orderId, [sent]);
    expect(await voidShipment(gateway, sent)).toBe("Shipment");
    // Billing's credit note, and orders' timeline entry once it has heard of it.
    const credited = await moneyWhen(
      gateway,
      billed.orderId,
      "the full credit",
      (v) => nodes(v.creditNotes).length === 1 && kinds(v).includes("CREDIT_NOTE_ISSUED"),
    );
    const [note] = nodes(credited.creditNotes);
    expect(note).toMatchObject({
      reason: "VOID",
      returnId: null,
      total: { amount: invoice?.total.amount },
    });
    expect(nodes(credited.invoices)[0]?.status).toBe("ISSUED");
    expect(credited.netBilled?.amount).toBe("0.00");
    expect(kinds(credited)).toEqual(
      expect.arrayContaining(["SHIPMENT_VOIDED", "CREDIT_NOTE_ISSUED"]),
    );
  });
});
