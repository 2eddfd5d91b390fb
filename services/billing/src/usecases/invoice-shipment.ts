import { randomUUID } from "node:crypto";
import type { EventOf } from "@waybill/contracts";
import { RetryLaterError } from "@waybill/bus";
import type { UnitOfWork } from "@waybill/service";
import { priceShipment, SERIES, seriesFor } from "../domain/invoice.ts";
import { settle, unchanged } from "../domain/lifecycle.ts";
import type { BillingRepository } from "../store/repository.ts";
import type { InvoiceRecord } from "../store/records.ts";
import { commit } from "./commit.ts";

/**
 * Creates the invoice of a confirmed shipment with the shipped quantities at the order's prices.
 * The customer's policy decides whether it is issued now or waits for delivery or proof.
 */
export async function invoiceShipment(
  repo: BillingRepository,
  event: EventOf<"shipments.shipment.confirmed">,
  work: UnitOfWork,
): Promise<void> {
  const { data } = event;
  const terms = await repo.orderTerms(data.orderId, work.session);
  if (!terms) throw new RetryLaterError(`order ${data.orderId} has not reached billing yet`);
  const existing = await repo.invoiceOfShipment(data.shipmentId, work.session);
  if (existing) return;
  const now = new Date();
  const invoice: InvoiceRecord = {
    _id: `inv_${randomUUID()}`,
    series: seriesFor(SERIES.invoice, now),
    number: null,
    status: "DRAFT",
    policy: terms.billingPolicy,
    orderId: terms._id,
    shipmentId: data.shipmentId,
    customerId: terms.customerId,
    currency: terms.currency,
    ...priceShipment(terms, data.lines, data.shippingCharge.amount),
    shippedQuantity: data.lines.reduce((sum, line) => sum + line.quantity, 0),
    holds: [],
    collectionHolds: [],
    delivery: { deliveredAt: null, proofAt: null, proofWaived: false, deliveredQuantity: null },
    touched: false,
    shippedAt: new Date(data.shippedAt),
    createdAt: now,
    issuedAt: null,
  };
  await commit(repo, settle(unchanged(invoice)), work, { insert: true });
}
