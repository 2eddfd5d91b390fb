import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@waybill/devtools";
import { openStore, type Store } from "@waybill/store";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { execute } from "../support/graphql.ts";
import {
  closed,
  issued,
  placeOrder,
  receiveReturn,
  requestReturn,
  ship,
} from "../support/money-path.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

// A seeded period with deliberately injected faults: the report names exactly those faults, the
// sweep heals the one a lost event caused and hands the others to their owners, and a second
// report has nothing left unowned.

let system: TestSystem;
let gateway: string;

beforeAll(async () => {
  // A shipment or return is judged one second after it happened; sweeps run when asked.
  system = await startTestSystem({ RECONCILE_GRACE_SECONDS: "1", RECONCILE_SWEEP_SECONDS: "0" });
  gateway = system.gatewayUrl;
  await execute(gateway, CREATE_PRODUCT, {
    sku: "REC-MUG",
    name: "Mug",
    warehouse: "AMS1",
    quantity: 100,
  });
});

afterAll(async () => {
  await system?.dispose();
});

const LINE = [{ sku: "REC-MUG", quantity: 3, unitPrice: "10.00", taxRate: "20" }];

type Report = {
  orders: {
    order: { id: string };
    charged: { amount: string } | null;
    lines: Record<string, number> & { movements: { kind: string; quantity: number }[] }[];
  }[];
  discrepancies: {
    kind: string;
    reference: string | null;
    owner: string;
    healable: boolean;
    order: { id: string } | null;
  }[];
  exceptions: { id: string; kind: string; owner: string; reference: string | null }[];
};

const REPORT = `query ($from: DateTime!, $to: DateTime!) { reconciliation(from: $from, to: $to) {
  orders { order { id } charged { amount } lines { lineId ordered reserved shipped invoiced toInvoice returned credited movements { kind quantity } } }
  discrepancies { kind reference owner healable order { id } }
  exceptions { id kind owner reference } } }`;

const report = async (from: Date, to: Date) =>
  (
    await execute<{ reconciliation: Report }>(gateway, REPORT, {
      from: from.toISOString(),
      to: to.toISOString(),
    })
  ).reconciliation;

async function withStore<T>(database: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ database, dataDir: `${system.dataDir}/data` });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

describe("reconciliation over a period with injected faults", () => {
  it("reports exactly the injected faults, heals the lost event, hands the rest to their owners", async () => {
    const from = new Date(Date.now() - 1_000);
    // A: its invoice will be deleted. B: its stock movement doubled. C: returned and credited,
    // then given a credit note without a return. D: its confirmation never reaches the bus.
    // E: shipped in part with a carrier charge, left alone.
    const orders: { orderId: string; customerId: string; lineIds: string[] }[] = [];
    for (let i = 0; i < 5; i++) orders.push(await placeOrder(gateway, LINE, "ON_SHIPMENT"));
    const [orderA, orderB, orderC, orderD, orderE] = orders.map((order) => ({
      id: order.orderId,
      line: order.lineIds[0] ?? "",
    })) as [Order, Order, Order, Order, Order];
    const shipA = await ship(gateway, orderA.id, [{ lineId: orderA.line, quantity: 3 }]);
    const shipB = await ship(gateway, orderB.id, [{ lineId: orderB.line, quantity: 3 }]);
    const shipC = await ship(gateway, orderC.id, [{ lineId: orderC.line, quantity: 3 }]);
    const shipE = await ship(gateway, orderE.id, [{ lineId: orderE.line, quantity: 2 }]);
    const { recordCarrierCharge } = await execute<{ recordCarrierCharge: { __typename: string } }>(
      gateway,
      `mutation ($input: RecordCarrierChargeInput!) { recordCarrierCharge(input: $input) { __typename } }`,
      { input: { shipmentId: shipE, carrierChargeId: "LG-1", type: "LIFTGATE", amount: "35.00" } },
    );
    expect(recordCarrierCharge.__typename).toBe("CarrierCharge");
    for (const [order, shipment] of [
      [orderA, shipA],
      [orderB, shipB],
      [orderC, shipC],
      [orderE, shipE],
    ] as const)
      await issued(gateway, order.id, [shipment]);
    const returnC = await requestReturn(gateway, orderC.id, [{ lineId: orderC.line, quantity: 1 }]);
    expect(
      (
        await receiveReturn(gateway, returnC, [
          { lineId: orderC.line, received: 1, disposition: "RESTOCK" },
        ])
      ).__typename,
    ).toBe("Return");
    await closed(gateway, returnC);
    const to = new Date(Date.now() + 60_000);
    // Settled means every shipment's stock movement is in, not only an empty list: a shipment
    // still inside its grace period is not judged yet, so an empty list alone can come too early.
    const movedOut = (found: Report, orderId: string) =>
      found.orders
        .find((row) => row.order.id === orderId)
        ?.lines.some((line) => line.movements.some((m) => m.kind === "SHIPMENT")) === true;
    await waitFor(
      async () => {
        const found = await report(from, to);
        const settled =
          found.discrepancies.length === 0 &&
          [orderA, orderB, orderC, orderE].every((order) => movedOut(found, order.id));
        return settled ? true : undefined;
      },
      {
        description:
          "the seeded period to reconcile, every shipment's stock moved, before any fault",
      },
    );

    // The faults, written straight into the services' databases.
    await withStore("billing", (store) =>
      store.collection("invoices").deleteOne({ shipmentId: shipA }),
    );
    await withStore("inventory", async (store) => {
      const movements = store.collection<{ _id: string; reference: string | null }>("movements");
      const [taken] = await movements.find({ reference: shipB, kind: "SHIPMENT" });
      if (!taken) throw new Error("no movement of shipment B");
      await movements.insertOne({ ...taken, _id: randomUUID() });
    });
    const orphanCredit = await injectCreditNoteWithoutReturn(shipC);
    const shipD = `shp_${randomUUID()}`;
    await withStore("shipments", (store) =>
      store.collection("shipments").insertOne({
        _id: shipD,
        orderId: orderD.id,
        customerId: orders[3]!.customerId,
        warehouse: "AMS1",
        lines: [{ lineId: orderD.line, sku: "REC-MUG", quantity: 3 }],
        carrier: "UPS",
        service: "Standard",
        trackingNumber: "1ZLOSTEVENT",
        trackingKey: "ups:1zlostevent",
        shippedAt: new Date(),
        shippingCharge: 400,
        currency: "EUR",
        status: "SHIPPED",
        milestones: [],
        confirmedAt: new Date(),
        confirmedEventId: randomUUID(),
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // past the grace period

    const found = await report(from, to);
    const summary = (list: { kind: string; reference: string | null; owner: string }[]) =>
      list.map((d) => `${d.kind} ${d.reference ?? ""} ${d.owner}`).sort();
    expect(summary(found.discrepancies)).toEqual(
      [
        `SHIPPED_NOT_INVOICED ${shipA} FINANCE`,
        `STOCK_MOVEMENT_DOUBLED ${shipB} OPERATIONS`,
        `CREDIT_WITHOUT_RETURN ${orphanCredit} FINANCE`,
        `SHIPPED_NOT_INVOICED ${shipD} FINANCE`,
        `STOCK_MOVEMENT_MISSING ${shipD} OPERATIONS`,
      ].sort(),
    );
    expect(found.discrepancies.filter((d) => d.healable).map((d) => d.reference)).toEqual([
      shipD,
      shipD,
    ]);
    const rowOf = (orderId: string) => found.orders.find((row) => row.order.id === orderId);
    expect(rowOf(orderE.id)?.lines[0]).toMatchObject({
      ordered: 3,
      shipped: 2,
      invoiced: 2,
      returned: 0,
      credited: 0,
    });
    expect(rowOf(orderE.id)?.charged).toEqual({ amount: "35.00" });
    expect(rowOf(orderC.id)?.lines[0]).toMatchObject({ shipped: 3, invoiced: 3, returned: 1 });

    // The command line tells the same.
    const cli = await promisify(execFile)(
      process.execPath,
      ["scripts/reconcile.ts", "--from", from.toISOString(), "--to", to.toISOString(), "--json"],
      { env: { ...process.env, GATEWAY_URL: gateway, WAYBILL_API_KEY: system.adminApiKey } },
    );
    const printed = JSON.parse(cli.stdout) as Report;
    expect(summary(printed.discrepancies)).toEqual(summary(found.discrepancies));

    const { runReconciliationSweep: swept } = await execute<{
      runReconciliationSweep: { healed: number; raised: number; cleared: number };
    }>(gateway, `mutation { runReconciliationSweep { healed raised cleared } }`);
    expect(swept).toEqual({ healed: 1, raised: 3, cleared: 0 });
    // The lost confirmation, published again, reaches billing and inventory once.
    await issued(gateway, orderD.id, [shipD]);

    const after = await waitFor(
      async () => {
        const second = await report(from, to);
        return second.discrepancies.length === 0 ? second : undefined;
      },
      { description: "a second report with nothing left unowned" },
    );
    expect(summary(after.exceptions)).toEqual(
      [
        `SHIPPED_NOT_INVOICED ${shipA} FINANCE`,
        `STOCK_MOVEMENT_DOUBLED ${shipB} OPERATIONS`,
        `CREDIT_WITHOUT_RETURN ${orphanCredit} FINANCE`,
      ].sort(),
    );
    const healedRow = after.orders.find((row) => row.order.id === orderD.id)?.lines[0];
    expect(healedRow).toMatchObject({ shipped: 3, invoiced: 3 });
    expect(healedRow?.movements).toEqual([{ kind: "SHIPMENT", quantity: 3 }]);

    // The sweep's findings are metrics.
    const metrics = await (await fetch(new URL("/metrics", gateway))).text();
    expect(metrics).toMatch(
      /waybill_reconciliation_healed_total\{[^}]*kind="SHIPPED_NOT_INVOICED"[^}]*\} 1/,
    );
    expect(metrics).toMatch(
      /waybill_reconciliation_open_exceptions\{[^}]*kind="STOCK_MOVEMENT_DOUBLED"[^}]*\} 1/,
    );

    // A second sweep raises nothing again and heals nothing.
    const { runReconciliationSweep: again } = await execute<{
      runReconciliationSweep: { healed: number; raised: number };
    }>(gateway, `mutation { runReconciliationSweep { healed raised } }`);
    expect(again).toEqual({ healed: 0, raised: 0 });
  });

  it("refuses a period that ends before it starts", async () => {
    const answer = await execute(gateway, REPORT, {
      from: new Date().toISOString(),
      to: new Date(Date.now() - 1_000).toISOString(),
    }).catch((error: Error) => error.message);
    expect(answer).toContain("BAD_USER_INPUT");
  });
});

type Order = { id: string; line: string };

/** Writes a credit note for a return that never existed against the shipment's invoice. */
async function injectCreditNoteWithoutReturn(shipmentId: string) {
  return withStore("billing", async (store) => {
    const invoice = await store
      .collection<{
        _id: string;
        number: string;
        orderId: string;
        customerId: string;
        lines: { lineId: string; sku: string; unitPrice: number; taxRatePpm: number }[];
      }>("invoices")
      .findOne({ shipmentId });
    const [line] = invoice?.lines ?? [];
    if (!invoice || !line) throw new Error(`no invoice of ${shipmentId}`);
    const id = `cn_${randomUUID()}`;
    const net = line.unitPrice;
    const tax = Math.round((net * line.taxRatePpm) / 1_000_000);
    await store.collection("credit_notes").insertOne({
      _id: id,
      number: "CN-1999-999999",
      reason: "RETURN",
      invoiceId: invoice._id,
      invoiceNumber: invoice.number,
      orderId: invoice.orderId,
      shipmentId,
      customerId: invoice.customerId,
      currency: "EUR",
      returnId: "rma_never_received",
      lines: [{ ...line, quantity: 1, net, tax }],
      charges: [],
      shippingRefund: 0,
      shippingTax: 0,
      subtotal: net,
      taxTotal: tax,
      total: net + tax,
      issuedAt: new Date(),
    });
    return id;
  });
}
