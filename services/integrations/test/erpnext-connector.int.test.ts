import { writeFile } from "node:fs/promises";
import { waitFor } from "@waybill/devtools";
import { afterEach, describe, expect, it } from "vitest";
import type { ConnectorDeliveryRecord } from "../src/store/records.ts";
import {
  adjustLiftgate,
  confirmShipment,
  type ConnectorBed,
  creditMugs,
  issueInvoice,
  MAPPING,
  order,
  startConnectorBed,
} from "./fixtures/connectors.ts";

// The ERPNext site is test/support/erpnext-server.ts, which follows frappe's REST API pages and
// the Sales Invoice doctype (named in its header).

let bed: ConnectorBed;

afterEach(async () => {
  await bed.close();
});

const settled = (documentId: string, state: ConnectorDeliveryRecord["state"] = "delivered") =>
  waitFor(
    async () => {
      const record = await bed.connectors.repo.deliveryOf("erpnext", documentId);
      return record?.state === state && record;
    },
    { description: `${documentId} ${state}` },
  );

const invoiceNamed = (name: string | null) => bed.erp.invoices.find((doc) => doc.name === name);
const byReference = (reference: string) =>
  bed.erp.invoices.filter((doc) => doc["waybill_reference"] === reference);
const creates = () =>
  bed.erp.requests.filter((r) => r.method === "POST" && r.path === "/api/resource/Sales Invoice");

describe("ERPNext connector against a test ERPNext site", () => {
  it("makes an issued invoice one submitted Sales Invoice with only the shipped quantities, once", async () => {
    bed = await startConnectorBed();
    const ord = order("ord_1");
    // Three mugs and five pens were ordered; two mugs shipped.
    const event = issueInvoice(bed.billing, "inv_1", "INV-2026-000001", ord, [2, 0]);
    expect(await bed.consume(event)).toBe("handled");
    expect(await bed.consume(event)).toBe("duplicate");
    const delivery = await settled("inv_1");
    expect(bed.erp.invoices).toHaveLength(1);
    const [doc] = bed.erp.invoices;
    expect(delivery.externalId).toBe(doc?.name);
    expect(doc).toMatchObject({
      customer: "CUST-ACME",
      company: "Waybill Test Ltd",
      currency: "EUR",
      posting_date: "2026-12-03",
      waybill_reference: "INV-2026-000001",
      docstatus: 1,
    });
    expect(doc?.["is_return"]).toBeUndefined();
    expect(
      doc?.items.map(({ item_code, qty, rate, item_tax_template, sales_order }) => ({
        item_code,
        qty,
        rate,
        item_tax_template,
        sales_order,
      })),
    ).toEqual([
      {
        item_code: "MUG-01",
        qty: 2,
        rate: "12.50",
        item_tax_template: "GB VAT 20% - WT",
        sales_order: undefined,
      },
      {
        item_code: "SHIP",
        qty: 1,
        rate: "4.95",
        item_tax_template: "GB VAT 20% - WT",
        sales_order: undefined,
      },
    ]);
    // Billing's lines were read through the supergraph as finance, reading only.
    expect(bed.billing.principals[0]).toMatchObject({
      role: "finance",
      scopes: ["orders:read", "invoices:read", "shipments:read", "returns:read"],
    });
  });

  it("links the invoice of an order that came from ERPNext to its Sales Order rows", async () => {
    bed = await startConnectorBed();
    bed.erp.salesOrders.set("SAL-ORD-2026-00042", {
      name: "SAL-ORD-2026-00042",
      items: [
        { name: "so-row-a", idx: 1, item_code: "MUG-01" },
        { name: "so-row-b", idx: 2, item_code: "PEN-01" },
      ],
    });
    const ord = order("ord_2", "erpnext", "SAL-ORD-2026-00042");
    await bed.consume(issueInvoice(bed.billing, "inv_2", "INV-2026-000002", ord, [1, 4]));
    await settled("inv_2");
    const items = bed.erp.invoices[0]?.items ?? [];
    expect(
      items.map((item) => [item["item_code"], item["qty"], item["sales_order"], item["so_detail"]]),
    ).toEqual([
      ["MUG-01", 1, "SAL-ORD-2026-00042", "so-row-a"],
      ["PEN-01", 4, "SAL-ORD-2026-00042", "so-row-b"],
      ["SHIP", 1, undefined, undefined],
    ]);
  });

  it("makes a credit note a return against the right original invoice, with negative quantities", async () => {
    bed = await startConnectorBed();
    const ord = order("ord_3");
    await bed.consume(issueInvoice(bed.billing, "inv_3a", "INV-2026-000003", ord, [1, 0]));
    await bed.consume(issueInvoice(bed.billing, "inv_3b", "INV-2026-000004", ord, [2, 5]));
    const credit = creditMugs(
      bed.billing,
      "cn_1",
      "CN-2026-000001",
      { id: "inv_3b", number: "INV-2026-000004" },
      ord,
      2,
    );
    await bed.consume(credit);
    const delivery = await settled("cn_1");
    const original =
      (await bed.connectors.repo.deliveryOf("erpnext", "inv_3b"))?.externalId ?? null;
    const doc = invoiceNamed(delivery.externalId);
    expect(doc).toMatchObject({
      is_return: 1,
      return_against: original,
      waybill_reference: "CN-2026-000001",
      docstatus: 1,
    });
    expect(original).toBe(byReference("INV-2026-000004")[0]?.name);
    expect(doc?.items.map((item) => [item["item_code"], item["qty"], item["rate"]])).toEqual([
      ["MUG-01", -2, "12.50"],
    ]);
  });

  it("makes an adjustment note a debit note against its invoice", async () => {
    bed = await startConnectorBed();
    const ord = order("ord_4");
    await bed.consume(issueInvoice(bed.billing, "inv_4", "INV-2026-000005", ord, [1, 1]));
    await bed.consume(
      adjustLiftgate(
        bed.billing,
        "an_1",
        "AN-2026-000001",
        { id: "inv_4", number: "INV-2026-000005" },
        ord,
      ),
    );
    const delivery = await settled("an_1");
    const original = (await settled("inv_4")).externalId;
    expect(invoiceNamed(delivery.externalId)).toMatchObject({
      is_debit_note: 1,
      return_against: original,
      waybill_reference: "AN-2026-000001",
      docstatus: 1,
    });
    expect(
      invoiceNamed(delivery.externalId)?.items.map((item) => [
        item["item_code"],
        item["qty"],
        item["rate"],
      ]),
    ).toEqual([["CHG-LIFTGATE", 1, "35.00"]]);
  });

  for (const fault of ["5xx", "timeout"] as const)
    it(`ends with exactly one Sales Invoice when ERPNext created it but answered ${fault}`, async () => {
      bed = await startConnectorBed();
      bed.erp.failAfterCreate(fault);
      await bed.consume(
        issueInvoice(bed.billing, "inv_5", "INV-2026-000006", order("ord_5"), [3, 0]),
      );
      const delivery = await settled("inv_5");
      expect(creates()).toHaveLength(fault === "5xx" ? 1 : 0);
      expect(byReference("INV-2026-000006")).toHaveLength(1);
      expect(bed.erp.invoices).toHaveLength(1);
      expect(delivery.externalId).toBe(bed.erp.invoices[0]?.name);
      expect(delivery.attempts).toBe(2);
    });

  it("waits out a 429's Retry-After before sending again", async () => {
    bed = await startConnectorBed();
    bed.erp.rateLimitOnce(1);
    await bed.consume(
      issueInvoice(bed.billing, "inv_6", "INV-2026-000007", order("ord_6"), [1, 0]),
    );
    await settled("inv_6");
    const limited = bed.erp.requests.findIndex((r) => r.status === 429);
    expect(limited).toBe(0);
    expect(bed.erp.invoices).toHaveLength(1);
    const delivery = await bed.connectors.repo.deliveryOf("erpnext", "inv_6");
    // The attempt after the 429 was not made before the second it asked for.
    expect(
      (delivery?.deliveredAt?.getTime() ?? 0) - (delivery?.createdAt.getTime() ?? 0),
    ).toBeGreaterThanOrEqual(1_000);
  });

  it("renews a rejected token by reading the rotated secret file, without losing the delivery", async () => {
    bed = await startConnectorBed();
    await writeFile(bed.secretPath, bed.erp.rotateSecret());
    await bed.consume(
      issueInvoice(bed.billing, "inv_7", "INV-2026-000008", order("ord_7"), [1, 0]),
    );
    const delivery = await settled("inv_7");
    expect(bed.erp.requests[0]?.status).toBe(401);
    expect(bed.erp.requests.slice(1).every((r) => r.status === 200)).toBe(true);
    expect(bed.erp.invoices).toHaveLength(1);
    expect(delivery.attempts).toBe(1);
  });

  it("parks an unmapped item code as a master-data exception, and delivers on its retry once the mapping is fixed", async () => {
    bed = await startConnectorBed();
    await bed.writeMapping({ ...MAPPING, items: { "SKU-MUG": "MUG-01" } });
    await bed.consume(
      issueInvoice(bed.billing, "inv_8", "INV-2026-000009", order("ord_8"), [1, 2]),
    );
    const parked = await waitFor(
      async () => {
        const record = await bed.connectors.repo.deliveryOf("erpnext", "inv_8");
        return record?.parked && record;
      },
      { description: "inv_8 parked" },
    );
    expect(parked.state).toBe("failed");
    expect(parked.lastError).toContain("item SKU-PEN");
    expect(bed.erp.invoices).toHaveLength(0);
    const [exception] = await bed.exceptions.list({ status: "open" });
    expect(exception).toMatchObject({
      owner: "master_data",
      category: "missing_reference",
      status: "open",
    });
    expect(exception?.error).toContain("SKU-PEN");

    await bed.writeMapping(MAPPING);
    const retried = await bed.exceptions.retry(exception?._id ?? "");
    expect(retried).toMatchObject({ kind: "retried", record: { resolution: "applied on retry" } });
    const delivery = await settled("inv_8");
    expect(bed.erp.invoices).toHaveLength(1);
    expect(invoiceNamed(delivery.externalId)?.items.map((item) => item["item_code"])).toEqual([
      "MUG-01",
      "PEN-01",
      "SHIP",
    ]);
  });

  it("with Delivery Notes on, makes a confirmed shipment one submitted Delivery Note with its tracking, on the Sales Order", async () => {
    bed = await startConnectorBed({ ERPNEXT_DELIVERY_NOTES: "true" });
    bed.erp.warehouses.add("Stores - WT");
    bed.erp.salesOrders.set("SAL-ORD-2026-00007", {
      name: "SAL-ORD-2026-00007",
      items: [
        { name: "so-row-a", idx: 1, item_code: "MUG-01" },
        { name: "so-row-b", idx: 2, item_code: "PEN-01" },
      ],
    });
    const ord = order("ord_dn", "erpnext", "SAL-ORD-2026-00007");
    // Only the pens shipped, and ERPNext's answer to the create is lost.
    bed.erp.failAfterCreate("5xx");
    const event = confirmShipment(bed.billing, "shp_dn", ord, [0, 4]);
    expect(await bed.consume(event)).toBe("handled");
    expect(await bed.consume(event)).toBe("duplicate");
    const delivery = await settled("shp_dn");
    expect(delivery.kind).toBe("despatch");
    expect(bed.erp.deliveryNotes).toHaveLength(1);
    const [note] = bed.erp.deliveryNotes;
    expect(delivery.externalId).toBe(note?.name);
    expect(note).toMatchObject({
      customer: "CUST-ACME",
      waybill_reference: "shp_dn",
      lr_no: "1ZSHP_DN",
      lr_date: "2026-12-03",
      transporter_name: "UPS GROUND",
      docstatus: 1,
    });
    expect(note?.items).toEqual([
      expect.objectContaining({
        item_code: "PEN-01",
        qty: 4,
        warehouse: "Stores - WT",
        against_sales_order: "SAL-ORD-2026-00007",
        so_detail: "so-row-b",
      }),
    ]);
    // A shipment from a warehouse the mapping lacks is master data's, not a wrong note.
    await bed.consume(confirmShipment(bed.billing, "shp_wh", order("ord_wh"), [1, 0]));
    bed.billing.shipments.set("shp_wh", {
      ...bed.billing.shipments.get("shp_wh"),
      warehouse: "WH-9",
    });
    const parked = await waitFor(
      async () => {
        const record = await bed.connectors.repo.deliveryOf("erpnext", "shp_wh");
        return record?.parked && record;
      },
      { description: "shp_wh parked" },
    );
    expect(parked.lastError).toContain("warehouse WH-9");
    expect(bed.erp.deliveryNotes).toHaveLength(1);
  });

  it("takes no shipments unless Delivery Notes are on", async () => {
    bed = await startConnectorBed();
    const [run] = bed.connectors.runs;
    expect(run && "despatch" in run.connector).toBe(false);
    await bed.consume(confirmShipment(bed.billing, "shp_off", order("ord_off"), [1, 0]));
    const record = await settled("shp_off", "skipped");
    expect(record.lastError).toBe("takes no despatches");
    expect(bed.erp.deliveryNotes).toEqual([]);
  });
});
