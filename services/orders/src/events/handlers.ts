import type { EventOf } from "@waybill/contracts";
import { formatAmount } from "@waybill/contracts";
import { RetryLaterError } from "@waybill/runtime/bus";
import type { UnitOfWork } from "@waybill/runtime";
import { addQuantities, billingStatus, fulfilmentStatus } from "../domain/status.ts";
import type { OrdersRepository } from "../store/repository.ts";
import type { OrderLineRecord, TimelineRecord } from "../store/records.ts";

async function orderOf(repo: OrdersRepository, orderId: string, work: UnitOfWork) {
  const order = await repo.findOrder(orderId, work.session);
  // Events of an order this service has not stored cannot happen unless data was lost: retry, then park.
  if (!order) throw new RetryLaterError(`order ${orderId} is not known`);
  return order;
}

async function saveLines(
  repo: OrdersRepository,
  orderId: string,
  lines: OrderLineRecord[],
  entry: TimelineRecord,
  work: UnitOfWork,
): Promise<void> {
  await repo.orders.updateOne(
    { _id: orderId },
    {
      $set: {
        lines,
        fulfilmentStatus: fulfilmentStatus(lines),
        billingStatus: billingStatus(lines),
      },
      $push: { timeline: entry },
    },
    { session: work.session },
  );
}

export async function onShipmentConfirmed(
  repo: OrdersRepository,
  event: EventOf<"shipments.shipment.confirmed">,
  work: UnitOfWork,
): Promise<void> {
  const { data } = event;
  const order = await orderOf(repo, data.orderId, work);
  const lines = addQuantities(order.lines, "shippedQuantity", data.lines);
  const units = data.lines.reduce((sum, line) => sum + line.quantity, 0);
  await saveLines(
    repo,
    order._id,
    lines,
    {
      at: new Date(data.shippedAt),
      kind: "SHIPMENT_CONFIRMED",
      message: `${units} unit(s) shipped with ${data.carrier} ${data.service}, tracking ${data.trackingNumber}`,
      reference: data.shipmentId,
    },
    work,
  );
}

export async function onInvoiceIssued(
  repo: OrdersRepository,
  event: EventOf<"billing.invoice.issued">,
  work: UnitOfWork,
): Promise<void> {
  const { data } = event;
  const order = await orderOf(repo, data.orderId, work);
  const lines = addQuantities(order.lines, "invoicedQuantity", data.lines);
  await saveLines(
    repo,
    order._id,
    lines,
    {
      at: new Date(data.issuedAt),
      kind: "INVOICE_ISSUED",
      message: `Invoice ${data.number} issued for ${formatAmount(data.total.amount, data.total.currency)} ${data.total.currency}`,
      reference: data.invoiceId,
    },
    work,
  );
}

export async function onMilestoneRecorded(
  repo: OrdersRepository,
  event: EventOf<"shipments.milestone.recorded">,
  work: UnitOfWork,
): Promise<void> {
  const { data } = event;
  await orderOf(repo, data.orderId, work);
  const label = data.type.toLowerCase().replaceAll("_", " ");
  await repo.appendTimeline(
    data.orderId,
    {
      at: new Date(data.occurredAt),
      kind: "MILESTONE",
      message: data.late ? `Shipment ${label} (reported late)` : `Shipment ${label}`,
      reference: data.shipmentId,
    },
    work.session,
  );
}
