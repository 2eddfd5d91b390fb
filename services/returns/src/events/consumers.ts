import type { ConsumerDefinition, ServiceRuntime } from "@waybill/service";
import { returnsRepository } from "../store/repository.ts";

/** Returns keeps what shipped per order line, to check return requests against it. */
export function returnsConsumers(runtime: ServiceRuntime): ConsumerDefinition[] {
  const repo = returnsRepository(runtime.store);
  return [
    {
      stream: "shipments",
      handlers: {
        async "shipments.shipment.confirmed"({ data }, { session }) {
          const current = await repo.shippedOf(data.orderId, session);
          const lines = [...(current?.lines ?? [])];
          for (const line of data.lines) {
            const known = lines.find((candidate) => candidate.lineId === line.lineId);
            if (known) known.shipped += line.quantity;
            else lines.push({ lineId: line.lineId, sku: line.sku, shipped: line.quantity });
          }
          await repo.recordShipped(
            { _id: data.orderId, customerId: data.customerId, lines },
            session,
          );
        },
      },
    },
  ];
}
