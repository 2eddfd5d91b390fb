import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@waybill/devtools";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificateKeys } from "../../services/integrations/test/fixtures/netsuite.ts";
import {
  startTestNetsuite,
  type TestNetsuite,
} from "../../services/integrations/test/support/netsuite-server.ts";
import {
  startTestSapB1,
  type TestSapB1,
} from "../../services/integrations/test/support/sap-b1-server.ts";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { nodes } from "../support/graphql.ts";
import {
  carrierCharge,
  closed,
  issued,
  moneyWhen,
  orderFor,
  receiveReturn,
  requestReturn,
  ship,
} from "../support/money-path.ts";
import { execute } from "../support/graphql.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

// Billing's documents through the whole hub into NetSuite and SAP Business One at once: the
// gateway, the subgraphs and the integrations service over NATS, each connector reading the
// documents back through the supergraph. The systems are services/integrations/test/support/
// netsuite-server.ts (SuiteTalk REST web services) and sap-b1-server.ts (the Service Layer), each
// naming the documentation it follows in its header.

let system: TestSystem;
let gateway: string;
let ns: TestNetsuite;
let sl: TestSapB1;
let dir: string;

const netsuiteMapping = {
  subsidiary: "1",
  customers: {} as Record<string, string>,
  currencies: { EUR: "2" },
  items: { "NS-MUG": "501" },
  taxCodes: { "20": "7" },
  shipping: { item: "590", taxCode: "7" },
  charges: { REDELIVERY: "591" },
};
const sapB1Mapping = {
  customers: {} as Record<string, string>,
  items: { "NS-MUG": "A-MUG" },
  taxCodes: { "20": "VAT20" },
  shipping: { itemCode: "S-SHIP", taxCode: "VAT20" },
  charges: { REDELIVERY: "S-REDELIVERY" },
  warehouseCode: "01",
};

async function saveMappings() {
  await writeFile(join(dir, "netsuite-mapping.json"), JSON.stringify(netsuiteMapping));
  await writeFile(join(dir, "sap-b1-mapping.json"), JSON.stringify(sapB1Mapping));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "waybill-erps-e2e-"));
  const { publicKey, privateKey } = certificateKeys();
  ns = await startTestNetsuite({ publicKey, slowMs: 2_000 });
  ns.known.customers.add("1042");
  ns.known.subsidiaries.add("1");
  ns.known.currencies.add("2");
  ns.known.taxCodes.add("7");
  for (const item of ["501", "590", "591"]) ns.known.items.add(item);
  sl = await startTestSapB1({ slowMs: 2_000 });
  sl.businessPartners.add("C20000");
  sl.taxCodes.add("VAT20");
  for (const item of ["A-MUG", "S-SHIP", "S-REDELIVERY"]) sl.items.add(item);
  await saveMappings();
  await writeFile(
    join(dir, "netsuite-key.pem"),
    privateKey.export({ type: "pkcs8", format: "pem" }),
  );
  system = await startTestSystem({
    CONNECTORS: "netsuite,sap-b1",
    CONNECTOR_RETRY_SCHEDULE: "0,0.2,0.5,1,2,5",
    CONNECTOR_POLL_MS: "100",
    NETSUITE_ACCOUNT_URL: ns.url,
    NETSUITE_CLIENT_ID: ns.clientId,
    NETSUITE_CERTIFICATE_ID: ns.certificateId,
    NETSUITE_PRIVATE_KEY_FILE: join(dir, "netsuite-key.pem"),
    NETSUITE_MAPPING_FILE: join(dir, "netsuite-mapping.json"),
    NETSUITE_TIMEOUT_SECONDS: "1",
    SAP_B1_URL: sl.url,
    SAP_B1_COMPANY_DB: sl.companyDb,
    SAP_B1_USER: sl.userName,
    SAP_B1_PASSWORD: sl.password,
    SAP_B1_MAPPING_FILE: join(dir, "sap-b1-mapping.json"),
    SAP_B1_TIMEOUT_SECONDS: "1",
  });
  gateway = system.gatewayUrl;
  await execute(gateway, CREATE_PRODUCT, {
    sku: "NS-MUG",
    name: "NS-MUG",
    warehouse: "AMS1",
    quantity: 500,
  });
}, 120_000);

afterAll(async () => {
  await system?.dispose();
  await ns?.close();
  await sl?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const netsuiteRecord = (type: string, reference: string | null | undefined) =>
  waitFor(
    () => {
      const found = (ns.records.get(type) ?? []).filter((r) => r.externalId === reference);
      return found.length > 0 && found;
    },
    { description: `NetSuite ${type} ${reference ?? ""}`, timeoutMs: 30_000 },
  );
const b1Document = (kind: "invoices" | "creditNotes", reference: string | null | undefined) =>
  waitFor(
    () => {
      const found = sl[kind].filter((doc) => doc["NumAtCard"] === reference);
      return found.length > 0 && found;
    },
    { description: `SAP B1 ${kind} ${reference ?? ""}`, timeoutMs: 30_000 },
  );

describe("billing's documents reach NetSuite and SAP Business One through the hub", () => {
  it("a partial shipment is a partial invoice in each, a return a credit against it, a later charge an adjustment, each once", async () => {
    const { orderId, lineIds } = await orderFor(
      gateway,
      [{ sku: "NS-MUG", quantity: 3, unitPrice: "10.00", taxRate: "20" }],
      "ON_SHIPMENT",
    );
    // Master data maps the order's customer in both systems.
    const { order } = await execute<{ order: { customer: { id: string } } }>(
      gateway,
      `query ($id: ID!) { order(id: $id) { customer { id } } }`,
      { id: orderId },
    );
    netsuiteMapping.customers[order.customer.id] = "1042";
    sapB1Mapping.customers[order.customer.id] = "C20000";
    await saveMappings();
    const line = lineIds[0] ?? "";
    // Both systems store the first invoice and then lose the answer.
    ns.failAfterCreate("5xx");
    sl.failAfterCreate("timeout");
    const shipment = await ship(gateway, orderId, [{ lineId: line, quantity: 2 }]);
    const [invoice] = await issued(gateway, orderId, [shipment]);

    const [nsInvoice] = await netsuiteRecord("invoice", invoice?.number);
    expect(nsInvoice?.lines.map((l) => [l.item.id, l.quantity, l["rate"]])).toEqual([
      ["501", 2, "10.00"],
      ["590", 1, "4.00"],
    ]);
    const [b1Invoice] = await b1Document("invoices", invoice?.number);
    expect(b1Invoice?.CardCode).toBe("C20000");
    expect(b1Invoice?.DocumentLines.map((l) => [l.ItemCode, l["Quantity"]])).toEqual([
      ["A-MUG", 2],
      ["S-SHIP", 1],
    ]);

    const returnId = await requestReturn(gateway, orderId, [{ lineId: line, quantity: 1 }]);
    await receiveReturn(gateway, returnId, [{ lineId: line, received: 1, disposition: "RESTOCK" }]);
    await closed(gateway, returnId);
    expect(await carrierCharge(gateway, shipment, "RD-ERPS-1", "REDELIVERY", "20.00")).toBe(
      "CarrierCharge",
    );
    const view = await moneyWhen(
      gateway,
      orderId,
      "the credit and adjustment notes",
      (v) => nodes(v.creditNotes).length === 1 && nodes(v.adjustmentNotes).length === 1,
    );
    const [creditNote] = nodes(view.creditNotes);
    const [adjustment] = nodes(view.adjustmentNotes);

    const [memo] = await netsuiteRecord("creditMemo", creditNote?.number);
    expect(memo?.createdFrom?.id).toBe(nsInvoice?.id);
    expect(memo?.lines.filter((l) => l.quantity > 0).map((l) => [l.item.id, l.quantity])).toEqual([
      ["501", 1],
    ]);
    const [nsAdjustment] = await netsuiteRecord("invoice", adjustment?.number);
    expect(nsAdjustment?.lines.map((l) => [l.item.id, l.quantity, l["rate"]])).toEqual([
      ["591", 1, "20.00"],
    ]);

    const [b1Credit] = await b1Document("creditNotes", creditNote?.number);
    expect(
      b1Credit?.DocumentLines.map((l) => [
        l.ItemCode,
        l["Quantity"],
        l["BaseType"],
        l["BaseEntry"],
      ]),
    ).toEqual([["A-MUG", 1, 13, b1Invoice?.DocEntry]]);
    const [b1Adjustment] = await b1Document("invoices", adjustment?.number);
    expect(b1Adjustment?.DocumentLines.map((l) => [l.ItemCode, l["Quantity"]])).toEqual([
      ["S-REDELIVERY", 1],
    ]);

    // Each document once in each system, the lost answers notwithstanding.
    for (const reference of [invoice?.number, adjustment?.number])
      expect(
        (ns.records.get("invoice") ?? []).filter((r) => r.externalId === reference),
      ).toHaveLength(1);
    expect(ns.records.get("creditMemo")).toHaveLength(1);
    expect(sl.invoices).toHaveLength(2);
    expect(sl.creditNotes).toHaveLength(1);
  });
});
