import { RetryLaterError } from "@waybill/bus";
import type { ConsumerDefinition, ServiceRuntime, UnitOfWork } from "@waybill/service";
import { shipmentsRepository, type ShipmentsRepository } from "../store/repository.ts";

/** Units of each line that can no longer ship. */
async function cancel(
  repo: ShipmentsRepository,
  orderId: string,
  cancelled: { lineId: string; quantity: number }[],
  { session }: UnitOfWork,
): Promise<void> {
  const order = await repo.findOrder(orderId, session);
  if (!order) throw new RetryLaterError(`order ${orderId} has not reached shipments yet`);
  const lines = order.lines.map((line) => {
    const units = cancelled
      .filter((c) => c.lineId === line.lineId)
      .reduce((sum, c) => sum + c.quantity, 0);
    return { ...line, cancelled: Math.min(line.quantity, line.cancelled + units) };
  });
  await repo.saveOrderLines(orderId, lines, session);
}

/** Shipments keeps each order's shippable quantities, to check confirmations against them. */
export function shipmentsConsumers(runtime: ServiceRuntime): ConsumerDefinition[] {
  const repo = shipmentsRepository(runtime.store);
  return [
    {
      stream: "orders",
      handlers: {
        async "orders.order.placed"({ data }, { session }) {
          const lines = data.lines.map(({ lineId, sku, quantity }) => ({
            lineId,
            sku,
            quantity,
            cancelled: 0,
          }));
          const { orderId, customerId, currency } = data;
          const placedAt = new Date(data.placedAt);
          await repo.recordOrder({ _id: orderId, customerId, currency, lines, placedAt }, session);
        },
        "orders.order.cancelled": ({ data }, work) => cancel(repo, data.orderId, data.lines, work),
        "orders.order_line.cancelled": ({ data }, work) => cancel(repo, data.orderId, [data], work),
      },
    },
  ];
}
