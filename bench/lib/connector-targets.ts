// The outside systems the connector benchmark delivers to: each connector's test server, its
// mapping and the environment that switches the connector on against it.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startTestErpnext } from "../../services/integrations/test/support/erpnext-server.ts";

/** A test server ready for one benchmark run. */
export interface Target {
  /** What switches the connector on against the server (CONNECTORS included). */
  env: Record<string, string>;
  /** Master data maps the benchmark's customer before its orders come in. */
  mapCustomer(customerId: string): Promise<void>;
  /** Documents the server holds now. */
  documents(): number;
  close(): Promise<void>;
}

/** A connector the benchmark measures, by its name in CONNECTORS. */
export interface ConnectorTarget {
  name: string;
  start(dir: string, skus: readonly string[]): Promise<Target>;
}

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
      documents: () => erp.invoices.length,
      close: () => erp.close(),
    };
  },
};

export const CONNECTOR_TARGETS: readonly ConnectorTarget[] = [erpnext];
