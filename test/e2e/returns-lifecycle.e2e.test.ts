// A return's life through the gateway: requested, received by a warehouse with a disposition per
// line, booked by inventory (restocked units fill backorders, scrapped ones never become stock),
// cancelled while requested; duplicates, bad input and who may do what.
import type { VariablesOf } from "@graphql-typed-document-node/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@waybill/devtools";
import {
  CANCEL_RETURN,
  RECEIVE_RETURN,
  REQUEST_RETURN,
  RETURN_DETAIL,
  RETURNS_TO_RECEIVE,
} from "../documents/returns.ts";
import { execute, nodes, request } from "../support/graphql.ts";
import { productStock, reservationsOf, stockedProduct } from "../support/inventory.ts";
import { createCustomer, placeWhenSkusKnown } from "../support/orders.ts";
import { confirmWhenKnown } from "../support/shipments.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

type ReceiveInput = VariablesOf<typeof RECEIVE_RETURN>["input"];
type CancelInput = VariablesOf<typeof CANCEL_RETURN>["input"];
type Disposition = ReceiveInput["lines"][number]["disposition"];

let system: TestSystem;
let gateway: string;
let customerId: string;
const tokens: Record<"warehouse" | "agent" | "finance" | "customer" | "stranger", string> = {
  warehouse: "",
  agent: "",
  finance: "",
  customer: "",
  stranger: "",
};

beforeAll(async () => {
  system = await startTestSystem();
  gateway = system.gatewayUrl;
  customerId = await createCustomer(gateway);
  const stranger = await createCustomer(gateway);
  const { identities } = system;
  tokens.warehouse = await identities.token("warehouse");
  tokens.agent = await identities.token("agent");
  tokens.finance = await identities.token("finance");
  tokens.customer = await identities.token("customer", { customerId });
  tokens.stranger = await identities.token("customer", { customerId: stranger });
});

afterAll(async () => {
  await system?.dispose();
});

const as = (actor: keyof typeof tokens) => ({ authorization: `Bearer ${tokens[actor]}` });
const unique = (prefix: string) =>
  `${prefix}-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
const wait = { timeoutMs: 30_000, intervalMs: 100 };

/** Products stocked in AMS1, an order for `lines`, and a shipment of all of it from AMS1. */
async function shippedOrder(
  stock: Record<string, number>,
  lines: { sku: string; quantity: number }[],
) {
  for (const [sku, units] of Object.entries(stock))
    await stockedProduct(gateway, sku, { AMS1: units });
  const { orderId, lineIds } = await placeWhenSkusKnown(gateway, customerId, lines);
  const shipment = await confirmWhenKnown(gateway, {
    orderId,
    warehouse: "AMS1",
    lines: lineIds.map((lineId, index) => ({ lineId, quantity: lines[index]?.quantity ?? 0 })),
    carrier: "UPS",
    service: "Standard",
    trackingNumber: `1Z${orderId.slice(-10)}`,
    shippedAt: new Date().toISOString(),
    shippingCharge: "4.00",
  });
  if (shipment.__typename !== "Shipment") throw new Error(JSON.stringify(shipment));
  return { orderId, lineIds };
}

/** Requests a return as admin, asking again while returns has not heard of the shipment yet. */
function requestReturn(orderId: string, lines: { lineId: string; quantity: number }[]) {
  return waitFor(
    async () => {
      const { requestReturn: result } = await execute(gateway, REQUEST_RETURN, {
        input: { orderId, reason: "arrived damaged", lines },
      });
      if (result.__typename === "Return") return result.id;
      if (result.__typename === "NothingShippedError") return undefined;
      throw new Error(JSON.stringify(result));
    },
    { description: "returns to know the shipment", ...wait },
  );
}

async function receive(input: ReceiveInput, actor: keyof typeof tokens = "warehouse") {
  const response = await request(gateway, RECEIVE_RETURN, { input }, as(actor));
  return { result: response.data?.receiveReturn, errors: response.errors };
}

async function cancel(input: CancelInput, actor: keyof typeof tokens) {
  const response = await request(gateway, CANCEL_RETURN, { input }, as(actor));
  return { result: response.data?.cancelReturn, errors: response.errors };
}

const receipt = (
  returnId: string,
  lines: [string, number, Disposition][],
  warehouse = "AMS1",
): ReceiveInput => ({
  returnId,
  warehouse,
  lines: lines.map(([lineId, received, disposition]) => ({ lineId, received, disposition })),
});

const returnOf = async (id: string) => (await execute(gateway, RETURN_DETAIL, { id })).return;

/** A received return as it stands: billing may have settled it, and returns closed it, already. */
const receivedOrClosed: unknown = expect.stringMatching(/^(RECEIVED|CLOSED)$/);

/** The stock movements of a SKU that reference `reference`, oldest first. */
async function movementsOf(sku: string, reference: string) {
  const product = await productStock(gateway, sku);
  return nodes(product.movements)
    .filter((movement) => movement.reference === reference)
    .reverse();
}

const booked = (sku: string, reference: string) =>
  waitFor(
    async () => {
      const found = await movementsOf(sku, reference);
      return found.length > 0 ? found : undefined;
    },
    { description: `inventory to book ${reference} for ${sku}`, ...wait },
  );

const codes = (errors: { extensions?: { code?: string } }[] | undefined) =>
  (errors ?? []).map((error) => error.extensions?.code);

describe("a return through the gateway", () => {
  it("is received in part: restocked units fill a backorder, scrapped ones never become stock", async () => {
    const [mug, tee] = [unique("RMUG"), unique("RTEE")];
    const {
      orderId,
      lineIds: [mugLine = "", teeLine = ""],
    } = await shippedOrder({ [mug]: 3, [tee]: 5 }, [
      { sku: mug, quantity: 3 },
      { sku: tee, quantity: 2 },
    ]);
    await waitFor(async () => (await productStock(gateway, mug)).onHand === 0, {
      description: "inventory to take the shipment off hand",
      ...wait,
    });
    const waiting = await placeWhenSkusKnown(gateway, customerId, [{ sku: mug, quantity: 2 }]);
    await waitFor(
      async () => (await reservationsOf(gateway, waiting.orderId))[0]?.backordered === 2,
      {
        description: "the second order to be backordered",
        ...wait,
      },
    );
    const teeBefore = await productStock(gateway, tee);
    expect([teeBefore.onHand, teeBefore.available]).toEqual([3, 3]);

    const returnId = await requestReturn(orderId, [
      { lineId: mugLine, quantity: 2 },
      { lineId: teeLine, quantity: 2 },
    ]);
    const { result, errors } = await receive(
      receipt(returnId, [
        [mugLine, 1, "RESTOCK"],
        [teeLine, 2, "SCRAP"],
      ]),
    );
    expect(errors).toBeUndefined();
    expect(result).toMatchObject({
      __typename: "Return",
      status: "RECEIVED",
      warehouse: "AMS1",
      lines: [
        { lineId: mugLine, sku: mug, quantity: 2, received: 1, disposition: "RESTOCK" },
        { lineId: teeLine, sku: tee, quantity: 2, received: 2, disposition: "SCRAP" },
      ],
    });

    expect(await booked(mug, returnId)).toEqual([
      { kind: "RETURN_RESTOCK", warehouse: "AMS1", quantity: 1, reference: returnId },
    ]);
    expect(await movementsOf(tee, returnId)).toEqual([
      { kind: "SCRAP", warehouse: "AMS1", quantity: 2, reference: returnId },
    ]);
    // Available grew by the restocked unit only, and the oldest backorder took it.
    const mugAfter = await productStock(gateway, mug);
    expect([mugAfter.onHand, mugAfter.reserved, mugAfter.available]).toEqual([1, 1, 0]);
    const teeAfter = await productStock(gateway, tee);
    expect([teeAfter.onHand, teeAfter.available]).toEqual([3, 3]);
    const [filled] = await reservationsOf(gateway, waiting.orderId);
    expect(filled).toMatchObject({ reserved: 1, backordered: 1, status: "OPEN" });

    // Billing settles it (here: a credit note for the invoiced units), then returns closes it.
    const closed = await waitFor(
      async () => {
        const found = await returnOf(returnId);
        return found?.status === "CLOSED" ? found : undefined;
      },
      { description: "billing to settle the return", ...wait },
    );
    expect(closed.closedAt).not.toBeNull();
    expect(closed.creditNoteIds).toHaveLength(1);
  });

  it("is received once: the same receipt again answers the return, another is refused, racing ones book once", async () => {
    const mug = unique("RDUP");
    const {
      orderId,
      lineIds: [line = ""],
    } = await shippedOrder({ [mug]: 6 }, [{ sku: mug, quantity: 6 }]);
    const first = await requestReturn(orderId, [{ lineId: line, quantity: 2 }]);
    const same = receipt(first, [[line, 2, "RESTOCK"]]);
    const original = await receive(same);
    const again = await receive(same);
    expect(again.result).toMatchObject({ __typename: "Return", status: receivedOrClosed });
    expect(again.result && "receivedAt" in again.result && again.result.receivedAt).toBe(
      original.result && "receivedAt" in original.result && original.result.receivedAt,
    );
    const other = await receive(receipt(first, [[line, 2, "SCRAP"]]));
    expect(other.result).toMatchObject({
      __typename: "ReturnAlreadyReceivedError",
      code: "ALREADY_RECEIVED",
      return: { status: receivedOrClosed },
    });

    const raced = await requestReturn(orderId, [{ lineId: line, quantity: 2 }]);
    const racing = await Promise.all(
      Array.from({ length: 4 }, () => receive(receipt(raced, [[line, 2, "VENDOR_RETURN"]]))),
    );
    expect(racing.map(({ result }) => result?.__typename)).toEqual(Array(4).fill("Return"));

    // Inventory reads the returns stream in order: once a later return is booked, every
    // receipt event before it would have been too.
    const later = await requestReturn(orderId, [{ lineId: line, quantity: 1 }]);
    await receive(receipt(later, [[line, 1, "SCRAP"]]));
    await booked(mug, later);
    expect(await movementsOf(mug, first)).toHaveLength(1);
    expect(await movementsOf(mug, raced)).toEqual([
      { kind: "VENDOR_RETURN", warehouse: "AMS1", quantity: 2, reference: raced },
    ]);
  });

  it("is cancelled only while requested, by staff or its own customer", async () => {
    const mug = unique("RCAN");
    const {
      orderId,
      lineIds: [line = ""],
    } = await shippedOrder({ [mug]: 2 }, [{ sku: mug, quantity: 2 }]);
    const returnId = await requestReturn(orderId, [{ lineId: line, quantity: 2 }]);
    const queue = await request(gateway, RETURNS_TO_RECEIVE, { first: 200 }, as("warehouse"));
    expect(nodes(queue.data?.returnsToReceive ?? { edges: [] }).map((r) => r.id)).toContain(
      returnId,
    );

    const input = { returnId, reason: "kept it after all" };
    expect(codes((await cancel(input, "warehouse")).errors)).toEqual(["FORBIDDEN"]);
    expect(codes((await cancel(input, "stranger")).errors)).toEqual(["FORBIDDEN"]);
    const cancelled = await cancel(input, "customer");
    expect(cancelled.result).toMatchObject({
      __typename: "Return",
      status: "CANCELLED",
      cancellationReason: "kept it after all",
    });
    expect((await cancel(input, "customer")).result).toMatchObject({ status: "CANCELLED" });
    expect((await receive(receipt(returnId, [[line, 2, "RESTOCK"]]))).result).toMatchObject({
      __typename: "InvalidReturnTransitionError",
      code: "INVALID_TRANSITION",
      to: "RECEIVED",
      return: { status: "CANCELLED" },
    });

    // A cancelled return counts nothing: the whole line may be returned again.
    const second = await requestReturn(orderId, [{ lineId: line, quantity: 2 }]);
    const secondReceipt = receipt(second, [[line, 2, "RESTOCK"]]);
    for (const actor of ["customer", "agent", "finance"] as const)
      expect(codes((await receive(secondReceipt, actor)).errors)).toEqual(["FORBIDDEN"]);
    expect((await receive(secondReceipt)).result).toMatchObject({ status: "RECEIVED" });
    expect((await cancel({ returnId: second, reason: "too late" }, "agent")).result).toMatchObject({
      __typename: "InvalidReturnTransitionError",
      code: "INVALID_TRANSITION",
      to: "CANCELLED",
      return: { status: receivedOrClosed },
    });
    const after = await request(gateway, RETURNS_TO_RECEIVE, { first: 200 }, as("warehouse"));
    const waitingIds = nodes(after.data?.returnsToReceive ?? { edges: [] }).map((r) => r.id);
    expect(waitingIds).not.toContain(returnId);
    expect(waitingIds).not.toContain(second);
  });

  it("refuses bad input with a coded error and writes nothing", async () => {
    const [mug, tee] = [unique("RBAD"), unique("RBAT")];
    const {
      orderId,
      lineIds: [mugLine = "", teeLine = ""],
    } = await shippedOrder({ [mug]: 2, [tee]: 2 }, [
      { sku: mug, quantity: 2 },
      { sku: tee, quantity: 1 },
    ]);
    const returnId = await requestReturn(orderId, [
      { lineId: mugLine, quantity: 1 },
      { lineId: teeLine, quantity: 1 },
    ]);
    const both = (mugUnits: number, teeUnits: number): [string, number, Disposition][] => [
      [mugLine, mugUnits, "RESTOCK"],
      [teeLine, teeUnits, "SCRAP"],
    ];
    const refused: [ReceiveInput, Record<string, unknown>][] = [
      [receipt("rma_missing", both(1, 1)), { code: "RETURN_NOT_FOUND", returnId: "rma_missing" }],
      [receipt(returnId, both(1, 1), "  "), { code: "INVALID_RETURN", field: "warehouse" }],
      [receipt(returnId, [[mugLine, 1, "RESTOCK"]]), { code: "INVALID_RETURN", field: "lines" }],
      [
        receipt(returnId, [[mugLine, 1, "RESTOCK"], ...both(1, 1)]),
        { code: "INVALID_RETURN", field: "lines.1.lineId" },
      ],
      [
        receipt(returnId, [["line_missing", 1, "RESTOCK"], ...both(1, 1)]),
        { code: "INVALID_RETURN", field: "lines.0.lineId" },
      ],
      [receipt(returnId, both(-1, 1)), { code: "INVALID_RETURN", field: "lines.0.received" }],
      [
        receipt(returnId, both(1, 2)),
        { code: "QUANTITY_EXCEEDS_SHIPPED", lineId: teeLine, shipped: 1, requested: 2 },
      ],
    ];
    for (const [input, expected] of refused) {
      const { result, errors } = await receive(input);
      expect(errors, JSON.stringify(input)).toBeUndefined();
      expect(result, JSON.stringify(input)).toMatchObject(expected);
    }
    const badEnum = await request<{ receiveReturn?: unknown }>(
      gateway,
      `mutation ($input: ReceiveReturnInput!) { receiveReturn(input: $input) { __typename } }`,
      {
        input: {
          ...receipt(returnId, both(1, 1)),
          lines: [{ lineId: mugLine, received: 1, disposition: "BURN" }],
        },
      },
      as("warehouse"),
    );
    expect(codes(badEnum.errors).length).toBe(1);
    expect(badEnum.data?.receiveReturn ?? null).toBeNull();
    expect((await cancel({ returnId, reason: " " }, "agent")).result).toMatchObject({
      code: "INVALID_RETURN",
      field: "reason",
    });

    expect(await returnOf(returnId)).toMatchObject({
      status: "REQUESTED",
      warehouse: null,
      receivedAt: null,
      cancelledAt: null,
      lines: [
        { lineId: mugLine, received: null, disposition: null },
        { lineId: teeLine, received: null, disposition: null },
      ],
    });
    expect(await movementsOf(mug, returnId)).toEqual([]);
  });
});
