// Two customers' worth of data (order, shipment, invoice, return, credit and adjustment notes,
// service case), made as admin, for the authorization suites to read and write as every role.
import { waitFor } from "@waybill/devtools";
import { INVOICE_IDS } from "../../documents/billing.ts";
import { INVOICE_NOTES } from "../../documents/billing-notes.ts";
import { CREATE_PRODUCT } from "../../documents/inventory.ts";
import { OPEN_SERVICE_CASES } from "../../documents/orders.ts";
import { RECEIVE_RETURN, REQUEST_RETURN } from "../../documents/returns.ts";
import { RECORD_CARRIER_CHARGE } from "../../documents/shipment-charges-voids.ts";
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
  /** The shipment's tracking number, which agents and customers search by. */
  trackingNumber: string;
  invoiceId: string;
  /** A return requested and not received. */
  returnId: string;
  /** A return received, and the credit note billing raised for it. */
  receivedReturnId: string;
  creditNoteId: string;
  /** The adjustment note re-billing a liftgate charged after the invoice's issue. */
  adjustmentNoteId: string;
};

/** Where the world is built. */
export type WorldSystem = { gatewayUrl: string };

/** Requests a return of one unit; retried while returns has not heard of the shipment. */
async function requestReturn(gateway: string, orderId: string, lineId: string) {
  return waitFor(
    async () => {
      const { requestReturn } = await execute(gateway, REQUEST_RETURN, {
        input: { orderId, reason: "damaged", lines: [{ lineId, quantity: 1 }] },
      });
      return requestReturn.__typename === "Return" ? requestReturn.id : undefined;
    },
    { description: "returns to know the shipment", timeoutMs: 30_000, intervalMs: 100 },
  );
}

type Notes = Pick<Account, "receivedReturnId" | "creditNoteId" | "adjustmentNoteId">;

/**
 * A credit note and an adjustment note on the account's invoice: a second return received, and
 * a liftgate the carrier charged after issue.
 */
async function notes(system: WorldSystem, account: Omit<Account, keyof Notes>): Promise<Notes> {
  const gateway = system.gatewayUrl;
  const receivedReturnId = await requestReturn(gateway, account.orderId, account.lineId);
  const { receiveReturn } = await execute(gateway, RECEIVE_RETURN, {
    input: {
      returnId: receivedReturnId,
      warehouse: "AMS1",
      lines: [{ lineId: account.lineId, received: 1, disposition: "RESTOCK" }],
    },
  });
  if (receiveReturn.__typename !== "Return") throw new Error(JSON.stringify(receiveReturn));
  const { recordCarrierCharge } = await execute(gateway, RECORD_CARRIER_CHARGE, {
    input: {
      shipmentId: account.shipmentId,
      carrierChargeId: `lift-${account.shipmentId}`,
      type: "LIFTGATE",
      amount: "25.00",
      description: "liftgate delivery",
    },
  });
  if (recordCarrierCharge.__typename !== "CarrierCharge")
    throw new Error(JSON.stringify(recordCarrierCharge));
  const invoice = await waitFor(
    async () => {
      const found = (await execute(gateway, INVOICE_NOTES, { id: account.invoiceId })).invoice;
      return found?.creditNotes.length && found.adjustmentNotes.length ? found : undefined;
    },
    { description: "billing's credit and adjustment notes", timeoutMs: 30_000, intervalMs: 100 },
  );
  const [creditNote] = invoice.creditNotes;
  const [adjustmentNote] = invoice.adjustmentNotes;
  if (!creditNote || !adjustmentNote) throw new Error("no notes");
  return { receivedReturnId, creditNoteId: creditNote.id, adjustmentNoteId: adjustmentNote.id };
}

export type World = {
  /** The customer whose data the limited principals (customer A, partner of A) may see. */
  a: Account;
  /** Everybody else's data. */
  b: Account;
  sku: string;
  caseId: string;
};

async function account(system: WorldSystem, sku: string, tracking: string): Promise<Account> {
  const gateway = system.gatewayUrl;
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
  const returnId = await requestReturn(gateway, orderId, lineId);
  const made = {
    customerId,
    orderId,
    lineId,
    shipmentId: shipment.id,
    trackingNumber: tracking,
    invoiceId,
    returnId,
  };
  return { ...made, ...(await notes(system, made)) };
}

/** Builds the world through the gateway as admin (the test system's default credential). */
export async function buildWorld(system: WorldSystem): Promise<World> {
  const gateway = system.gatewayUrl;
  const sku = `AUTHZ-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  await execute(gateway, CREATE_PRODUCT, {
    sku,
    name: "Authorization mug",
    warehouse: "AMS1",
    quantity: 100,
  });
  const a = await account(system, sku, `1ZA${Date.now()}`);
  const b = await account(system, sku, `1ZB${Date.now()}`);
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
