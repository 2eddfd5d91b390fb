import { isCurrency, parseAmount, parseTaxRate } from "@waybill/contracts";
import type { TimelineEntry } from "../../customer-service/store/records.ts";
import type { OrderLineInput, PlaceOrderInput } from "../../generated/resolvers.ts";
import type { CustomerRecord, OrderLineRecord, OrderRecord } from "../store/records.ts";

export interface InvalidOrder {
  kind: "invalid";
  field: string;
  message: string;
}

const MAX_LINES = 500;
const MAX_QUANTITY = 1_000_000;
const MAX_TEXT = 200;

function invalid(field: string, message: string): InvalidOrder {
  return { kind: "invalid", field, message };
}

function parsed<T>(field: string, parse: () => T): T | InvalidOrder {
  try {
    return parse();
  } catch (error) {
    return invalid(field, (error as Error).message);
  }
}

function newLine(
  line: OrderLineInput,
  field: string,
  currency: string,
  id: string,
): OrderLineRecord | InvalidOrder {
  const sku = line.sku.trim();
  if (!sku) return invalid(`${field}.sku`, "sku must not be empty");
  if (sku.length > MAX_TEXT)
    return invalid(`${field}.sku`, `sku has at most ${MAX_TEXT} characters`);
  if (!Number.isInteger(line.quantity) || line.quantity <= 0 || line.quantity > MAX_QUANTITY) {
    return invalid(
      `${field}.quantity`,
      `quantity must be a whole number from 1 to ${MAX_QUANTITY}`,
    );
  }
  const unitPrice = parsed(`${field}.unitPrice`, () => parseAmount(line.unitPrice, currency));
  if (typeof unitPrice !== "number") return unitPrice;
  if (unitPrice < 0) return invalid(`${field}.unitPrice`, "unit price must not be negative");
  const taxRatePpm = parsed(`${field}.taxRate`, () => parseTaxRate(line.taxRate));
  if (typeof taxRatePpm !== "number") return taxRatePpm;
  return {
    id,
    sku,
    quantity: line.quantity,
    unitPrice,
    taxRatePpm,
    cancelledQuantity: 0,
    cancellationReason: null,
    shippedQuantity: 0,
    deliveredQuantity: 0,
    invoicedQuantity: 0,
    reservedQuantity: null,
    backorderedQuantity: null,
  };
}

/** Validates an order and builds its record; an invalid input is a result, not an exception. */
export function newOrder(
  input: PlaceOrderInput,
  customer: CustomerRecord,
  ids: { order: string; line: (index: number) => string },
  now: Date,
): OrderRecord | InvalidOrder {
  const channel = input.channel.trim();
  if (!channel) return invalid("channel", "channel must not be empty");
  if (channel.length > MAX_TEXT)
    return invalid("channel", `channel has at most ${MAX_TEXT} characters`);
  const reference = input.externalReference?.trim() || null;
  if (reference && reference.length > MAX_TEXT)
    return invalid("externalReference", `externalReference has at most ${MAX_TEXT} characters`);
  if (!isCurrency(input.currency))
    return invalid("currency", `unknown ISO 4217 currency "${input.currency}"`);
  if (input.lines.length === 0) return invalid("lines", "an order needs at least one line");
  if (input.lines.length > MAX_LINES)
    return invalid("lines", `an order has at most ${MAX_LINES} lines`);
  const lines: OrderLineRecord[] = [];
  for (const [index, line] of input.lines.entries()) {
    const built = newLine(line, `lines.${index}`, input.currency, ids.line(index));
    if ("kind" in built) return built;
    lines.push(built);
  }
  return {
    _id: ids.order,
    customerId: customer._id,
    channel,
    externalReference: reference,
    externalKey: reference ? `${channel}:${reference}` : `id:${ids.order}`,
    currency: input.currency,
    billingPolicy: customer.billingPolicy,
    shippingRefund: customer.shippingRefund ?? "NEVER",
    lines,
    fulfilmentStatus: "UNFULFILLED",
    billingStatus: "NOT_BILLED",
    revision: 1,
    placedAt: now,
    cancelledAt: null,
    cancellationReason: null,
    shipments: [],
    timeline: [],
  };
}

/** The order's first timeline entry. */
export const placedEntry = (order: OrderRecord): TimelineEntry => ({
  at: order.placedAt,
  kind: "ORDER_PLACED",
  message: `Order placed through ${order.channel}`,
  reference: null,
  key: "placed",
});
