import type { ConsumerDefinition, ServiceRuntime } from "@waybill/service";
import { billingRepository } from "../store/repository.ts";
import { applyMilestone } from "../usecases/apply-milestone.ts";
import { invoiceShipment } from "../usecases/invoice-shipment.ts";

/** Billing keeps each order's agreed prices, invoices every shipment and follows its milestones. */
export function billingConsumers(runtime: ServiceRuntime): ConsumerDefinition[] {
  const repo = billingRepository(runtime.store);
  return [
    {
      stream: "orders",
      handlers: {
        async "orders.order.placed"({ data }, { session }) {
          const { orderId, customerId, currency, billingPolicy, lines } = data;
          await repo.recordTerms(
            { _id: orderId, customerId, currency, billingPolicy, lines },
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
      },
    },
  ];
}
