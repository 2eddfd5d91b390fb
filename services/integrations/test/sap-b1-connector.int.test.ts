import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@waybill/devtools";
import { afterEach, describe, expect, it } from "vitest";
import { sapB1Config } from "../src/connectors/sap-b1/config.ts";
import { createSapB1 } from "../src/connectors/sap-b1/index.ts";
import type { SapB1Mapping } from "../src/connectors/sap-b1/mapping.ts";
import type { ConnectorDeliveryRecord } from "../src/store/records.ts";
import {
  adjustLiftgate,
  type ConnectorBed,
  creditMugs,
  issueInvoice,
  order,
  startConnectorBed,
} from "./fixtures/connectors.ts";
import { type B1Doc, startTestSapB1, type TestSapB1 } from "./support/sap-b1-server.ts";

// The Service Layer is test/support/sap-b1-server.ts, which follows SAP's Service Layer
// documentation (named in its header).

const MAPPING: SapB1Mapping = {
  customers: { cus_1: "C20000" },
  items: { "SKU-MUG": "A-MUG", "SKU-PEN": "A-PEN" },
  taxCodes: { "20": "VAT20" },
  shipping: { itemCode: "S-SHIP", taxCode: "VAT20" },
  charges: { LIFTGATE: "S-LIFTGATE" },
  warehouseCode: "01",
  salesOrderChannel: "sap-b1",
};

let bed: ConnectorBed;
let sl: TestSapB1;
let dir: string;
let mappingPath: string;

const writeMapping = (mapping: unknown) => writeFile(mappingPath, JSON.stringify(mapping));

async function start() {
  sl = await startTestSapB1({ slowMs: 1_500 });
  sl.businessPartners.add("C20000");
  for (const item of ["A-MUG", "A-PEN", "S-SHIP", "S-LIFTGATE"]) sl.items.add(item);
  sl.taxCodes.add("VAT20");
  dir = await mkdtemp(join(tmpdir(), "waybill-sap-b1-"));
  mappingPath = join(dir, "sap-b1-mapping.json");
  const passwordPath = join(dir, "sap-b1-password");
  await writeMapping(MAPPING);
  await writeFile(passwordPath, sl.password);
  bed = await startConnectorBed(
    {
      CONNECTORS: "sap-b1",
      SAP_B1_URL: sl.url,
      SAP_B1_COMPANY_DB: sl.companyDb,
      SAP_B1_USER: sl.userName,
      SAP_B1_PASSWORD_FILE: passwordPath,
      SAP_B1_MAPPING_FILE: mappingPath,
      SAP_B1_TIMEOUT_SECONDS: "0.5",
    },
    { connector: { name: "sap-b1", create: (env) => createSapB1(sapB1Config(env)).connector } },
  );
}

afterEach(async () => {
  await bed.close();
  await sl.close();
  await rm(dir, { recursive: true, force: true });
});

const settled = (documentId: string, state: ConnectorDeliveryRecord["state"] = "delivered") =>
  waitFor(
    async () => {
      const record = await bed.connectors.repo.deliveryOf("sap-b1", documentId);
      return record?.state === state && record;
    },
    { description: `${documentId} ${state}` },
  );

const parked = (documentId: string) =>
  waitFor(
    async () => {
      const record = await bed.connectors.repo.deliveryOf("sap-b1", documentId);
      return record?.parked && record;
    },
    { description: `${documentId} parked` },
  );

const entry = (docs: B1Doc[], externalId: string | null) =>
  docs.find((doc) => String(doc.DocEntry) === externalId);
const byReference = (docs: B1Doc[], reference: string) =>
  docs.filter((doc) => doc["NumAtCard"] === reference);
const creates = (entity: "Invoices" | "CreditNotes") =>
  sl.requests.filter((r) => r.method === "POST" && r.path === `/b1s/v1/${entity}`);
const lines = (doc: B1Doc | undefined) =>
  doc?.DocumentLines.map(
    ({ ItemCode, Quantity, UnitPrice, TaxCode, BaseType, BaseEntry, BaseLine }) => ({
      ItemCode,
      Quantity,
      UnitPrice,
      TaxCode,
      BaseType,
      BaseEntry,
      BaseLine,
    }),
  );

describe("SAP Business One connector against a test Service Layer", () => {
  it("bases the invoice of a partly shipped B1 sales order on its lines, with only the shipped quantities", async () => {
    await start();
    // Three mugs and five pens ordered in B1; two mugs ship first, then the rest.
    const salesOrder = sl.addOrder("C20000", [
      ["A-MUG", 3],
      ["A-PEN", 5],
    ]);
    const ord = order("ord_1", "sap-b1", String(salesOrder));
    const first = issueInvoice(bed.billing, "inv_1", "INV-2026-000001", ord, [2, 0]);
    expect(await bed.consume(first)).toBe("handled");
    expect(await bed.consume(first)).toBe("duplicate");
    const delivery = await settled("inv_1");
    expect(sl.invoices).toHaveLength(1);
    const doc = entry(sl.invoices, delivery.externalId);
    expect(doc).toMatchObject({
      CardCode: "C20000",
      DocDate: "2026-12-03",
      DocCurrency: "EUR",
      NumAtCard: "INV-2026-000001",
    });
    expect(lines(doc)).toEqual([
      {
        ItemCode: "A-MUG",
        Quantity: 2,
        UnitPrice: "12.50",
        TaxCode: "VAT20",
        BaseType: 17,
        BaseEntry: salesOrder,
        BaseLine: 0,
      },
      {
        ItemCode: "S-SHIP",
        Quantity: 1,
        UnitPrice: "4.95",
        TaxCode: "VAT20",
        BaseType: undefined,
        BaseEntry: undefined,
        BaseLine: undefined,
      },
    ]);
    expect(
      sl.requests.some((r) => r.method === "GET" && r.path === `/b1s/v1/Orders(${salesOrder})`),
    ).toBe(true);

    await bed.consume(issueInvoice(bed.billing, "inv_1b", "INV-2026-000002", ord, [1, 5]));
    const second = await settled("inv_1b");
    expect(
      entry(sl.invoices, second.externalId)?.DocumentLines.map((line) => [
        line.ItemCode,
        line["Quantity"],
        line["BaseLine"],
      ]),
    ).toEqual([
      ["A-MUG", 1, 0],
      ["A-PEN", 5, 1],
      ["S-SHIP", 1, undefined],
    ]);
    // B1 closed the sales order lines: everything ordered is now invoiced, nothing more.
    expect(
      sl.orders.get(salesOrder)?.DocumentLines.map((line) => line["RemainingOpenQuantity"]),
    ).toEqual([0, 0]);
  });

  it("parks the invoice of a B1 order whose sales order lines do not match, sending nothing", async () => {
    await start();
    // The sales order's first line is pens, where the order's first line is mugs.
    const salesOrder = sl.addOrder("C20000", [
      ["A-PEN", 5],
      ["A-MUG", 3],
    ]);
    const ord = order("ord_1c", "sap-b1", String(salesOrder));
    await bed.consume(issueInvoice(bed.billing, "inv_1c", "INV-2026-000013", ord, [2, 0]));
    const record = await parked("inv_1c");
    expect(record.lastError).toBe(`sales order ${salesOrder} has no line 0 for A-MUG (SKU-MUG)`);
    expect(creates("Invoices")).toHaveLength(0);
    const [exception] = await bed.exceptions.list({ status: "open" });
    expect(exception).toMatchObject({ owner: "master_data", category: "missing_reference" });
  });

  it("makes an invoice of another channel a standalone A/R invoice from the mapping", async () => {
    await start();
    await bed.consume(
      issueInvoice(bed.billing, "inv_2", "INV-2026-000003", order("ord_2"), [1, 4]),
    );
    const delivery = await settled("inv_2");
    const doc = entry(sl.invoices, delivery.externalId);
    expect(sl.requests.some((r) => r.path.startsWith("/b1s/v1/Orders"))).toBe(false);
    expect(
      doc?.DocumentLines.map((line) => [
        line.ItemCode,
        line["Quantity"],
        line["UnitPrice"],
        line["DiscountPercent"],
        line["WarehouseCode"],
        line["BaseType"],
      ]),
    ).toEqual([
      ["A-MUG", 1, "12.50", 0, "01", undefined],
      ["A-PEN", 4, "1.99", 0, "01", undefined],
      ["S-SHIP", 1, "4.95", 0, undefined, undefined],
    ]);
  });

  it("makes a credit note an A/R credit memo based on the right invoice, positive quantities, only the returned lines", async () => {
    await start();
    const ord = order("ord_3");
    await bed.consume(issueInvoice(bed.billing, "inv_3a", "INV-2026-000004", ord, [1, 0]));
    await bed.consume(issueInvoice(bed.billing, "inv_3b", "INV-2026-000005", ord, [2, 5]));
    await bed.consume(
      creditMugs(
        bed.billing,
        "cn_1",
        "CN-2026-000001",
        { id: "inv_3b", number: "INV-2026-000005" },
        ord,
        2,
      ),
    );
    const delivery = await settled("cn_1");
    const original = (await settled("inv_3b")).externalId;
    expect(original).toBe(String(byReference(sl.invoices, "INV-2026-000005")[0]?.DocEntry));
    expect(sl.creditNotes).toHaveLength(1);
    const doc = entry(sl.creditNotes, delivery.externalId);
    expect(doc).toMatchObject({ CardCode: "C20000", NumAtCard: "CN-2026-000001" });
    expect(lines(doc)).toEqual([
      {
        ItemCode: "A-MUG",
        Quantity: 2,
        UnitPrice: "12.50",
        TaxCode: "VAT20",
        BaseType: 13,
        BaseEntry: Number(original),
        BaseLine: 0,
      },
    ]);
    expect(
      entry(sl.invoices, original)?.DocumentLines.map((line) => line["RemainingOpenQuantity"]),
    ).toEqual([0, 5, 1]);
  });

  it("bills an adjustment note as a standalone A/R invoice for the charge, naming the original", async () => {
    await start();
    const ord = order("ord_4");
    await bed.consume(issueInvoice(bed.billing, "inv_4", "INV-2026-000006", ord, [1, 1]));
    await bed.consume(
      adjustLiftgate(
        bed.billing,
        "an_1",
        "AN-2026-000001",
        { id: "inv_4", number: "INV-2026-000006" },
        ord,
      ),
    );
    const delivery = await settled("an_1");
    const original = (await settled("inv_4")).externalId;
    const doc = entry(sl.invoices, delivery.externalId);
    expect(sl.invoices).toHaveLength(2);
    expect(doc).toMatchObject({ CardCode: "C20000", NumAtCard: "AN-2026-000001" });
    expect(doc?.["Comments"]).toContain("INV-2026-000006");
    expect(doc?.["Comments"]).toContain(`DocEntry ${original ?? ""}`);
    expect(lines(doc)).toEqual([
      {
        ItemCode: "S-LIFTGATE",
        Quantity: 1,
        UnitPrice: "35.00",
        TaxCode: "VAT20",
        BaseType: undefined,
        BaseEntry: undefined,
        BaseLine: undefined,
      },
    ]);
  });

  for (const fault of ["5xx", "timeout"] as const)
    it(`ends with exactly one A/R invoice when B1 created it but answered ${fault}`, async () => {
      await start();
      sl.failAfterCreate(fault);
      await bed.consume(
        issueInvoice(bed.billing, "inv_5", "INV-2026-000007", order("ord_5"), [3, 0]),
      );
      const delivery = await settled("inv_5");
      expect(delivery.attempts).toBe(2);
      // The late answer to the timed-out create is recorded when it finally goes out.
      await waitFor(() => creates("Invoices").length === 1, { description: "the create answered" });
      expect(creates("Invoices")).toHaveLength(1);
      expect(byReference(sl.invoices, "INV-2026-000007")).toHaveLength(1);
      expect(sl.invoices).toHaveLength(1);
      expect(delivery.externalId).toBe(String(sl.invoices[0]?.DocEntry));
    });

  for (const status of [429, 503] as const)
    it(`waits out a ${status}'s Retry-After before sending again`, async () => {
      await start();
      sl.rateLimitOnce(1, status);
      await bed.consume(
        issueInvoice(bed.billing, "inv_6", "INV-2026-000008", order("ord_6"), [1, 0]),
      );
      const delivery = await settled("inv_6");
      expect(sl.requests.findIndex((r) => r.status === status)).toBe(0);
      expect(sl.invoices).toHaveLength(1);
      // The attempt after it was not made before the second it asked for.
      expect(
        (delivery.deliveredAt?.getTime() ?? 0) - delivery.createdAt.getTime(),
      ).toBeGreaterThanOrEqual(1_000);
    });

  it("logs in again when the session expired, without losing the delivery", async () => {
    await start();
    await bed.consume(
      issueInvoice(bed.billing, "inv_7a", "INV-2026-000009", order("ord_7"), [1, 0]),
    );
    await settled("inv_7a");
    expect(sl.logins).toBe(1);
    sl.expireSessions();
    const before = sl.requests.length;
    await bed.consume(
      issueInvoice(bed.billing, "inv_7b", "INV-2026-000010", order("ord_7b"), [1, 0]),
    );
    const delivery = await settled("inv_7b");
    expect(sl.logins).toBe(2);
    expect(sl.requests.slice(before).map((r) => [r.method, r.path, r.status])).toEqual([
      ["GET", "/b1s/v1/Invoices", 401],
      ["POST", "/b1s/v1/Login", 200],
      ["GET", "/b1s/v1/Invoices", 200],
      ["POST", "/b1s/v1/Invoices", 201],
    ]);
    expect(delivery.attempts).toBe(1);
    expect(sl.invoices).toHaveLength(2);
  });

  it("parks an unmapped item as a master-data exception, and delivers on its retry once the mapping is fixed", async () => {
    await start();
    await writeMapping({ ...MAPPING, items: { "SKU-MUG": "A-MUG" } });
    await bed.consume(
      issueInvoice(bed.billing, "inv_8", "INV-2026-000011", order("ord_8"), [1, 2]),
    );
    const record = await parked("inv_8");
    expect(record.state).toBe("failed");
    expect(record.lastError).toContain("item SKU-PEN");
    expect(creates("Invoices")).toHaveLength(0);
    const [exception] = await bed.exceptions.list({ status: "open" });
    expect(exception).toMatchObject({
      owner: "master_data",
      category: "missing_reference",
      status: "open",
    });
    expect(exception?.error).toContain("SKU-PEN");

    await writeMapping(MAPPING);
    const retried = await bed.exceptions.retry(exception?._id ?? "");
    expect(retried).toMatchObject({ kind: "retried", record: { resolution: "applied on retry" } });
    const delivery = await settled("inv_8");
    expect(sl.invoices).toHaveLength(1);
    expect(entry(sl.invoices, delivery.externalId)?.DocumentLines.map((l) => l.ItemCode)).toEqual([
      "A-MUG",
      "A-PEN",
      "S-SHIP",
    ]);
  });

  it("parks a business partner B1 does not know with B1's message, for master data", async () => {
    await start();
    await writeMapping({ ...MAPPING, customers: { cus_1: "C99999" } });
    await bed.consume(
      issueInvoice(bed.billing, "inv_9", "INV-2026-000012", order("ord_9"), [1, 0]),
    );
    const record = await parked("inv_9");
    expect(record.lastError).toBe("SAP B1 400 (-10): Invalid BP code 'C99999'");
    expect(sl.invoices).toHaveLength(0);
    const [exception] = await bed.exceptions.list({ status: "open" });
    expect(exception).toMatchObject({ owner: "master_data", category: "missing_reference" });
  });
});
