import type { ConsumerDefinition, ServiceRuntime } from "@waybill/runtime";
import { shipmentsRepository } from "../store/repository.ts";

/** Shipments keeps the ordered quantities of each order, to check confirmations against them. */
export function shipmentsConsumers(runtime: ServiceRuntime): ConsumerDefinition[] {
  const { orders } = shipmentsRepository(runtime.store);
  return [
    {
      stream: "orders",
      handlers: {
        async "orders.order.placed"({ data }, { session }) {
          await orders.updateOne(
            { _id: data.orderId },
            {
              $set: {
                currency: data.currency,
                lines: data.lines.map(({ lineId, sku, quantity }) => ({ lineId, sku, quantity })),
              },
            },
            { upsert: true, session },
          );
        },
      },
    },
  ];
}
