import type { ServiceRuntime } from "@waybill/service";
import { isDuplicateKeyError } from "@waybill/store";
import type { OrdersRooms } from "../../context.ts";
import { newCustomer } from "../../lifecycle/usecases/customers.ts";
import { writeOrder } from "../../lifecycle/usecases/write-order.ts";
import type { MappedShopifyOrder } from "./mapping.ts";

export const SHOPIFY_CHANNEL = "shopify";

export type IngestOutcome =
  | { kind: "created"; orderId: string }
  | { kind: "existing"; orderId: string }
  | { kind: "rejected"; reason: string };

/**
 * Places a Shopify order once: the same Shopify order id answers with the order placed before.
 * The customer is found by email or created (ON_SHIPMENT) in the same transaction as the order,
 * and only when the order is placed, so a refusal writes nothing.
 */
async function ingestOnce(
  runtime: ServiceRuntime,
  rooms: OrdersRooms,
  order: MappedShopifyOrder,
): Promise<IngestOutcome> {
  return runtime.transact(async (work): Promise<IngestOutcome> => {
    const key = `${SHOPIFY_CHANNEL}:${order.reference}`;
    const existing = await rooms.orders.findByExternalKey(key, work.session);
    if (existing) return { kind: "existing", orderId: existing._id };
    const known = await rooms.orders.findCustomerByEmail(order.email, work.session);
    const customer = known ?? newCustomer(order.customerName, order.email, "ON_SHIPMENT");
    const input = {
      customerId: customer._id,
      channel: SHOPIFY_CHANNEL,
      externalReference: order.reference,
      currency: order.currency,
      lines: order.lines,
    };
    const outcome = await writeOrder(rooms, work, input, customer);
    switch (outcome.kind) {
      case "placed":
        if (!known) await rooms.orders.insertCustomer(customer, work.session);
        return { kind: "created", orderId: outcome.order._id };
      case "duplicate":
        return { kind: "existing", orderId: outcome.existing._id };
      case "unknown_sku":
        return { kind: "rejected", reason: `unknown SKU(s): ${outcome.skus.join(", ")}` };
      case "invalid":
        return { kind: "rejected", reason: `${outcome.field}: ${outcome.message}` };
    }
  });
}

/** Ingests with one retry: a concurrent delivery of the same order or customer wins a unique index. */
export async function ingestShopifyOrder(
  runtime: ServiceRuntime,
  rooms: OrdersRooms,
  order: MappedShopifyOrder,
): Promise<IngestOutcome> {
  try {
    return await ingestOnce(runtime, rooms, order);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return ingestOnce(runtime, rooms, order);
  }
}
