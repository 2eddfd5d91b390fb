// Carrier charges through billing's consumer: re-billed on the invoice before issue, on an
// adjustment note after, once per charge id; costed only by type; the order's shipping margin.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isRetryLater } from "@waybill/bus";
import { billingHarness, type BillingHarness } from "./harness.ts";
import { charge, confirmed, delivered, placed } from "./fixtures.ts";

let billing: BillingHarness;

beforeEach(async () => {
  billing = await billingHarness();
});

afterEach(() => billing.close());

const year = new Date().getUTCFullYear();

async function orderOf(policy: "ON_SHIPMENT" | "ON_DELIVERY", harness = billing) {
  await harness.deliver(
    "orders.order.placed",
    placed(
      "o1",
      [
        [2, 1000, 70_000],
        [1, 1000, 200_000],
      ],
      { billingPolicy: policy },
    ),
  );
  await harness.deliver("shipments.shipment.confirmed", confirmed("o1", "s1", { 1: 2, 2: 1 }));
  return harness.invoiceOf("s1");
}

describe("a carrier charge", () => {
  it("re-billed before issue goes on the invoice, taxed like shipping, and is issued with it", async () => {
    const draft = await orderOf("ON_DELIVERY");
    await billing.deliver(
      "shipments.carrier_charge.recorded",
      charge("o1", "s1", "c1", "LIFTGATE", 2500),
    );

    const invoice = await billing.invoiceOf("s1");
    // Shipping and charges are taxed at the highest rate among the lines: 20 %.
    expect(invoice.charges).toEqual([
      {
        chargeId: "c1",
        type: "LIFTGATE",
        description: null,
        amount: 2500,
        taxRatePpm: 200_000,
        tax: 500,
      },
    ]);
    expect([invoice.subtotal, invoice.taxTotal, invoice.total]).toEqual([
      draft.subtotal + 2500,
      draft.taxTotal + 500,
      draft.total + 3000,
    ]);
    expect(await billing.adjustmentNotes()).toEqual([]);

    await billing.deliver("shipments.milestone.recorded", delivered("o1", "s1", 3));
    expect(await billing.emitted("billing.invoice.issued")).toMatchObject([
      { total: { amount: draft.total + 3000 } },
    ]);
  });

  it("re-billed after issue raises adjustment notes, gapless in their own series", async () => {
    const issued = await orderOf("ON_SHIPMENT");
    await billing.deliver(
      "shipments.carrier_charge.recorded",
      charge("o1", "s1", "c1", "REDELIVERY", 1500),
    );
    await billing.deliver(
      "shipments.carrier_charge.recorded",
      charge("o1", "s1", "c2", "RESIDENTIAL", 333, 1833, "2026-03-05T09:00:00.000Z"),
    );

    const notes = await billing.adjustmentNotes();
    expect(
      notes.map((note) => [note.number, note.chargeId, note.amount, note.tax, note.total]),
    ).toEqual([
      [`AN-${year}-000001`, "c1", 1500, 300, 1800],
      [`AN-${year}-000002`, "c2", 333, 67, 400],
    ]);
    expect(await billing.invoiceOf("s1")).toEqual(issued);
    expect(await billing.emitted("billing.adjustment_note.issued")).toMatchObject([
      {
        adjustmentNoteId: notes[0]?._id,
        number: `AN-${year}-000001`,
        invoiceId: issued._id,
        invoiceNumber: issued.number,
        chargeId: "c1",
        type: "REDELIVERY",
        total: { amount: 1800, currency: "EUR" },
      },
      { chargeId: "c2" },
    ]);
  });

  it("told twice is billed once", async () => {
    await orderOf("ON_SHIPMENT");
    const id = await billing.deliver(
      "shipments.carrier_charge.recorded",
      charge("o1", "s1", "c1", "REDELIVERY", 1500),
    );
    await billing.deliver(
      "shipments.carrier_charge.recorded",
      charge("o1", "s1", "c1", "REDELIVERY", 1500),
      id,
    );
    await billing.deliver(
      "shipments.carrier_charge.recorded",
      charge("o1", "s1", "c1", "REDELIVERY", 1500),
    );
    expect(await billing.adjustmentNotes()).toHaveLength(1);
    expect(await billing.db.charges.countDocuments({})).toBe(1);
  });

  it("of a type not re-billed is only a cost; configuration decides the types", async () => {
    await orderOf("ON_DELIVERY");
    await billing.deliver(
      "shipments.carrier_charge.recorded",
      charge("o1", "s1", "c1", "FUEL", 300),
    );
    expect((await billing.invoiceOf("s1")).charges).toEqual([]);

    const fuelRebilled = await billingHarness(new Set(["FUEL"]));
    try {
      await orderOf("ON_DELIVERY", fuelRebilled);
      await fuelRebilled.deliver(
        "shipments.carrier_charge.recorded",
        charge("o1", "s1", "c1", "FUEL", 300),
      );
      await fuelRebilled.deliver(
        "shipments.carrier_charge.recorded",
        charge("o1", "s1", "c2", "LIFTGATE", 2500),
      );
      expect((await fuelRebilled.invoiceOf("s1")).charges?.map((line) => line.type)).toEqual([
        "FUEL",
      ]);
    } finally {
      await fuelRebilled.close();
    }
  });

  it("that overtakes its shipment's confirmation waits for it", async () => {
    await billing.deliver("orders.order.placed", placed("o1", [[1, 1000, 200_000]]));
    await expect(
      billing.deliver(
        "shipments.carrier_charge.recorded",
        charge("o1", "s1", "c1", "LIFTGATE", 2500),
      ),
    ).rejects.toSatisfy(isRetryLater);
  });

  it("counts in the order's shipping margin: charged shipping and re-billed charges, against the latest cost told", async () => {
    await orderOf("ON_DELIVERY");
    // Told out of order: the later charge's cost (every charge so far) wins.
    await billing.deliver(
      "shipments.carrier_charge.recorded",
      charge("o1", "s1", "c2", "FUEL", 300, 2800, "2026-03-05T09:00:00.000Z"),
    );
    await billing.deliver(
      "shipments.carrier_charge.recorded",
      charge("o1", "s1", "c1", "LIFTGATE", 2500, 2500, "2026-03-04T09:00:00.000Z"),
    );
    const { data, errors } = await billing.query<{
      _entities: { shippingMargin: Record<string, { amount: string }> }[];
    }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) {
         ... on Order { shippingMargin { charged { amount } cost { amount } margin { amount } } } } }`,
      { representations: [{ __typename: "Order", id: "o1" }] },
    );
    expect(errors).toEqual([]);
    expect(data?._entities[0]?.shippingMargin).toEqual({
      charged: { amount: "29.95" },
      cost: { amount: "28.00" },
      margin: { amount: "1.95" },
    });
  });
});
