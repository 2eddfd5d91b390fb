// Credit and adjustment notes through billing's subgraph schema: their fields, the order's totals,
// and who may read them (as invoices: customers their own, staff all; margins staff only).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testPrincipal } from "@waybill/devtools";
import { billingHarness, type BillingHarness } from "./harness.ts";
import { charge, confirmed, placed, received, voided } from "./fixtures.ts";

let billing: BillingHarness;

const customer = (customerId: string) => testPrincipal("customer", { customerId });
const finance = testPrincipal("finance");
const codes = (errors: readonly { extensions: Record<string, unknown> }[]) =>
  errors.map((error) => error.extensions.code);

/** Per customer: an order of 3 units shipped in full, 1 returned, a liftgate after issue. */
beforeAll(async () => {
  billing = await billingHarness();
  for (const [orderId, customerId] of [
    ["o1", "cus_1"],
    ["o2", "cus_2"],
  ] as const) {
    await billing.deliver(
      "orders.order.placed",
      placed(orderId, [[3, 1000, 200_000]], { customerId, shippingRefund: "ALWAYS" }),
    );
    await billing.deliver(
      "shipments.shipment.confirmed",
      confirmed(orderId, `${orderId}-s1`, { 1: 3 }, 495, customerId),
    );
    await billing.deliver("returns.return.received", {
      ...received(orderId, `${orderId}-r1`, { 1: 1 }),
      customerId,
    });
    await billing.deliver("shipments.carrier_charge.recorded", {
      ...charge(orderId, `${orderId}-s1`, `${orderId}-c1`, "LIFTGATE", 2500),
      customerId,
    });
  }
});

afterAll(() => billing.close());

const noteOf = async (orderId: string) => {
  const [note] = await billing.creditNotes({ orderId });
  if (!note) throw new Error(`no credit note of ${orderId}`);
  return note;
};

describe("credit notes through the schema", () => {
  it("show their lines at the invoiced price and tax, the refund, the invoice and the return", async () => {
    const note = await noteOf("o1");
    const { data, errors } = await billing.query(
      `query ($id: ID!) { creditNote(id: $id) {
         number reason returnId return { id } order { id } invoice { number creditedTotal { amount } }
         lines { lineId quantity unitPrice { amount } taxRate netAmount { amount } taxAmount { amount } }
         shippingRefund { amount } subtotal { amount } taxTotal { amount } total { amount currency } } }`,
      { id: note._id },
      customer("cus_1"),
    );
    expect(errors).toEqual([]);
    expect(data?.creditNote).toEqual({
      number: note.number,
      reason: "RETURN",
      returnId: "o1-r1",
      return: { id: "o1-r1" },
      order: { id: "o1" },
      invoice: { number: note.invoiceNumber, creditedTotal: { amount: "17.94" } },
      lines: [
        {
          lineId: "o1-1",
          quantity: 1,
          unitPrice: { amount: "10.00" },
          taxRate: "20",
          netAmount: { amount: "10.00" },
          taxAmount: { amount: "2.00" },
        },
      ],
      // ALWAYS: the first credit note refunds the shipping, 4.95 and its 0.99 tax.
      shippingRefund: { amount: "4.95" },
      subtotal: { amount: "14.95" },
      taxTotal: { amount: "2.99" },
      total: { amount: "17.94", currency: "EUR" },
    });
  });

  it("are read by their customer and staff only; a missing one reads like someone else's", async () => {
    const [own, other] = [await noteOf("o1"), await noteOf("o2")];
    const read = (id: string, principal = customer("cus_1")) =>
      billing.query(`query ($id: ID!) { creditNote(id: $id) { id } }`, { id }, principal);
    expect((await read(own._id)).data?.creditNote).toEqual({ id: own._id });
    expect(codes((await read(other._id)).errors)).toEqual(["FORBIDDEN"]);
    expect(codes((await read("cn_missing")).errors)).toEqual(["FORBIDDEN"]);
    expect((await read(other._id, finance)).data?.creditNote).toEqual({ id: other._id });
    expect((await read("cn_missing", finance)).data?.creditNote).toBeNull();
    expect(codes((await read(own._id, testPrincipal("warehouse"))).errors)).toEqual(["FORBIDDEN"]);
  });

  it("list newest first within [from, to), each caller only what it may see", async () => {
    const list = async (name: string, principal = customer("cus_1"), range = {}) => {
      const { data, errors } = await billing.query<
        Record<string, { edges: { node: { customerId: string } }[] }>
      >(
        `query ($from: DateTime, $to: DateTime) { ${name}(from: $from, to: $to) { edges { node { customerId } } } }`,
        range,
        principal,
      );
      expect(errors).toEqual([]);
      return data?.[name]?.edges.map((edge) => edge.node.customerId);
    };
    for (const name of ["creditNotes", "adjustmentNotes"]) {
      expect(await list(name)).toEqual(["cus_1"]);
      expect((await list(name, finance))?.sort()).toEqual(["cus_1", "cus_2"]);
      expect(await list(name, finance, { to: new Date(0).toISOString() })).toEqual([]);
      expect(await list(name, finance, { from: new Date(0).toISOString() })).toHaveLength(2);
    }
  });

  it("of a return are the caller's only, by reference too", async () => {
    const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Return { creditNotes { number } } ... on CreditNote { number } ... on AdjustmentNote { number } } }`;
    const [own, other] = [await noteOf("o1"), await noteOf("o2")];
    const [adjustment] = await billing.adjustmentNotes({ orderId: "o1" });
    const { data, errors } = await billing.query<{ _entities: unknown[] }>(
      query,
      {
        representations: [
          { __typename: "Return", id: "o1-r1" },
          { __typename: "Return", id: "o2-r1" },
          { __typename: "CreditNote", id: own._id },
          { __typename: "AdjustmentNote", id: adjustment?._id },
        ],
      },
      customer("cus_1"),
    );
    expect(errors).toEqual([]);
    expect(data?._entities).toEqual([
      { creditNotes: [{ number: own.number }] },
      { creditNotes: [] },
      { number: own.number },
      { number: adjustment?.number },
    ]);
    const refused = await billing.query(
      query,
      { representations: [{ __typename: "CreditNote", id: other._id }] },
      customer("cus_1"),
    );
    expect(codes(refused.errors)).toEqual(["FORBIDDEN"]);
  });
});

describe("an invoice and an order through the schema", () => {
  it("show the invoice's notes, and the order's totals to its customer only", async () => {
    const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Order {
        creditNotes { edges { node { number } } } adjustmentNotes { edges { node { number amount { amount } tax { amount } total { amount } } } }
        billedTotal { amount } creditedTotal { amount } netBilled { amount }
        invoices { edges { node { total { amount } creditedTotal { amount } charges { chargeId }
          creditNotes { number } adjustmentNotes { number type } } } } } } }`;
    const representations = [
      { __typename: "Order", id: "o1" },
      { __typename: "Order", id: "o2" },
    ];
    const { data, errors } = await billing.query<{ _entities: unknown[] }>(
      query,
      { representations },
      customer("cus_1"),
    );
    expect(errors).toEqual([]);
    const [cn] = await billing.creditNotes({ orderId: "o1" });
    const [an] = await billing.adjustmentNotes({ orderId: "o1" });
    // Invoice: 30.00 + 4.95 shipping, 20 % tax: 41.94. Adjustment: 25.00 + 5.00. Credit: 17.94.
    expect(data?._entities[0]).toEqual({
      creditNotes: { edges: [{ node: { number: cn?.number } }] },
      adjustmentNotes: {
        edges: [
          {
            node: {
              number: an?.number,
              amount: { amount: "25.00" },
              tax: { amount: "5.00" },
              total: { amount: "30.00" },
            },
          },
        ],
      },
      billedTotal: { amount: "71.94" },
      creditedTotal: { amount: "17.94" },
      netBilled: { amount: "54.00" },
      invoices: {
        edges: [
          {
            node: {
              total: { amount: "41.94" },
              creditedTotal: { amount: "17.94" },
              charges: [],
              creditNotes: [{ number: cn?.number }],
              adjustmentNotes: [{ number: an?.number, type: "LIFTGATE" }],
            },
          },
        ],
      },
    });
    expect(data?._entities[1]).toEqual({
      creditNotes: { edges: [] },
      adjustmentNotes: { edges: [] },
      billedTotal: null,
      creditedTotal: null,
      netBilled: null,
      invoices: { edges: [] },
    });
  });

  it("show the shipping margin to staff only", async () => {
    const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Order { shippingMargin { charged { amount } cost { amount } margin { amount } } } } }`;
    const representations = [{ __typename: "Order", id: "o1" }];
    const refused = await billing.query(query, { representations }, customer("cus_1"));
    expect(codes(refused.errors)).toEqual(["FORBIDDEN"]);
    const { data } = await billing.query<{ _entities: unknown[] }>(
      query,
      { representations },
      finance,
    );
    // Shipping refunded by the credit note (ALWAYS); the liftgate re-billed; cost 25.00.
    expect(data?._entities).toEqual([
      {
        shippingMargin: {
          charged: { amount: "25.00" },
          cost: { amount: "25.00" },
          margin: { amount: "0.00" },
        },
      },
    ]);
  });

  it("count invoices voided before issue in the figures", async () => {
    await billing.deliver(
      "orders.order.placed",
      placed("o3", [[1, 1000, 200_000]], { billingPolicy: "ON_DELIVERY" }),
    );
    await billing.deliver("shipments.shipment.confirmed", confirmed("o3", "o3-s1", { 1: 1 }));
    await billing.deliver("shipments.shipment.voided", voided("o3", "o3-s1", { 1: 1 }));
    const { data } = await billing.query<{ billingFigures: Record<string, number> }>(
      `{ billingFigures { drafts voided invoicesIssued } }`,
    );
    expect(data?.billingFigures).toEqual({ drafts: 0, voided: 1, invoicesIssued: 2 });
  });
});
