import { randomUUID } from "node:crypto";
import type { EventOf } from "@waybill/contracts";
import type { UnitOfWork } from "@waybill/runtime";
import { RetryLaterError } from "@waybill/runtime/bus";
import { invoiceNumber, priceShipment, seriesFor } from "../domain/invoice.ts";
import type { BillingRepository } from "../store/repository.ts";
import type { InvoiceRecord } from "../store/records.ts";

/**
 * Creates the invoice of a confirmed shipment. Under ON_SHIPMENT it is issued at once with the
 * next gapless number; other policies leave it a draft until their milestone arrives.
 */
export async function invoiceShipment(
  repo: BillingRepository,
  event: EventOf<"shipments.shipment.confirmed">,
  { session, emit, logger }: UnitOfWork,
): Promise<void> {
  const { data } = event;
  const terms = await repo.orders.findOne({ _id: data.orderId }, { session });
  if (!terms) throw new RetryLaterError(`order ${data.orderId} has not reached billing yet`);
  const existing = await repo.invoices.findOne({ shipmentId: data.shipmentId }, { session });
  if (existing) return;
  const amounts = priceShipment(terms, data.lines, data.shippingCharge.amount);
  const now = new Date();
  const issue = terms.billingPolicy === "ON_SHIPMENT";
  const series = seriesFor(now);
  const invoice: InvoiceRecord = {
    _id: `inv_${randomUUID()}`,
    series,
    number: issue ? invoiceNumber(series, await repo.nextNumber(series, session)) : null,
    status: issue ? "ISSUED" : "DRAFT",
    orderId: terms._id,
    shipmentId: data.shipmentId,
    customerId: terms.customerId,
    currency: terms.currency,
    ...amounts,
    createdAt: now,
    issuedAt: issue ? now : null,
  };
  await repo.invoices.insertOne(invoice, { session });
  logger.info(
    {
      invoiceId: invoice._id,
      number: invoice.number,
      shipmentId: data.shipmentId,
      status: invoice.status,
    },
    issue ? "invoice issued" : "invoice drafted",
  );
  if (!issue || !invoice.number) return;
  await emit("billing.invoice.issued", invoice._id, {
    invoiceId: invoice._id,
    number: invoice.number,
    orderId: invoice.orderId,
    shipmentId: invoice.shipmentId,
    customerId: invoice.customerId,
    lines: invoice.lines.map(({ lineId, quantity }) => ({ lineId, quantity })),
    total: { amount: invoice.total, currency: invoice.currency },
    issuedAt: now.toISOString(),
  });
}
