import { readFileSync } from "node:fs";
import { buildSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { execute, nodes } from "../support/graphql.ts";
import {
  closed,
  issued,
  moneyView,
  moneyWhen,
  orderFor,
  receiveReturn,
  requestReturn,
  returnOf,
  ship,
} from "../support/money-path.ts";
import { confirmWhenKnown, milestone } from "../support/shipments.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

// Returns where ERPNext's users found its numbers wrong (github.com/frappe/erpnext), each bug's
// scenario replayed through Waybill's gateway with the answer it should have had.

let system: TestSystem;
let gateway: string;

beforeAll(async () => {
  system = await startTestSystem();
  gateway = system.gatewayUrl;
  for (const sku of ["EN-MUG", "EN-PEN"])
    await execute(gateway, CREATE_PRODUCT, { sku, name: sku, warehouse: "AMS1", quantity: 500 });
});

afterAll(async () => {
  await system?.dispose();
});

const MUGS = [{ sku: "EN-MUG", quantity: 3, unitPrice: "10.00", taxRate: "20" }];

/** An ON_SHIPMENT order of three mugs, shipped whole and invoiced. */
async function invoicedOrder(shippingRefund: "NEVER" | "ON_FULL_RETURN" = "NEVER") {
  const { orderId, lineIds } = await orderFor(gateway, MUGS, "ON_SHIPMENT", shippingRefund);
  const line = lineIds[0] ?? "";
  const shipment = await ship(gateway, orderId, [{ lineId: line, quantity: 3 }]);
  const [invoice] = await issued(gateway, orderId, [shipment]);
  return { orderId, line, shipment, invoice };
}

async function returned(orderId: string, line: string, quantity: number, received = quantity) {
  const returnId = await requestReturn(gateway, orderId, [{ lineId: line, quantity }]);
  await receiveReturn(gateway, returnId, [{ lineId: line, received, disposition: "RESTOCK" }]);
  await closed(gateway, returnId);
  return returnId;
}

describe("returns ERPNext gets wrong", () => {
  it("ERPNext #56450: an order whose goods came back and were credited is no longer 100 % billed", async () => {
    const { orderId, line } = await invoicedOrder();
    await returned(orderId, line, 3);
    const view = await moneyWhen(
      gateway,
      orderId,
      "credited",
      (v) => v.billingStatus === "CREDITED",
    );
    expect(view.lines[0]).toMatchObject({
      invoicedQuantity: 3,
      creditedQuantity: 3,
      returnedQuantity: 3,
    });
    expect(view.netBilled?.amount).toBe("4.80"); // the shipping charge and its tax, kept (rule NEVER)
  });

  it("ERPNext #50768: credit follows only goods received back, and credited goods cannot be invoiced again", async () => {
    // No credit note can be raised by hand: the API has no such mutation.
    const api = buildSchema(
      readFileSync(new URL("../../schema/api.graphql", import.meta.url), "utf8"),
    );
    const mutations = Object.keys(api.getMutationType()?.getFields() ?? {});
    expect(mutations).toContain("receiveReturn");
    expect(mutations.filter((name) => /credit/i.test(name))).toEqual([]);

    const { orderId, line } = await invoicedOrder();
    await returned(orderId, line, 3);
    // The returned units were shipped and credited: shipping them again is refused, so no second invoice.
    const again = await confirmWhenKnown(gateway, {
      orderId,
      warehouse: "AMS1",
      lines: [{ lineId: line, quantity: 3 }],
      carrier: "UPS",
      service: "Standard",
      trackingNumber: "1ZAGAIN000001",
      shippedAt: new Date().toISOString(),
      shippingCharge: "4.00",
    });
    expect(again.__typename).toBe("QuantityExceedsOrderedError");
    const view = await moneyView(gateway, orderId);
    expect(nodes(view.invoices)).toHaveLength(1);
    expect(view.lines[0]).toMatchObject({ invoicedQuantity: 3, creditedQuantity: 3 });
  });

  it("ERPNext #52456: a return with nothing credited is not shown as credited", async () => {
    const { orderId, line } = await invoicedOrder();
    // The customer announced two mugs; none arrived.
    const returnId = await returned(orderId, line, 2, 0);
    expect((await returnOf(gateway, returnId))?.creditNoteIds).toEqual([]);
    const view = await moneyView(gateway, orderId);
    expect(nodes(view.creditNotes)).toEqual([]);
    expect(view.lines[0]).toMatchObject({
      invoicedQuantity: 3,
      creditedQuantity: 0,
      returnedQuantity: 0,
    });
    expect(view.billingStatus).toBe("BILLED");
  });

  it("ERPNext #47178: what was billed does not drop to 0 after a return", async () => {
    const { orderId, line, invoice } = await invoicedOrder();
    await returned(orderId, line, 1);
    const view = await moneyWhen(
      gateway,
      orderId,
      "credited in part",
      (v) => v.billingStatus === "PARTIALLY_CREDITED",
    );
    expect(view.lines[0]).toMatchObject({ invoicedQuantity: 3, creditedQuantity: 1 });
    expect(view.billedTotal?.amount).toBe(invoice?.total.amount);
    expect(view.creditedTotal?.amount).toBe("12.00");
    expect(view.netBilled?.amount).toBe("28.80");
  });

  it("ERPNext #58825 and #52647: goods returned before they were invoiced leave nothing to bill", async () => {
    const { orderId, lineIds } = await orderFor(gateway, MUGS, "ON_DELIVERY");
    const line = lineIds[0] ?? "";
    const shipment = await ship(gateway, orderId, [{ lineId: line, quantity: 3 }]);
    await returned(orderId, line, 1);
    await milestone(gateway, shipment, "DELIVERED", new Date());
    const [invoice] = await issued(gateway, orderId, [shipment]);
    expect(invoice?.lines).toEqual([{ lineId: line, quantity: 2 }]);
    const view = await moneyWhen(gateway, orderId, "billed", (v) => v.billingStatus === "BILLED");
    expect(nodes(view.creditNotes)).toEqual([]);
    expect(view.lines[0]).toMatchObject({
      shippedQuantity: 3,
      invoicedQuantity: 2,
      returnedQuantity: 1,
    });
  });

  it("ERPNext #12354: rounding never leaves an order a fraction to bill or to credit", async () => {
    // 7 pens at 0.35 with 19 % tax: the line's tax (0.4655) rounds, and so would each part of it.
    const { orderId, lineIds } = await orderFor(
      gateway,
      [{ sku: "EN-PEN", quantity: 7, unitPrice: "0.35", taxRate: "19" }],
      "ON_SHIPMENT",
      "ON_FULL_RETURN",
    );
    const line = lineIds[0] ?? "";
    const shipment = await ship(gateway, orderId, [{ lineId: line, quantity: 7 }], "0.99");
    const [invoice] = await issued(gateway, orderId, [shipment]);
    for (const quantity of [2, 2, 3]) await returned(orderId, line, quantity);
    const view = await moneyWhen(
      gateway,
      orderId,
      "credited in full",
      (v) => v.billingStatus === "CREDITED",
    );
    const cents = (amount: string) => Math.round(Number(amount.replace(".", "")));
    const credited = nodes(view.creditNotes).reduce(
      (sum, note) => sum + cents(note.total.amount),
      0,
    );
    expect(nodes(view.creditNotes)).toHaveLength(3);
    expect(credited).toBe(cents(invoice?.total.amount ?? ""));
    expect(view.netBilled?.amount).toBe("0.00");
  });
});
