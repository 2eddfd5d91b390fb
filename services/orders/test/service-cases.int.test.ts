import type { EventOf } from "@waybill/contracts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  assignServiceCase,
  commentOnServiceCase,
  resolveServiceCase,
} from "../src/customer-service/usecases/service-cases.ts";
import { cancel } from "../src/lifecycle/usecases/cancel-order.ts";
import {
  at,
  confirmed,
  held,
  issued,
  milestone,
  placedOrder,
  released,
} from "./fixtures/orders.ts";
import { ordersHarness, type OrdersHarness } from "./harness.ts";

let h: OrdersHarness;
beforeEach(async () => {
  h = await ordersHarness();
});
afterEach(async () => {
  await h.close();
});

const casesOf = (orderId: string) => h.casesOf(orderId);
const kinds = async (orderId: string) => (await h.timelineOf(orderId)).map((entry) => entry.kind);

describe("service cases", () => {
  it("opens one case per shipment for carrier exceptions, notes repeats, and resolves it once delivered and billed", async () => {
    const order = await placedOrder(h);
    await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_1", [3, 2]));
    await h.deliver("billing.invoice.issued", issued(order, "shp_1", [3, 2], 1));
    await h.deliver("shipments.milestone.recorded", milestone(order, "shp_1", "EXCEPTION", 10));
    await h.deliver("shipments.milestone.recorded", milestone(order, "shp_1", "EXCEPTION", 12));

    const [opened, ...others] = await casesOf(order._id);
    expect(others).toEqual([]);
    expect(opened).toMatchObject({
      kind: "CARRIER_EXCEPTION",
      status: "OPEN",
      shipmentId: "shp_1",
      carrier: "DHL",
      trackingNumber: "JDshp_1",
    });
    expect(opened?.subject).toContain("ADDRESS_UNKNOWN");
    expect(opened?.notes).toHaveLength(2);

    await h.deliver("shipments.milestone.recorded", milestone(order, "shp_1", "DELIVERED", 30));
    const [resolved] = await casesOf(order._id);
    expect(resolved).toMatchObject({
      status: "RESOLVED",
      resolvedAutomatically: true,
      resolvedAt: new Date(at(30)),
    });
    expect(await kinds(order._id)).toEqual([
      "ORDER_PLACED",
      "SHIPMENT_CONFIRMED",
      "INVOICE_ISSUED",
      "MILESTONE",
      "SERVICE_CASE_OPENED",
      "MILESTONE",
      "MILESTONE",
      "SERVICE_CASE_RESOLVED",
    ]);

    // An old exception reported after delivery and billing has nothing left to follow up.
    await h.deliver(
      "shipments.milestone.recorded",
      milestone(order, "shp_1", "EXCEPTION", 5, { late: true }),
    );
    expect(await casesOf(order._id)).toHaveLength(1);
  });

  it("opens a case for a held invoice, and settles it when the hold is released, delivered and issued", async () => {
    const order = await placedOrder(h);
    await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_1", [3, 2]));
    await h.deliver("billing.invoice.held", held(order, "shp_1", "POD_MISSING", 5));
    expect((await h.orders.findOrder(order._id))?.billingStatus).toBe("ON_HOLD");
    const [heldCase] = await casesOf(order._id);
    expect(heldCase).toMatchObject({ kind: "INVOICE_HELD", status: "OPEN" });

    await h.deliver("shipments.milestone.recorded", milestone(order, "shp_1", "DELIVERED", 6));
    await h.deliver("billing.invoice.released", released(order, "shp_1", "POD_MISSING", 7));
    expect((await casesOf(order._id))[0]?.status).toBe("OPEN");
    await h.deliver("billing.invoice.issued", issued(order, "shp_1", [3, 2], 8));
    const after = await h.orders.findOrder(order._id);
    expect(after?.billingStatus).toBe("BILLED");
    expect((await casesOf(order._id))[0]?.status).toBe("RESOLVED");
  });

  it("records a shipment of a line cancelled meanwhile and opens a case that waits for a person", async () => {
    const order = await placedOrder(h);
    const [mug] = order.lines;
    const outcome = await cancel(h.ctx(), {
      orderId: order._id,
      lineId: mug?.id ?? "",
      reason: "customer request",
    });
    expect(outcome.kind).toBe("cancelled");
    await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_1", [3, 2]));
    await h.deliver("billing.invoice.issued", issued(order, "shp_1", [3, 2], 1));
    await h.deliver("shipments.milestone.recorded", milestone(order, "shp_1", "DELIVERED", 2));

    const after = await h.orders.findOrder(order._id);
    expect(after?.lines.map((line) => [line.cancelledQuantity, line.shippedQuantity])).toEqual([
      [3, 3],
      [0, 2],
    ]);
    const [raced] = await casesOf(order._id);
    expect(raced).toMatchObject({ kind: "SHIPPED_AFTER_CANCELLATION", status: "OPEN" });
    expect(raced?.subject).toContain("3 x MUG-1");
    const caseId = raced?._id ?? "";

    expect(await assignServiceCase(h.ctx(), caseId, "  ")).toMatchObject({
      kind: "invalid",
      field: "assignee",
    });
    expect(await assignServiceCase(h.ctx(), caseId, "agent.smith")).toMatchObject({
      kind: "ok",
      serviceCase: { assignee: "agent.smith" },
    });
    await commentOnServiceCase(h.ctx(), caseId, "agent.smith", "Customer keeps the mugs");
    await resolveServiceCase(h.ctx(), caseId, "credited");
    expect(await resolveServiceCase(h.ctx(), caseId, "again")).toEqual({
      kind: "resolved",
      caseId,
    });
    expect(await assignServiceCase(h.ctx(), "case_missing", "x")).toEqual({
      kind: "not_found",
      caseId: "case_missing",
    });
    const [done] = await casesOf(order._id);
    expect(done).toMatchObject({
      status: "RESOLVED",
      resolution: "credited",
      resolvedAutomatically: false,
    });
    expect(done?.notes.map((note) => note.author)).toEqual(["waybill", "agent.smith"]);
    expect((await kinds(order._id))?.at(-1)).toBe("SERVICE_CASE_RESOLVED");
  });

  it("opens no case for a hold billing told it had released before the hold arrived", async () => {
    const order = await placedOrder(h);
    await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_1", [3, 2]));
    const hold = held(order, "shp_1", "CARRIER_EXCEPTION", 5, "carrier exception DAMAGED");
    const release = released(order, "shp_1", "CARRIER_EXCEPTION", 6);
    await h.deliver("billing.invoice.released", release);
    await h.deliver("billing.invoice.held", hold);
    expect(await casesOf(order._id)).toEqual([]);
    expect(await kinds(order._id)).toEqual([
      "ORDER_PLACED",
      "SHIPMENT_CONFIRMED",
      "INVOICE_RELEASED",
      "INVOICE_HELD",
    ]);
    expect((await h.orders.findOrder(order._id))?.billingStatus).toBe("NOT_BILLED");
  });

  it("takes billing's word on a release timed before its hold (a late proof clears a miscount)", async () => {
    const order = await placedOrder(h);
    await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_1", [3, 2]));
    await h.deliver("billing.invoice.issued", issued(order, "shp_1", [3, 2], 1));
    await h.deliver("shipments.milestone.recorded", milestone(order, "shp_1", "DELIVERED", 10));
    await h.deliver(
      "billing.invoice.held",
      held(order, "shp_1", "QUANTITY_MISMATCH", 10, "carrier delivered 4 of 5 unit(s) shipped"),
    );
    expect(await casesOf(order._id)).toMatchObject([{ kind: "INVOICE_HELD", status: "OPEN" }]);
    // The proof of delivery happened before the miscounted delivery was reported.
    await h.deliver("billing.invoice.released", released(order, "shp_1", "QUANTITY_MISMATCH", 9));
    expect((await h.orders.findOrder(order._id))?.billingStatus).toBe("BILLED");
    expect(await casesOf(order._id)).toMatchObject([
      { kind: "INVOICE_HELD", status: "RESOLVED", resolvedAutomatically: true },
    ]);
  });

  it("tells every change of a case once, with its state and a revision that grows", async () => {
    const order = await placedOrder(h);
    await h.deliver("shipments.shipment.confirmed", confirmed(order, "shp_1", [3, 2]));
    await h.deliver("shipments.milestone.recorded", milestone(order, "shp_1", "EXCEPTION", 10));
    const repeat = milestone(order, "shp_1", "EXCEPTION", 12);
    await h.deliver("shipments.milestone.recorded", repeat, "evt_repeat");
    expect(await h.deliver("shipments.milestone.recorded", repeat, "evt_repeat")).toBe("duplicate");
    const [opened] = await casesOf(order._id);
    const caseId = opened?._id ?? "";
    await assignServiceCase(h.ctx(), caseId, "agent.smith");
    await commentOnServiceCase(h.ctx(), caseId, "agent.smith", "Called the carrier");
    await resolveServiceCase(h.ctx(), caseId, "parcel found");
    await resolveServiceCase(h.ctx(), caseId, "again");

    const told = (await h.emitted()).flatMap((event) =>
      event.type === "orders.service_case.changed"
        ? [{ subject: event.subject, ...(event as EventOf<"orders.service_case.changed">).data }]
        : [],
    );
    expect(told.map(({ subject, caseId: id, orderId }) => [subject, id, orderId])).toEqual(
      Array.from({ length: 5 }, () => [caseId, caseId, order._id]),
    );
    expect(
      told.map(({ kind, status, assignee, notes, revision }) => ({
        kind,
        status,
        assignee,
        notes,
        revision,
      })),
    ).toEqual([
      { kind: "CARRIER_EXCEPTION", status: "OPEN", assignee: null, notes: 1, revision: 1 },
      { kind: "CARRIER_EXCEPTION", status: "OPEN", assignee: null, notes: 2, revision: 2 },
      { kind: "CARRIER_EXCEPTION", status: "OPEN", assignee: "agent.smith", notes: 2, revision: 3 },
      { kind: "CARRIER_EXCEPTION", status: "OPEN", assignee: "agent.smith", notes: 3, revision: 4 },
      {
        kind: "CARRIER_EXCEPTION",
        status: "RESOLVED",
        assignee: "agent.smith",
        notes: 3,
        revision: 5,
      },
    ]);
    expect((await casesOf(order._id))[0]?.revision).toBe(5);
  });
});
