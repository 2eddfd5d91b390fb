import type { CarrierChargeType } from "@waybill/contracts";
import type { ConsumerDefinition, ServiceRuntime } from "@waybill/service";
import { billingRepository } from "../store/repository.ts";
import { applyMilestone } from "../usecases/apply-milestone.ts";
import { invoiceShipment } from "../usecases/invoice-shipment.ts";
import { recordCarrierCharge } from "../usecases/record-charge.ts";
import { settleReturn } from "../usecases/settle-return.ts";
import { voidShipmentInvoice } from "../usecases/void-shipment.ts";

/**
 * Billing keeps each order's agreed prices, invoices every shipment and follows its milestones,
 * voids and carrier charges, and credits what comes back.
 */
export function billingConsumers(
  runtime: ServiceRuntime,
  { rebilled }: { rebilled: ReadonlySet<CarrierChargeType> },
): ConsumerDefinition[] {
  const repo = billingRepository(runtime.store);
  return [
    {
      stream: "orders",
      handlers: {
        async "orders.order.placed"({ data }, { session }) {
          const { orderId, customerId, currency, billingPolicy, shippingRefund, lines } = data;
          await repo.recordTerms(
            { _id: orderId, customerId, currency, billingPolicy, shippingRefund, lines },
            session,
          );
        },
      },
    },
    {
      stream: "shipments",
      handlers: {
        "shipments.shipment.confirmed": (event, work) => invoiceShipment(repo, event, work),
        "shipments.milestone.recorded": (event, work) => applyMilestone(repo, event, work),
        "shipments.shipment.voided": (event, work) => voidShipmentInvoice(repo, event, work),
        "shipments.carrier_charge.recorded": (event, work) =>
          recordCarrierCharge(repo, rebilled, event, work),
      },
    },
    {
      stream: "returns",
      handlers: {
        "returns.return.received": (event, work) => settleReturn(repo, event, work),
      },
    },
  ];
}
