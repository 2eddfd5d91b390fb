// Invoices and milestones for billing's unit tests.
import type { EventData } from "@waybill/contracts";
import { settle, unchanged } from "../src/domain/lifecycle.ts";
import type { InvoiceRecord } from "../src/store/records.ts";
import { STATUS_AFTER } from "./event-stream.ts";

type Milestone = EventData<"shipments.milestone.recorded">;

/** A new invoice of the policy, as billing creates it for a confirmed shipment of 3 units. */
export function invoice(policy: InvoiceRecord["policy"]): InvoiceRecord {
  return settle(
    unchanged({
      _id: "inv_1",
      series: "INV-2026",
      number: null,
      status: "DRAFT",
      policy,
      orderId: "ord_1",
      shipmentId: "shp_1",
      customerId: "cus_1",
      currency: "EUR",
      lines: [],
      shippedQuantity: 3,
      shippingCharge: 0,
      shippingTax: 0,
      subtotal: 0,
      taxTotal: 0,
      total: 0,
      holds: [],
      collectionHolds: [],
      delivery: { deliveredAt: null, proofAt: null, proofWaived: false, deliveredQuantity: null },
      touched: false,
      shippedAt: new Date("2026-01-01T00:00:00Z"),
      createdAt: new Date("2026-01-01T00:00:00Z"),
      issuedAt: null,
    }),
  ).invoice;
}

/** A milestone of shipment `shp_1` as shipments tells it (its first, unless `extra` says otherwise). */
export function milestone(
  type: Milestone["type"],
  at: string,
  extra: Partial<Milestone> = {},
): Milestone {
  return {
    shipmentId: "shp_1",
    orderId: "ord_1",
    customerId: "cus_1",
    milestoneId: `${type}-${at}`,
    type,
    occurredAt: at,
    status: STATUS_AFTER[type],
    deliveredAt: STATUS_AFTER[type] === "DELIVERED" ? at : null,
    revision: 1,
    late: false,
    carrier: "UPS",
    trackingNumber: "1Z1",
    location: null,
    signedBy: null,
    photoReference: null,
    reasonCode: null,
    deliveredQuantity: null,
    shippedQuantity: 3,
    ...extra,
  };
}
