import type { ConsumerDefinition, ServiceRuntime } from "@waybill/service";
import { inventoryRepository } from "../store/repository.ts";
import { consumeShipment } from "../usecases/consume-shipment.ts";
import { receiveReturn } from "../usecases/receive-return.ts";
import { releaseLine, releaseOrder } from "../usecases/release-order.ts";
import { reserveOrder } from "../usecases/reserve-order.ts";
import { voidShipment } from "../usecases/void-shipment.ts";

/**
 * Orders reserve and release stock; confirmed shipments consume it and voided ones put it back;
 * received returns restock it or write it off.
 */
export function inventoryConsumers(runtime: ServiceRuntime): ConsumerDefinition[] {
  const repo = inventoryRepository(runtime.store);
  return [
    {
      stream: "orders",
      handlers: {
        "orders.order.placed": (event, work) => reserveOrder(repo, event, work),
        "orders.order.cancelled": (event, work) => releaseOrder(repo, event, work),
        "orders.order_line.cancelled": (event, work) => releaseLine(repo, event, work),
      },
    },
    {
      stream: "shipments",
      handlers: {
        "shipments.shipment.confirmed": (event, work) => consumeShipment(repo, event, work),
        "shipments.shipment.voided": (event, work) => voidShipment(repo, event, work),
      },
    },
    {
      stream: "returns",
      handlers: {
        "returns.return.received": (event, work) => receiveReturn(repo, event, work),
      },
    },
  ];
}
