import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@waybill/devtools";
import { afterEach, describe, expect, it } from "vitest";
import { s4hanaConfig } from "../src/connectors/s4hana/config.ts";
import { createS4hana } from "../src/connectors/s4hana/index.ts";
import type { S4hanaMapping } from "../src/connectors/s4hana/mapping.ts";
import type { ConnectorDeliveryRecord } from "../src/store/records.ts";
import {
  adjustLiftgate,
  type ConnectorBed,
  confirmShipment,
  creditMugs,
  issueInvoice,
  order,
  startConnectorBed,
} from "./fixtures/connectors.ts";
import { startTestS4hana, type TestS4hana } from "./support/s4hana-server.ts";

// The S/4HANA system is test/support/s4hana-server.ts, which follows the Outbound Delivery and
// Billing Document APIs of SAP Business Accelerator Hub and SAP Gateway's CSRF protection (named
// in its header).

const MAPPING: S4hanaMapping = {
  salesOrganization: "1710",
  distributionChannel: "10",
  division: "00",
  billingDocumentType: "F2",
  salesOrderChannel: "s4hana",
  materials: { "SKU-MUG": "MZ-MUG-01", "SKU-PEN": "MZ-PEN-01" },
  warehouses: { "WH-1": { plant: "1710", storageLocation: "171A" } },
};

let bed: ConnectorBed;
let s4: TestS4hana;
let dir: string;
let mappingPath: string;

const writeMapping = (mapping: unknown) => writeFile(mappingPath, JSON.stringify(mapping));

async function start(auth: "basic" | "oauth" = "basic") {
  s4 = await startTestS4hana({ slowMs: 1_500 });
  dir = await mkdtemp(join(tmpdir(), "waybill-s4hana-"));
  mappingPath = join(dir, "s4hana-mapping.json");
  const secretPath = join(dir, "s4hana-secret");
  await writeMapping(MAPPING);
  await writeFile(secretPath, auth === "basic" ? s4.password : s4.clientSecret);
  const credentials =
    auth === "basic"
      ? { S4HANA_USER: s4.user, S4HANA_PASSWORD_FILE: secretPath }
      : {
          S4HANA_OAUTH_TOKEN_URL: `${s4.url}/oauth/token`,
          S4HANA_CLIENT_ID: s4.clientId,
          S4HANA_CLIENT_SECRET_FILE: secretPath,
        };
  bed = await startConnectorBed(
    {
      S4HANA_URL: s4.url,
      S4HANA_MAPPING_FILE: mappingPath,
      S4HANA_TIMEOUT_SECONDS: "0.5",
      ...credentials,
    },
    {
      connector: { name: "s4hana", create: (env) => createS4hana(s4hanaConfig(env)).connector },
    },
  );
}

afterEach(async () => {
  await bed.close();
  await s4.close();
  await rm(dir, { recursive: true, force: true });
});

const settled = (documentId: string, state: ConnectorDeliveryRecord["state"] = "delivered") =>
  waitFor(
    async () => {
      const record = await bed.connectors.repo.deliveryOf("s4hana", documentId);
      return record?.state === state && record;
    },
    { description: `${documentId} ${state}` },
  );
const parked = (documentId: string) =>
  waitFor(
    async () => {
      const record = await bed.connectors.repo.deliveryOf("s4hana", documentId);
      return record?.parked && record;
    },
    { description: `${documentId} parked` },
  );

/** Sales order `salesOrder` of three mugs and five pens, with its outbound delivery `delivery`. */
function salesOrder(salesOrderNumber: string, delivery: string) {
  s4.addDelivery({
    number: delivery,
    salesOrder: salesOrderNumber,
    items: [
      { material: "MZ-MUG-01", quantity: 3 },
      { material: "MZ-PEN-01", quantity: 5 },
    ],
  });
  return order(`ord_${salesOrderNumber}`, "s4hana", salesOrderNumber);
}

/** A shipment of `shipped` (mugs, pens) and its invoice, consumed in that order. */
async function shipAndInvoice(
  ord: ReturnType<typeof order>,
  invoiceId: string,
  number: string,
  shipped: [number, number],
) {
  await bed.consume(confirmShipment(bed.billing, `shp_${invoiceId}`, ord, shipped));
  await bed.consume(issueInvoice(bed.billing, invoiceId, number, ord, shipped));
}

const itemsOf = (delivery: string) =>
  s4.deliveries
    .get(delivery)
    ?.items.map((item) => [
      item["Material"],
      item["ActualDeliveryQuantity"],
      item["StorageLocation"],
    ]);

describe("S/4HANA connector against a test S/4HANA Cloud system", () => {
  it("posts goods issue of only what shipped, then bills that delivery once", async () => {
    await start();
    const ord = salesOrder("4711", "80000001");
    await shipAndInvoice(ord, "inv_1", "INV-2026-000001", [2, 0]);
    const despatch = await settled("shp_inv_1");
    const invoice = await settled("inv_1");

    expect(despatch.externalId).toBe("80000001");
    expect(s4.goodsIssues).toEqual(["80000001"]);
    expect(itemsOf("80000001")).toEqual([
      ["MZ-MUG-01", "2.000", "171A"],
      ["MZ-PEN-01", "0.000", "171A"],
    ]);
    expect(s4.deliveries.get("80000001")?.header).toMatchObject({
      DeliveryDocumentBySupplier: "shp_inv_1",
      OverallGoodsMovementStatus: "C",
    });
    expect(s4.billingDocuments).toHaveLength(1);
    const [billed] = s4.billingDocuments;
    expect(invoice.externalId).toBe(billed?.header["BillingDocument"]);
    expect(billed?.header).toMatchObject({
      BillingDocumentType: "F2",
      BillingDocumentDate: "2026-12-03",
    });
    expect(
      billed?.items.map((item) => [
        item["Material"],
        item["BillingQuantity"],
        item["ReferenceSDDocument"],
      ]),
    ).toEqual([["MZ-MUG-01", "2.000", "80000001"]]);
    // Modifying requests went with the CSRF token of a fetch and the ETags read.
    expect(s4.requests.filter((r) => r.status === 403 || r.status === 428)).toEqual([]);
  });

  it("names a shipment by its UUID without prefix or hyphens, to fit the 35 characters S/4HANA keeps", async () => {
    await start();
    const ord = salesOrder("4720", "80000020");
    const id = "5171ad56-f903-48eb-96e9-0123456789ab";
    await shipAndInvoice(ord, id, "INV-2026-000020", [1, 0]);
    await settled(`shp_${id}`);
    await settled(id);
    expect(s4.deliveries.get("80000020")?.header).toMatchObject({
      DeliveryDocumentBySupplier: "5171ad56f90348eb96e90123456789ab",
      OverallGoodsMovementStatus: "C",
    });
    expect(s4.billingDocuments).toHaveLength(1);
  });

  it("claims the sales order's next delivery for its second shipment", async () => {
    await start();
    const ord = salesOrder("4712", "80000002");
    await shipAndInvoice(ord, "inv_2a", "INV-2026-000002", [2, 0]);
    await settled("inv_2a");
    // S/4HANA's delivery due list made a delivery of the rest.
    s4.addDelivery({
      number: "80000003",
      salesOrder: "4712",
      items: [
        { material: "MZ-MUG-01", quantity: 1 },
        { material: "MZ-PEN-01", quantity: 5 },
      ],
    });
    await shipAndInvoice(ord, "inv_2b", "INV-2026-000003", [1, 5]);
    expect((await settled("shp_inv_2b")).externalId).toBe("80000003");
    await settled("inv_2b");
    expect(s4.goodsIssues).toEqual(["80000002", "80000003"]);
    expect(s4.billingDocuments.map((doc) => doc.items[0]?.["ReferenceSDDocument"])).toEqual([
      "80000002",
      "80000003",
    ]);
  });

  for (const operation of ["goodsIssue", "billing"] as const)
    for (const fault of ["5xx", "timeout"] as const)
      it(`ends with one goods issue and one billing document when S/4HANA did the ${operation} but answered ${fault}`, async () => {
        await start();
        s4.failAfterEffect(operation, fault);
        await shipAndInvoice(salesOrder("4713", "80000004"), "inv_3", "INV-2026-000004", [3, 5]);
        const despatch = await settled("shp_inv_3");
        const invoice = await settled("inv_3");
        expect(s4.goodsIssues).toEqual(["80000004"]);
        expect(s4.billingDocuments).toHaveLength(1);
        expect(invoice.externalId).toBe(s4.billingDocuments[0]?.header["BillingDocument"]);
        expect((operation === "goodsIssue" ? despatch : invoice).attempts).toBe(2);
      });

  it("waits out a 429's Retry-After before sending again", async () => {
    await start();
    s4.rateLimitOnce(1);
    await shipAndInvoice(salesOrder("4714", "80000005"), "inv_4", "INV-2026-000005", [1, 1]);
    const despatch = await settled("shp_inv_4");
    await settled("inv_4");
    expect(s4.requests[0]?.status).toBe(429);
    expect(s4.requests.filter((r) => r.status === 429)).toHaveLength(1);
    expect(s4.goodsIssues).toEqual(["80000005"]);
    expect(
      (despatch.deliveredAt?.getTime() ?? 0) - despatch.createdAt.getTime(),
    ).toBeGreaterThanOrEqual(1_000);
  });

  it("fetches a new CSRF token and session when S/4HANA asks for one, without losing the delivery", async () => {
    await start();
    await shipAndInvoice(salesOrder("4715", "80000006"), "inv_5a", "INV-2026-000006", [1, 0]);
    await settled("inv_5a");
    s4.expireSessions();
    await shipAndInvoice(salesOrder("4716", "80000007"), "inv_5b", "INV-2026-000007", [2, 1]);
    const despatch = await settled("shp_inv_5b");
    const invoice = await settled("inv_5b");
    expect(s4.requests.filter((r) => r.status === 403).length).toBeGreaterThanOrEqual(1);
    expect(despatch.attempts).toBe(1);
    expect(invoice.attempts).toBe(1);
    expect(s4.goodsIssues).toEqual(["80000006", "80000007"]);
    expect(s4.billingDocuments).toHaveLength(2);
  });

  for (const operation of ["item", "goodsIssue"] as const)
    it(`reads the ETag again when the ${operation === "item" ? "item" : "delivery"} changed since it was read (412)`, async () => {
      await start();
      s4.staleEtagOnce(operation);
      await shipAndInvoice(salesOrder("4717", "80000008"), "inv_6", "INV-2026-000008", [2, 4]);
      const despatch = await settled("shp_inv_6");
      await settled("inv_6");
      expect(s4.requests.filter((r) => r.status === 412)).toHaveLength(1);
      expect(despatch.attempts).toBe(1);
      expect(s4.goodsIssues).toEqual(["80000008"]);
      expect(itemsOf("80000008")).toEqual([
        ["MZ-MUG-01", "2.000", "171A"],
        ["MZ-PEN-01", "4.000", "171A"],
      ]);
    });

  it("parks an unmapped material as a master-data exception, and posts on its retry once the mapping is fixed", async () => {
    await start();
    await writeMapping({ ...MAPPING, materials: { "SKU-MUG": "MZ-MUG-01" } });
    await shipAndInvoice(salesOrder("4718", "80000009"), "inv_7", "INV-2026-000009", [1, 2]);
    const record = await parked("shp_inv_7");
    expect(record.lastError).toContain("SKU-PEN");
    expect(s4.goodsIssues).toEqual([]);
    const [exception] = await bed.exceptions.list({ status: "open" });
    expect(exception).toMatchObject({ owner: "master_data", category: "missing_reference" });
    expect(exception?.error).toContain("SKU-PEN");

    await writeMapping(MAPPING);
    const retried = await bed.exceptions.retry(exception?._id ?? "");
    expect(retried).toMatchObject({ kind: "retried" });
    await settled("shp_inv_7");
    await settled("inv_7");
    expect(s4.goodsIssues).toEqual(["80000009"]);
    expect(s4.billingDocuments).toHaveLength(1);
  });

  it("parks an invoice whose quantities are not what the delivery issued, billing nothing", async () => {
    await start();
    const ord = salesOrder("4721", "80000013");
    await bed.consume(confirmShipment(bed.billing, "shp_inv_10", ord, [2, 0]));
    await bed.consume(issueInvoice(bed.billing, "inv_10", "INV-2026-000014", ord, [3, 0]));
    await settled("shp_inv_10");
    expect((await parked("inv_10")).lastError).toContain(
      "bills 3 of MZ-MUG-01 but delivery 80000013 issued 2",
    );
    expect(s4.billingDocuments).toEqual([]);
  });

  it("skips credit and adjustment notes with the reason, and the order's later shipments still go", async () => {
    await start();
    const ord = salesOrder("4719", "80000010");
    await shipAndInvoice(ord, "inv_8", "INV-2026-000010", [2, 0]);
    const invoice = { id: "inv_8", number: "INV-2026-000010" };
    await bed.consume(creditMugs(bed.billing, "cn_1", "CN-2026-000001", invoice, ord, 1));
    await bed.consume(adjustLiftgate(bed.billing, "an_1", "AN-2026-000001", invoice, ord));
    expect((await settled("cn_1", "skipped")).lastError).toContain("credit memo request");
    expect((await settled("an_1", "skipped")).lastError).toContain("debit memo request");
    s4.addDelivery({
      number: "80000012",
      salesOrder: "4719",
      items: [{ material: "MZ-MUG-01", quantity: 1 }],
    });
    await shipAndInvoice(ord, "inv_8b", "INV-2026-000012", [1, 0]);
    await settled("inv_8b");
    expect(s4.goodsIssues).toEqual(["80000010", "80000012"]);
    expect(s4.billingDocuments).toHaveLength(2);
    expect(await bed.exceptions.list({ status: "open" })).toEqual([]);
  });

  it("skips the documents of an order that did not come from S/4HANA, asking it nothing", async () => {
    await start();
    const web = order("ord_web");
    await shipAndInvoice(web, "inv_web", "INV-2026-000013", [1, 0]);
    const invoice = { id: "inv_web", number: "INV-2026-000013" };
    await bed.consume(creditMugs(bed.billing, "cn_web", "CN-2026-000002", invoice, web, 1));
    expect((await settled("shp_inv_web", "skipped")).lastError).toContain(
      "came from web, not S/4HANA",
    );
    expect((await settled("inv_web", "skipped")).lastError).toContain("bills only its own");
    expect((await settled("cn_web", "skipped")).lastError).toContain(
      "credit notes are not sent to S/4HANA",
    );
    expect(s4.requests).toEqual([]);
    expect(await bed.exceptions.list({ status: "open" })).toEqual([]);
  });

  it("signs in with OAuth client credentials", async () => {
    await start("oauth");
    await shipAndInvoice(salesOrder("4720", "80000011"), "inv_9", "INV-2026-000011", [1, 1]);
    await settled("inv_9");
    expect(s4.requests.filter((r) => r.path === "/oauth/token")).toHaveLength(1);
    expect(s4.requests.filter((r) => r.status === 401)).toEqual([]);
    expect(s4.billingDocuments).toHaveLength(1);
  });
});
