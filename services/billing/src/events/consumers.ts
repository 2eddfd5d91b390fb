import type { ConsumerDefinition, ServiceRuntime } from "@waybill/runtime";
import { billingRepository } from "../store/repository.ts";
import { invoiceShipment } from "../usecases/invoice-shipment.ts";

/** Billing keeps each order's agreed prices and invoices every confirmed shipment. */
export function billingConsumers(runtime: ServiceRuntime): ConsumerDefinition[] {
  const repo = billingRepository(runtime.store);
  return [
    {
      stream: "orders",
      handlers: {
        async "orders.order.placed"({ data }, { session }) {
          const { orderId, customerId, currency, billingPolicy, lines } = data;
          await repo.orders.updateOne(
            { _id: orderId },
            { $set: { customerId, currency, billingPolicy, lines } },
            { upsert: true, session },
          );
        },
      },
    },
    {
      stream: "shipments",
      handlers: {
        "shipments.shipment.confirmed": (event, work) => invoiceShipment(repo, event, work),
      },
    },
  ];
}
