import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@waybill/devtools";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startTestErpnext,
  type TestErpnext,
} from "../../services/integrations/test/support/erpnext-server.ts";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { execute, nodes, type Paged } from "../support/graphql.ts";
import {
  carrierCharge,
  closed,
  issued,
  moneyWhen,
  receiveReturn,
  requestReturn,
  ship,
} from "../support/money-path.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

// Billing's documents through the whole hub into an ERPNext site: the gateway, the five
// subgraphs and the integrations service over NATS, the connector reading documents back through
// the supergraph. The site is services/integrations/test/support/erpnext-server.ts, which follows
// frappe's REST API pages and the Sales Invoice doctype (named in its header).

let system: TestSystem;
let gateway: string;
let erp: TestErpnext;
let dir: string;
let mappingPath: string;

const mapping = {
  company: "Waybill Test Ltd",
  customers: {} as Record<string, string>,
  items: { "CN-MUG": "MUG-01" } as Record<string, string>,
  itemTaxTemplates: { "20": "GB VAT 20% - WT" },
  shipping: { itemCode: "SHIP", itemTaxTemplate: "GB VAT 20% - WT" },
  charges: { REDELIVERY: "CHG-REDELIVERY" },
  salesOrderChannel: "erpnext",
  warehouses: { AMS1: "Stores - E2E" },
};

/** Master data changes the mapping while the hub runs; the connector reads the file again. */
async function saveMapping() {
  await writeFile(mappingPath, JSON.stringify(mapping));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "waybill-erpnext-e2e-"));
  erp = await startTestErpnext({ slowMs: 2_000 });
  erp.customers.add("CUST-E2E");
  erp.warehouses.add("Stores - E2E");
  for (const item of ["MUG-01", "PEN-01", "SHIP", "CHG-REDELIVERY"]) erp.items.add(item);
  mappingPath = join(dir, "erpnext-mapping.json");
  await saveMapping();
  const secretPath = join(dir, "erpnext-secret");
  await writeFile(secretPath, erp.apiSecret);
  system = await startTestSystem({
    CONNECTORS: "erpnext",
    CONNECTOR_RETRY_SCHEDULE: "0,0.2,0.5,1,2,5",
    CONNECTOR_POLL_MS: "100",
    ERPNEXT_URL: erp.url,
    ERPNEXT_API_KEY: erp.apiKey,
    ERPNEXT_API_SECRET_FILE: secretPath,
    ERPNEXT_MAPPING_FILE: mappingPath,
    ERPNEXT_TIMEOUT_SECONDS: "1",
    ERPNEXT_DELIVERY_NOTES: "true",
  });
  gateway = system.gatewayUrl;
  for (const sku of ["CN-MUG", "CN-PEN"])
    await execute(gateway, CREATE_PRODUCT, { sku, name: sku, warehouse: "AMS1", quantity: 500 });
}, 120_000);

afterAll(async () => {
  await system?.dispose();
  await erp?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A customer mapped to CUST-E2E, and an order for it: from ERPNext's Sales Order when named. */
async function erpOrder(
  lines: { sku: string; quantity: number }[],
  salesOrder: string | null,
): Promise<{ orderId: string; lineIds: string[] }> {
  const { createCustomer } = await execute<{ createCustomer: { id: string } }>(
    gateway,
    `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
    {
      input: {
        name: "ERPNext Customer",
        email: `e${Math.random().toString(36).slice(2)}@example.com`,
        billingPolicy: "ON_SHIPMENT",
        shippingRefund: "NEVER",
      },
    },
  );
  mapping.customers[createCustomer.id] = "CUST-E2E";
  await saveMapping();
  type Placed = { __typename: string; id?: string; lines?: { id: string }[] };
  const placed = await waitFor(
    async () => {
      const { placeOrder } = await execute<{ placeOrder: Placed }>(
        gateway,
        `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on Order { id lines { id } } } }`,
        {
          input: {
            customerId: createCustomer.id,
            channel: salesOrder ? "erpnext" : "web",
            externalReference: salesOrder,
            currency: "EUR",
            lines: lines.map((line) => ({ ...line, unitPrice: "10.00", taxRate: "20" })),
          },
        },
      );
      return placeOrder.__typename === "UnknownSkuError" ? undefined : placeOrder;
    },
    { description: "orders to know the SKUs", timeoutMs: 30_000, intervalMs: 100 },
  );
  if (!placed.id || !placed.lines) throw new Error(`order refused: ${JSON.stringify(placed)}`);
  return { orderId: placed.id, lineIds: placed.lines.map((line) => line.id) };
}

const byReference = (reference: string | null | undefined) =>
  erp.invoices.filter((doc) => doc["waybill_reference"] === reference);

const inErpnext = (reference: string | null | undefined, description: string) =>
  waitFor(
    () => {
      const found = byReference(reference);
      return found.length > 0 && found[0]?.docstatus === 1 && found[0];
    },
    { description, timeoutMs: 30_000 },
  );

type Delivery = { kind: string; reference: string; state: string; externalId: string | null };

async function connectorDeliveries(): Promise<Delivery[]> {
  const { connectors } = await execute<{
    connectors: { name: string; health: string; deliveries: Paged<Delivery> }[];
  }>(
    gateway,
    `{ connectors { name health deliveries(first: 100) { edges { node { kind reference state externalId } } } } }`,
  );
  expect(connectors.map((connector) => connector.name)).toEqual(["erpnext"]);
  return nodes(connectors[0]?.deliveries ?? { edges: [] });
}

describe("billing's documents reach ERPNext through the hub", () => {
  it("a partial shipment is a partial invoice on the Sales Order, once, even when ERPNext's answer is lost", async () => {
    erp.salesOrders.set("SAL-ORD-2026-00042", {
      name: "SAL-ORD-2026-00042",
      items: [{ name: "so-row-1", idx: 1, item_code: "MUG-01" }],
    });
    const { orderId, lineIds } = await erpOrder(
      [{ sku: "CN-MUG", quantity: 3 }],
      "SAL-ORD-2026-00042",
    );
    // ERPNext stores the invoice, then the proxy answers 500: the retry finds it by reference.
    erp.failAfterCreate("5xx");
    const shipment = await ship(gateway, orderId, [{ lineId: lineIds[0] ?? "", quantity: 2 }]);
    const [invoice] = await issued(gateway, orderId, [shipment]);
    const doc = await inErpnext(invoice?.number, "the partial invoice in ERPNext");
    expect(doc).toMatchObject({ customer: "CUST-E2E", currency: "EUR", docstatus: 1 });
    expect(doc.items).toEqual([
      expect.objectContaining({
        item_code: "MUG-01",
        qty: 2,
        rate: "10.00",
        sales_order: "SAL-ORD-2026-00042",
        so_detail: "so-row-1",
      }),
      expect.objectContaining({ item_code: "SHIP", qty: 1, rate: "4.00" }),
    ]);
    const delivered = await waitFor(
      async () =>
        (await connectorDeliveries()).find(
          (d) => d.reference === invoice?.number && d.state === "DELIVERED",
        ),
      { description: "the delivery log to show it delivered" },
    );
    expect(delivered).toMatchObject({ kind: "INVOICE", externalId: doc.name });
    // ERPNext did answer 500 to the create that went through, and holds one invoice.
    expect(
      erp.requests.filter((r) => r.method === "POST" && r.status === 500).length,
    ).toBeGreaterThan(0);
    expect(byReference(invoice?.number)).toHaveLength(1);
    // The shipment went first, as a Delivery Note on the same Sales Order row.
    const note = erp.deliveryNotes.find((doc) => doc["waybill_reference"] === shipment);
    expect(note).toMatchObject({
      customer: "CUST-E2E",
      docstatus: 1,
      transporter_name: "UPS Standard",
    });
    expect(note?.items).toEqual([
      expect.objectContaining({
        item_code: "MUG-01",
        qty: 2,
        warehouse: "Stores - E2E",
        against_sales_order: "SAL-ORD-2026-00042",
        so_detail: "so-row-1",
      }),
    ]);
  });

  it("a return becomes a credit note against its invoice, and a carrier charge after issue a debit note", async () => {
    const { orderId, lineIds } = await erpOrder([{ sku: "CN-MUG", quantity: 3 }], null);
    const line = lineIds[0] ?? "";
    const shipment = await ship(gateway, orderId, [{ lineId: line, quantity: 3 }]);
    const [invoice] = await issued(gateway, orderId, [shipment]);
    const original = await inErpnext(invoice?.number, "the invoice in ERPNext");
    // A standalone invoice: the order did not come from ERPNext.
    expect(original.items[0]).not.toHaveProperty("sales_order");

    const returnId = await requestReturn(gateway, orderId, [{ lineId: line, quantity: 1 }]);
    await receiveReturn(gateway, returnId, [{ lineId: line, received: 1, disposition: "RESTOCK" }]);
    await closed(gateway, returnId);
    expect(await carrierCharge(gateway, shipment, "RD-E2E-1", "REDELIVERY", "20.00")).toBe(
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
    const credit = await inErpnext(creditNote?.number, "the credit note in ERPNext");
    expect(credit).toMatchObject({ is_return: 1, return_against: original.name });
    expect(credit.items).toEqual([expect.objectContaining({ item_code: "MUG-01", qty: -1 })]);
    const debit = await inErpnext(adjustment?.number, "the debit note in ERPNext");
    expect(debit).toMatchObject({ is_debit_note: 1, return_against: original.name });
    expect(debit.items).toEqual([
      expect.objectContaining({ item_code: "CHG-REDELIVERY", qty: 1, rate: "20.00" }),
    ]);
  });

  it("an unmapped item is master data's exception, holding the order's later documents; once mapped, retrying it delivers them all", async () => {
    const { orderId, lineIds } = await erpOrder([{ sku: "CN-PEN", quantity: 4 }], null);
    const shipment = await ship(gateway, orderId, [{ lineId: lineIds[0] ?? "", quantity: 4 }]);
    const [invoice] = await issued(gateway, orderId, [shipment]);
    type Exception = { id: string; owner: string; category: string; error: string };
    // The shipment's Delivery Note comes first and is parked; the invoice waits behind it.
    const exception = await waitFor(
      async () => {
        const { exceptions } = await execute<{ exceptions: Paged<Exception> }>(
          gateway,
          `{ exceptions(filter: { service: "integrations", status: OPEN }) { edges { node { id owner category error } } } }`,
        );
        return nodes(exceptions).find((e) => e.error.includes(shipment));
      },
      { description: "the master-data exception", timeoutMs: 30_000 },
    );
    expect(exception).toMatchObject({ owner: "MASTER_DATA", category: "MISSING_REFERENCE" });
    expect(exception.error).toContain("item CN-PEN");
    expect(byReference(invoice?.number)).toEqual([]);
    expect(erp.deliveryNotes.filter((doc) => doc["waybill_reference"] === shipment)).toEqual([]);

    mapping.items["CN-PEN"] = "PEN-01";
    await saveMapping();
    await execute(gateway, `mutation ($id: ID!) { retryException(id: $id) { id } }`, {
      id: exception.id,
    });
    const doc = await inErpnext(invoice?.number, "the invoice after the retry");
    expect(doc.items[0]).toMatchObject({ item_code: "PEN-01", qty: 4 });
    expect(erp.deliveryNotes.filter((note) => note["waybill_reference"] === shipment)).toEqual([
      expect.objectContaining({ docstatus: 1 }),
    ]);
    await waitFor(
      async () => {
        const { exceptions } = await execute<{ exceptions: Paged<{ id: string }> }>(
          gateway,
          `{ exceptions(filter: { service: "integrations", status: OPEN }) { edges { node { id } } } }`,
        );
        return !nodes(exceptions).some((e) => e.id === exception.id);
      },
      { description: "the exception closed by the delivery" },
    );
  });
});
