import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@waybill/devtools";
import { afterEach, describe, expect, it } from "vitest";
import { sage200Config } from "../src/connectors/sage200/config.ts";
import { createSage200 } from "../src/connectors/sage200/index.ts";
import type { Sage200Mapping } from "../src/connectors/sage200/mapping.ts";
import type { ConnectorDeliveryRecord } from "../src/store/records.ts";
import {
  type ConnectorBed,
  confirmShipment,
  creditMugs,
  issueInvoice,
  order,
  startConnectorBed,
} from "./fixtures/connectors.ts";
import { startTestSage200, type TestSage200 } from "./support/sage200-server.ts";

// Sage ID and the Sage 200 site are test/support/sage200-server.ts, which follows the Sage 200 API
// guides, Sage's Swagger for the SOP resources and the sales ledger field lists (named in its header).

const SAGE_MAPPING: Sage200Mapping = {
  customers: { cus_1: "ACME01" },
  stockCodes: { "SKU-MUG": "MUG-01", "SKU-PEN": "PEN-01" },
  warehouses: { "WH-1": "Main" },
  couriers: { UPS: 3 },
  taxCodes: { "20": 1 },
  shippingTax: { taxCode: 1, rate: "20" },
  nominalCodes: {
    goods: { code: "4000", costCentre: "", department: "" },
    shipping: { code: "4905", costCentre: "", department: "" },
    charges: { LIFTGATE: { code: "4906", costCentre: "", department: "" } },
  },
  salesOrderChannel: "sage200",
};

/** The sales order the Sage orders of these tests came from: three mugs and five pens. */
const SALES_ORDER = "0000000042";

type SageBed = ConnectorBed & {
  sage: TestSage200;
  refreshPath: string;
  writeSageMapping(mapping: unknown): Promise<void>;
};

let bed: SageBed;

afterEach(async () => {
  await bed.close();
});

async function startSageBed(): Promise<SageBed> {
  const sage = await startTestSage200({ slowMs: 1_500 });
  sage.customers.set("ACME01", 27006);
  sage.taxCodes.add(1);
  sage.couriers.add(3);
  sage.salesOrders.set(SALES_ORDER, {
    id: 501,
    document_no: SALES_ORDER,
    lines: [
      { id: 7001, item_code: "MUG-01", warehouse_name: "Main", quantity: 3, despatched: 0 },
      { id: 7002, item_code: "PEN-01", warehouse_name: "Main", quantity: 5, despatched: 0 },
    ],
  });
  const dir = await mkdtemp(join(tmpdir(), "waybill-sage200-"));
  const mappingPath = join(dir, "sage200-mapping.json");
  const refreshPath = join(dir, "sage200-refresh-token");
  const writeSageMapping = (mapping: unknown) => writeFile(mappingPath, JSON.stringify(mapping));
  await writeSageMapping(SAGE_MAPPING);
  await writeFile(refreshPath, sage.refreshToken);
  const base = await startConnectorBed(
    {
      SAGE200_URL: sage.url,
      SAGE200_TOKEN_URL: sage.tokenUrl,
      SAGE200_CLIENT_ID: sage.clientId,
      SAGE200_CLIENT_SECRET: sage.clientSecret,
      SAGE200_REFRESH_TOKEN_FILE: refreshPath,
      SAGE200_SITE_ID: sage.siteId,
      SAGE200_COMPANY_ID: sage.companyId,
      SAGE200_MAPPING_FILE: mappingPath,
      SAGE200_TIMEOUT_SECONDS: "0.5",
    },
    {
      connector: { name: "sage200", create: (env) => createSage200(sage200Config(env)).connector },
    },
  );
  const closeBase = base.close.bind(base);
  return Object.assign(base, {
    sage,
    refreshPath,
    writeSageMapping,
    async close() {
      await closeBase();
      await sage.close();
      await rm(dir, { recursive: true, force: true });
    },
  });
}

const settled = (documentId: string, state: ConnectorDeliveryRecord["state"] = "delivered") =>
  waitFor(
    async () => {
      const record = await bed.connectors.repo.deliveryOf("sage200", documentId);
      return record?.state === state && record;
    },
    { description: `${documentId} ${state}` },
  );

const creates = (resource: string) =>
  bed.sage.requests.filter((r) => r.method === "POST" && r.path.endsWith(resource));
const line = (id: number) =>
  bed.sage.salesOrders.get(SALES_ORDER)?.lines.find((candidate) => candidate.id === id);

describe("Sage 200 connector against a test Sage 200 site", () => {
  it("confirms a partial shipment as a despatch of the sales order with its tracking number and only the shipped quantities", async () => {
    bed = await startSageBed();
    const ord = order("ord_1", "sage200", SALES_ORDER);
    // Three mugs and five pens were ordered; two mugs shipped.
    const event = confirmShipment(bed.billing, "shp_1", ord, [2, 0]);
    expect(await bed.consume(event)).toBe("handled");
    expect(await bed.consume(event)).toBe("duplicate");
    const delivery = await settled("shp_1");
    expect(bed.sage.despatches).toHaveLength(1);
    const [despatch] = bed.sage.despatches;
    expect(delivery.externalId).toBe(despatch?.document_no);
    expect(despatch).toMatchObject({
      sop_order_id: 501,
      date: "2026-12-03T09:00:00.000Z",
      courier_id: 3,
      consignment_no: "1ZSHP_1",
      lines: [{ line_id: 7001, item_code: "MUG-01", quantity: 2 }],
    });
    expect(despatch?.notes).toContain("shp_1");
    expect(line(7001)?.despatched).toBe(2);
    expect(line(7002)?.despatched).toBe(0);
    // The rest goes on a second shipment: the outstanding mug and all five pens.
    await bed.consume(confirmShipment(bed.billing, "shp_2", ord, [1, 5]));
    await settled("shp_2");
    expect(bed.sage.despatches[1]?.lines).toEqual([
      { line_id: 7001, item_code: "MUG-01", quantity: 1 },
      { line_id: 7002, item_code: "PEN-01", quantity: 5 },
    ]);
    expect([line(7001)?.despatched, line(7002)?.despatched]).toEqual([3, 5]);
    expect(bed.sage.postings).toHaveLength(0);
  });

  it("skips the despatch of an order that did not come from Sage, saying why, and sends nothing", async () => {
    bed = await startSageBed();
    await bed.consume(confirmShipment(bed.billing, "shp_3", order("ord_3"), [2, 0]));
    const delivery = await settled("shp_3", "skipped");
    expect(delivery.lastError).toContain("did not come from Sage 200 (channel web)");
    expect(bed.sage.requests).toHaveLength(0);
    expect(bed.sage.despatches).toHaveLength(0);
  });

  it("posts an invoice as a sales invoice on the customer's ledger with only the shipped quantities, once", async () => {
    bed = await startSageBed();
    const event = issueInvoice(bed.billing, "inv_1", "INV-2026-000001", order("ord_4"), [2, 0]);
    await bed.consume(event);
    await bed.consume(event);
    const delivery = await settled("inv_1");
    expect(bed.sage.postings).toHaveLength(1);
    const [posting] = bed.sage.postings;
    expect(delivery.externalId).toBe(String(posting?.id));
    // Two mugs at 12.50 and 4.95 of shipping, VAT 20 % on 29.95; numbers kept as the digits sent.
    expect(posting).toMatchObject({
      resource: "sales_invoices",
      customer_id: "27006",
      transaction_date: "2026-12-03T00:00:00",
      reference: "INV-2026-000001",
      second_reference: "ord_4",
      document_goods_value: "29.95",
      document_tax_value: "5.99",
      tax_analysis_items: [{ id: "1", goods_amount: "29.95", tax_amount: "5.99" }],
    });
    expect(
      (
        posting?.["nominal_analysis_items"] as { code: string; value: string; narrative: string }[]
      ).map(({ code, value, narrative }) => [code, value, narrative]),
    ).toEqual([
      ["4000", "25.00", "INV-2026-000001 2 x MUG-01 at 12.50"],
      ["4905", "4.95", "INV-2026-000001 Shipping"],
    ]);
  });

  it("skips the invoice of an order that came from Sage (Sage invoices its despatch), and posts its credit note", async () => {
    bed = await startSageBed();
    const ord = order("ord_5", "sage200", SALES_ORDER);
    await bed.consume(issueInvoice(bed.billing, "inv_2", "INV-2026-000002", ord, [2, 0]));
    const skipped = await settled("inv_2", "skipped");
    expect(skipped.lastError).toContain("Sage invoices it from its despatch");
    expect(bed.sage.postings).toHaveLength(0);
    await bed.consume(
      creditMugs(
        bed.billing,
        "cn_2",
        "CN-2026-000002",
        { id: "inv_2", number: "INV-2026-000002" },
        ord,
        1,
      ),
    );
    await settled("cn_2");
    expect(bed.sage.postings).toMatchObject([
      {
        resource: "sales_credit_notes",
        reference: "CN-2026-000002",
        second_reference: "INV-2026-000002",
        document_goods_value: "12.50",
        document_tax_value: "2.50",
      },
    ]);
  });

  it("posts a credit note as a sales credit note with positive values, referring to its invoice", async () => {
    bed = await startSageBed();
    const ord = order("ord_6");
    await bed.consume(issueInvoice(bed.billing, "inv_3", "INV-2026-000003", ord, [2, 5]));
    await bed.consume(
      creditMugs(
        bed.billing,
        "cn_1",
        "CN-2026-000001",
        { id: "inv_3", number: "INV-2026-000003" },
        ord,
        2,
      ),
    );
    const delivery = await settled("cn_1");
    const credit = bed.sage.postings.find((posting) => posting.reference === "CN-2026-000001");
    expect(delivery.externalId).toBe(String(credit?.id));
    expect(credit).toMatchObject({
      resource: "sales_credit_notes",
      trader_transaction_type: "TradingAccountEntryTypeCreditNote",
      second_reference: "INV-2026-000003",
      document_goods_value: "25.00",
      document_tax_value: "5.00",
      tax_analysis_items: [{ id: "1", goods_amount: "25.00", tax_amount: "5.00" }],
    });
    expect(bed.sage.postings.map((posting) => posting.resource)).toEqual([
      "sales_invoices",
      "sales_credit_notes",
    ]);
  });

  for (const fault of ["5xx", "timeout"] as const) {
    it(`ends with exactly one sales invoice when Sage posted it but answered ${fault}`, async () => {
      bed = await startSageBed();
      bed.sage.failAfterCreate(fault);
      await bed.consume(
        issueInvoice(bed.billing, "inv_4", "INV-2026-000004", order("ord_7"), [3, 0]),
      );
      const delivery = await settled("inv_4");
      expect(creates("/sales_invoices")).toHaveLength(fault === "5xx" ? 1 : 0);
      expect(bed.sage.postings).toHaveLength(1);
      expect(delivery.externalId).toBe(String(bed.sage.postings[0]?.id));
      expect(delivery.attempts).toBe(2);
    });

    it(`ends with exactly one despatch when Sage confirmed it but answered ${fault}`, async () => {
      bed = await startSageBed();
      bed.sage.failAfterCreate(fault);
      await bed.consume(
        confirmShipment(bed.billing, "shp_4", order("ord_8", "sage200", SALES_ORDER), [2, 0]),
      );
      const delivery = await settled("shp_4");
      expect(bed.sage.despatches).toHaveLength(1);
      expect(line(7001)?.despatched).toBe(2);
      expect(delivery.externalId).toBe(bed.sage.despatches[0]?.document_no);
      expect(delivery.attempts).toBe(2);
    });
  }

  it("waits out a 429's Retry-After before sending again", async () => {
    bed = await startSageBed();
    bed.sage.rateLimitOnce(1);
    await bed.consume(
      issueInvoice(bed.billing, "inv_5", "INV-2026-000005", order("ord_9"), [1, 0]),
    );
    await settled("inv_5");
    const limited = bed.sage.requests.findIndex((r) => r.status === 429);
    expect(limited).toBeGreaterThanOrEqual(0);
    expect(bed.sage.postings).toHaveLength(1);
    const delivery = await bed.connectors.repo.deliveryOf("sage200", "inv_5");
    // The attempt after the 429 was not made before the second it asked for.
    expect(
      (delivery?.deliveredAt?.getTime() ?? 0) - (delivery?.createdAt.getTime() ?? 0),
    ).toBeGreaterThanOrEqual(1_000);
  });

  it("refreshes an expired access token with the refresh token grant, without losing the delivery", async () => {
    bed = await startSageBed();
    await bed.consume(
      issueInvoice(bed.billing, "inv_6", "INV-2026-000006", order("ord_10"), [1, 0]),
    );
    await settled("inv_6");
    expect(bed.sage.tokenGrants).toBe(1);
    bed.sage.expireToken();
    await bed.consume(
      issueInvoice(bed.billing, "inv_7", "INV-2026-000007", order("ord_11"), [1, 0]),
    );
    const delivery = await settled("inv_7");
    expect(delivery.attempts).toBe(1);
    expect(bed.sage.tokenGrants).toBe(2);
    expect(bed.sage.requests.filter((r) => r.status === 401)).toHaveLength(1);
    expect(bed.sage.postings.map((posting) => posting.reference)).toEqual([
      "INV-2026-000006",
      "INV-2026-000007",
    ]);
    // Sage ID rotated the refresh token; the file holds the one it accepts now.
    expect((await readFile(bed.refreshPath, "utf8")).trim()).toBe(bed.sage.refreshToken);
  });

  it("parks an unmapped stock code as a master-data exception, and despatches on its retry once the mapping is fixed", async () => {
    bed = await startSageBed();
    await bed.writeSageMapping({ ...SAGE_MAPPING, stockCodes: { "SKU-MUG": "MUG-01" } });
    await bed.consume(
      confirmShipment(bed.billing, "shp_5", order("ord_12", "sage200", SALES_ORDER), [1, 2]),
    );
    const parked = await waitFor(
      async () => {
        const record = await bed.connectors.repo.deliveryOf("sage200", "shp_5");
        return record?.parked && record;
      },
      { description: "shp_5 parked" },
    );
    expect(parked.state).toBe("failed");
    expect(parked.lastError).toContain("stock code for SKU-PEN");
    expect(bed.sage.despatches).toHaveLength(0);
    const [exception] = await bed.exceptions.list({ status: "open" });
    expect(exception).toMatchObject({
      owner: "master_data",
      category: "missing_reference",
      status: "open",
    });
    expect(exception?.error).toContain("SKU-PEN");

    await bed.writeSageMapping(SAGE_MAPPING);
    const retried = await bed.exceptions.retry(exception?._id ?? "");
    expect(retried).toMatchObject({ kind: "retried", record: { resolution: "applied on retry" } });
    await settled("shp_5");
    expect(bed.sage.despatches[0]?.lines).toEqual([
      { line_id: 7001, item_code: "MUG-01", quantity: 1 },
      { line_id: 7002, item_code: "PEN-01", quantity: 2 },
    ]);
  });
});
