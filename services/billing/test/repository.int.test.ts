// The repository's lists and upserts, against the embedded store.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestStore, type TestStore } from "@waybill/devtools";
import type { Session } from "@waybill/store";
import type { HoldRecord, InvoiceRecord } from "../src/store/records.ts";
import {
  billingRepository,
  prepareBillingStore,
  type BillingRepository,
} from "../src/store/repository.ts";

let opened: TestStore;
let repo: BillingRepository;

beforeEach(async () => {
  opened = await openTestStore("billing");
  await prepareBillingStore(opened.store);
  repo = billingRepository(opened.store);
});

afterEach(async () => {
  await opened.close();
});

const minute = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n));
const inTransaction = <R>(fn: (session: Session) => Promise<R>) => opened.store.withTransaction(fn);
const ids = (invoices: InvoiceRecord[]) => invoices.map((invoice) => invoice._id);

function invoice(id: string, fields: Partial<InvoiceRecord> = {}): InvoiceRecord {
  return {
    _id: id,
    series: "INV-2026",
    number: null,
    status: "DRAFT",
    policy: "ON_SHIPMENT",
    orderId: "ord_1",
    shipmentId: `shp_${id}`,
    customerId: "cus_1",
    currency: "EUR",
    lines: [],
    shippedQuantity: 1,
    shippingCharge: 0,
    shippingTax: 0,
    subtotal: 0,
    taxTotal: 0,
    total: 0,
    holds: [],
    collectionHolds: [],
    delivery: { deliveredAt: null, proofAt: null, proofWaived: false, deliveredQuantity: null },
    touched: false,
    shippedAt: minute(0),
    createdAt: minute(0),
    issuedAt: null,
    ...fields,
  };
}

const add = (...invoices: InvoiceRecord[]) =>
  inTransaction(async (session) => {
    for (const record of invoices) await repo.addInvoice(record, session);
  });

describe("invoice lists", () => {
  beforeEach(async () => {
    await add(
      invoice("i1", { createdAt: minute(1) }),
      invoice("i2", { createdAt: minute(2), status: "ISSUED", customerId: "cus_2" }),
      invoice("i3", { createdAt: minute(3), orderId: "ord_2", customerId: "cus_3" }),
      invoice("i4", { createdAt: minute(4), status: "ISSUED" }),
    );
  });

  const page = (first: number, after: [Date, string] | null = null) => ({ first, after });

  it("lists newest first, narrowed by order, status and the accounts the caller may see", async () => {
    expect(ids(await repo.invoicesPage({}, page(10)))).toEqual(["i4", "i3", "i2", "i1"]);
    expect(ids(await repo.invoicesPage({ orderId: "ord_1" }, page(10)))).toEqual([
      "i4",
      "i2",
      "i1",
    ]);
    expect(ids(await repo.invoicesPage({ status: "ISSUED", orderId: null }, page(10)))).toEqual([
      "i4",
      "i2",
    ]);
    expect(ids(await repo.invoicesPage({ accounts: ["cus_2", "cus_3"] }, page(10)))).toEqual([
      "i3",
      "i2",
    ]);
    expect(ids(await repo.invoicesPage({ accounts: [] }, page(10)))).toEqual([]);
  });

  it("reads a page after a sort key, with one row more when more follow", async () => {
    expect(ids(await repo.invoicesPage({}, page(2)))).toEqual(["i4", "i3", "i2"]);
    expect(ids(await repo.invoicesPage({}, page(2, [minute(3), "i3"])))).toEqual(["i2", "i1"]);
    expect(ids(await repo.invoicesPage({ orderId: "ord_1" }, page(1, [minute(4), "i4"])))).toEqual([
      "i2",
      "i1",
    ]);
  });

  it("gives the invoices created since a time, that time included", async () => {
    expect(ids(await repo.invoicesSince(minute(3))).sort()).toEqual(["i3", "i4"]);
  });
});

describe("invoices awaiting their proof of delivery", () => {
  const delivered = (at: Date, proofAt: Date | null = null) => ({
    deliveredAt: at,
    proofAt,
    proofWaived: false,
    deliveredQuantity: null,
  });
  const podMissing: HoldRecord = {
    reason: "POD_MISSING",
    detail: "no proof",
    heldAt: minute(9),
    releasedAt: null,
    releasedBy: null,
    comment: null,
  };

  it("are the unissued proof-of-delivery ones delivered by then, without proof or its hold", async () => {
    const pod = { policy: "ON_PROOF_OF_DELIVERY" as const };
    await add(
      invoice("due", { ...pod, delivery: delivered(minute(5)) }),
      invoice("due_at_limit", { ...pod, delivery: delivered(minute(10)) }),
      invoice("later", { ...pod, delivery: delivered(minute(11)) }),
      invoice("proved", { ...pod, delivery: delivered(minute(5), minute(6)) }),
      invoice("held", { ...pod, delivery: delivered(minute(5)), holds: [podMissing] }),
      invoice("issued", { ...pod, delivery: delivered(minute(5)), number: "INV-2026-000001" }),
      invoice("undelivered", pod),
      invoice("other_policy", { policy: "ON_DELIVERY", delivery: delivered(minute(5)) }),
    );
    expect(ids(await repo.awaitingProof(minute(10))).sort()).toEqual(["due", "due_at_limit"]);
  });
});

describe("order terms and single invoices", () => {
  it("records an order's terms, then replaces them", async () => {
    const terms = {
      _id: "ord_1",
      customerId: "cus_1",
      currency: "EUR",
      billingPolicy: "ON_SHIPMENT" as const,
      lines: [{ lineId: "l1", sku: "A", quantity: 1, unitPrice: 100, taxRatePpm: 0 }],
    };
    await inTransaction((session) => repo.recordTerms(terms, session));
    await inTransaction((session) =>
      repo.recordTerms({ ...terms, billingPolicy: "ON_DELIVERY" }, session),
    );
    expect(await inTransaction((session) => repo.orderTerms("ord_1", session))).toEqual({
      ...terms,
      billingPolicy: "ON_DELIVERY",
    });
  });

  it("finds an invoice by id and by shipment, and refuses a second one for a shipment", async () => {
    await add(invoice("i1"));
    const [byId, byShipment] = await inTransaction(async (session) => [
      await repo.findInvoice("i1", session),
      await repo.invoiceOfShipment("shp_i1", session),
    ]);
    expect([byId?._id, byShipment?._id]).toEqual(["i1", "i1"]);
    await expect(add(invoice("i2", { shipmentId: "shp_i1" }))).rejects.toMatchObject({
      code: 11000,
    });
  });
});
