// The outside systems the connector benchmark delivers to: each connector's test server, its
// mapping and the environment that switches the connector on against it.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { certificateKeys } from "../../services/integrations/test/fixtures/netsuite.ts";
import { startTestErpnext } from "../../services/integrations/test/support/erpnext-server.ts";
import { startTestNetsuite } from "../../services/integrations/test/support/netsuite-server.ts";
import { startTestSapB1 } from "../../services/integrations/test/support/sap-b1-server.ts";
import { startTestS4hana } from "../../services/integrations/test/support/s4hana-server.ts";

/** An order the benchmark places: its channel and its reference there. */
export type BenchOrder = { channel: string; externalReference: string | null };

/** A test server ready for one benchmark run. */
export interface Target {
  /** What switches the connector on against the server (CONNECTORS included). */
  env: Record<string, string>;
  /** Master data maps the benchmark's customer before its orders come in. */
  mapCustomer(customerId: string): Promise<void>;
  /** Where order `index` comes from; the system is told of it first when it owns the order. */
  order(index: number, lines: { sku: string; quantity: number }[]): BenchOrder;
  /** Documents the system takes per order (an invoice; a goods issue and a billing document). */
  perOrder: number;
  /** Documents the server holds now. */
  documents(): number;
  close(): Promise<void>;
}

/** A connector the benchmark measures, by its name in CONNECTORS. */
export interface ConnectorTarget {
  name: string;
  start(dir: string, skus: readonly string[]): Promise<Target>;
}

const standalone = (): BenchOrder => ({ channel: "bench", externalReference: null });

const erpnext: ConnectorTarget = {
  name: "erpnext",
  async start(dir, skus) {
    const erp = await startTestErpnext();
    erp.customers.add("CUST-BENCH");
    const items = Object.fromEntries(skus.map((sku) => [sku, `ITEM-${sku}`]));
    for (const item of [...Object.values(items), "SHIP"]) erp.items.add(item);
    const mapping = {
      company: "Waybill Bench Ltd",
      customers: {} as Record<string, string>,
      items,
      itemTaxTemplates: { "21": "VAT 21" },
      shipping: { itemCode: "SHIP", itemTaxTemplate: "VAT 21" },
      charges: {},
    };
    const mappingPath = join(dir, "erpnext-mapping.json");
    await writeFile(mappingPath, JSON.stringify(mapping));
    return {
      env: {
        CONNECTORS: "erpnext",
        ERPNEXT_URL: erp.url,
        ERPNEXT_API_KEY: erp.apiKey,
        ERPNEXT_API_SECRET: erp.apiSecret,
        ERPNEXT_MAPPING_FILE: mappingPath,
      },
      async mapCustomer(customerId) {
        mapping.customers[customerId] = "CUST-BENCH";
        await writeFile(mappingPath, JSON.stringify(mapping));
      },
      order: standalone,
      perOrder: 1,
      documents: () => erp.invoices.length,
      close: () => erp.close(),
    };
  },
};

const s4hana: ConnectorTarget = {
  name: "s4hana",
  async start(dir, skus) {
    const s4 = await startTestS4hana();
    const materials = Object.fromEntries(skus.map((sku) => [sku, `MZ-${sku}`]));
    const mappingPath = join(dir, "s4hana-mapping.json");
    await writeFile(
      mappingPath,
      JSON.stringify({
        salesOrganization: "1710",
        distributionChannel: "10",
        division: "00",
        billingDocumentType: "F2",
        salesOrderChannel: "s4hana",
        materials,
        warehouses: { AMS1: { plant: "1710", storageLocation: "171A" } },
      }),
    );
    return {
      env: {
        CONNECTORS: "s4hana",
        S4HANA_URL: s4.url,
        S4HANA_USER: s4.user,
        S4HANA_PASSWORD: s4.password,
        S4HANA_MAPPING_FILE: mappingPath,
      },
      mapCustomer: () => Promise.resolve(),
      order(index, lines) {
        const salesOrder = String(4_000_000 + index);
        s4.addDelivery({
          number: String(80_000_000 + index),
          salesOrder,
          items: lines.map((line) => ({
            material: materials[line.sku] ?? "",
            quantity: line.quantity,
          })),
        });
        return { channel: "s4hana", externalReference: salesOrder };
      },
      perOrder: 2,
      documents: () => s4.goodsIssues.length + s4.billingDocuments.length,
      close: () => s4.close(),
    };
  },
};

/** Writes a mapping file and gives the function that maps the benchmark's customer in it. */
async function mappingAt(path: string, mapping: { customers: Record<string, string> }, to: string) {
  await writeFile(path, JSON.stringify(mapping));
  return async (customerId: string) => {
    mapping.customers[customerId] = to;
    await writeFile(path, JSON.stringify(mapping));
  };
}

const netsuite: ConnectorTarget = {
  name: "netsuite",
  async start(dir, skus) {
    const { publicKey, privateKey } = certificateKeys();
    const ns = await startTestNetsuite({ publicKey });
    ns.known.customers.add("1042");
    ns.known.subsidiaries.add("1");
    ns.known.currencies.add("2");
    ns.known.taxCodes.add("7");
    const items = Object.fromEntries(skus.map((sku, index) => [sku, String(501 + index)]));
    for (const item of [...Object.values(items), "590"]) ns.known.items.add(item);
    const mappingPath = join(dir, "netsuite-mapping.json");
    const keyPath = join(dir, "netsuite-key.pem");
    await writeFile(keyPath, privateKey.export({ type: "pkcs8", format: "pem" }));
    const mapCustomer = await mappingAt(
      mappingPath,
      {
        subsidiary: "1",
        customers: {},
        currencies: { EUR: "2" },
        items,
        taxCodes: { "21": "7" },
        shipping: { item: "590", taxCode: "7" },
        charges: {},
      } as { customers: Record<string, string> },
      "1042",
    );
    return {
      env: {
        CONNECTORS: "netsuite",
        NETSUITE_ACCOUNT_URL: ns.url,
        NETSUITE_CLIENT_ID: ns.clientId,
        NETSUITE_CERTIFICATE_ID: ns.certificateId,
        NETSUITE_PRIVATE_KEY_FILE: keyPath,
        NETSUITE_MAPPING_FILE: mappingPath,
      },
      mapCustomer,
      order: standalone,
      perOrder: 1,
      documents: () => ns.records.get("invoice")?.length ?? 0,
      close: () => ns.close(),
    };
  },
};

const sapB1: ConnectorTarget = {
  name: "sap-b1",
  async start(dir, skus) {
    const sl = await startTestSapB1();
    sl.businessPartners.add("C20000");
    sl.taxCodes.add("VAT21");
    const items = Object.fromEntries(skus.map((sku) => [sku, `A-${sku}`]));
    for (const item of [...Object.values(items), "S-SHIP"]) sl.items.add(item);
    const mappingPath = join(dir, "sap-b1-mapping.json");
    const mapCustomer = await mappingAt(
      mappingPath,
      {
        customers: {},
        items,
        taxCodes: { "21": "VAT21" },
        shipping: { itemCode: "S-SHIP", taxCode: "VAT21" },
        charges: {},
        warehouseCode: "01",
      } as { customers: Record<string, string> },
      "C20000",
    );
    return {
      env: {
        CONNECTORS: "sap-b1",
        SAP_B1_URL: sl.url,
        SAP_B1_COMPANY_DB: sl.companyDb,
        SAP_B1_USER: sl.userName,
        SAP_B1_PASSWORD: sl.password,
        SAP_B1_MAPPING_FILE: mappingPath,
      },
      mapCustomer,
      order: standalone,
      perOrder: 1,
      documents: () => sl.invoices.length,
      close: () => sl.close(),
    };
  },
};

export const CONNECTOR_TARGETS: readonly ConnectorTarget[] = [erpnext, netsuite, sapB1, s4hana];
