// The outside systems the connector benchmark delivers to: each connector's test server, its
// mapping and the environment that switches the connector on against it.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startTestErpnext } from "../../services/integrations/test/support/erpnext-server.ts";
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

export const CONNECTOR_TARGETS: readonly ConnectorTarget[] = [erpnext, s4hana];
