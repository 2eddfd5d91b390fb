// Two customers' worth of data (order, shipment, invoice, return, service case), made as admin,
// for the authorization suites to read and write as every role.
import { waitFor } from "@waybill/devtools";
import { INVOICE_IDS } from "../../documents/billing.ts";
import { CREATE_PRODUCT } from "../../documents/inventory.ts";
import { OPEN_SERVICE_CASES } from "../../documents/orders.ts";
import { REQUEST_RETURN } from "../../documents/returns.ts";
import { RECORD_MILESTONE } from "../../documents/shipments.ts";
import { execute, nodes } from "../graphql.ts";
import { placeDemoOrder } from "../orders.ts";
import { confirmWhenKnown } from "../shipments.ts";

/** One customer's data. */
export type Account = {
  customerId: string;
  orderId: string;
  lineId: string;
  shipmentId: string;
  invoiceId: string;
  returnId: string;
};

export type World = {
  /** The customer whose data the limited principals (customer A, partner of A) may see. */
  a: Account;
  /** Everybody else's data. */
  b: Account;
  sku: string;
  caseId: string;
};

async function account(gateway: string, sku: string, tracking: string): Promise<Account> {
  const { customerId, orderId, lineIds } = await placeDemoOrder(gateway, [
    { sku, quantity: 3, unitPrice: "10.00", taxRate: "20" },
  ]);
  const lineId = lineIds[0] ?? "";
  const shipment = await confirmWhenKnown(gateway, {
    orderId,
    warehouse: "AMS1",
    lines: [{ lineId, quantity: 2 }],
    carrier: "UPS",
    service: "STANDARD",
    trackingNumber: tracking,
    shippedAt: new Date().toISOString(),
    shippingCharge: "4.90",
  });
  if (shipment.__typename !== "Shipment") throw new Error(JSON.stringify(shipment));
  const invoiceId = await waitFor(
    async () => nodes((await execute(gateway, INVOICE_IDS, { orderId })).invoices)[0]?.id,
    { description: "the invoice", timeoutMs: 30_000, intervalMs: 100 },
  );
  const returnId = await waitFor(
    async () => {
      const { requestReturn } = await execute(gateway, REQUEST_RETURN, {
        input: { orderId, reason: "damaged", lines: [{ lineId, quantity: 1 }] },
      });
      return requestReturn.__typename === "Return" ? requestReturn.id : undefined;
    },
    { description: "returns to know the shipment", timeoutMs: 30_000, intervalMs: 100 },
  );
  return { customerId, orderId, lineId, shipmentId: shipment.id, invoiceId, returnId };
}

/** Builds the world through the gateway as admin (the test system's default credential). */
export async function buildWorld(gateway: string): Promise<World> {
  const sku = `AUTHZ-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  await execute(gateway, CREATE_PRODUCT, {
    sku,
    name: "Authorization mug",
    warehouse: "AMS1",
    quantity: 100,
  });
  const a = await account(gateway, sku, `1ZA${Date.now()}`);
  const b = await account(gateway, sku, `1ZB${Date.now()}`);
  await execute(gateway, RECORD_MILESTONE, {
    input: {
      shipmentId: b.shipmentId,
      type: "EXCEPTION",
      occurredAt: new Date().toISOString(),
      reasonCode: "DAMAGED",
    },
  });
  const caseId = await waitFor(
    async () => nodes((await execute(gateway, OPEN_SERVICE_CASES, {})).serviceCases)[0]?.id,
    { description: "a service case", timeoutMs: 30_000, intervalMs: 100 },
  );
  return { a, b, sku, caseId };
}
