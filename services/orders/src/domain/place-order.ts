import { isCurrency, parseAmount, parseTaxRate } from "@waybill/contracts";
import type { PlaceOrderInput } from "../generated/resolvers.ts";
import type { CustomerRecord, OrderRecord } from "../store/records.ts";

export interface InvalidOrder {
  kind: "invalid";
  field: string;
  message: string;
}

const MAX_LINES = 500;
const MAX_QUANTITY = 1_000_000;

function invalid(field: string, message: string): InvalidOrder {
  return { kind: "invalid", field, message };
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
  if (!isCurrency(input.currency))
    return invalid("currency", `unknown ISO 4217 currency "${input.currency}"`);
  if (input.lines.length === 0) return invalid("lines", "an order needs at least one line");
  if (input.lines.length > MAX_LINES)
    return invalid("lines", `an order has at most ${MAX_LINES} lines`);
  const lines = [];
  for (const [index, line] of input.lines.entries()) {
    const field = `lines.${index}`;
    if (!line.sku.trim()) return invalid(`${field}.sku`, "sku must not be empty");
    if (!Number.isInteger(line.quantity) || line.quantity <= 0 || line.quantity > MAX_QUANTITY) {
      return invalid(
        `${field}.quantity`,
        `quantity must be a whole number from 1 to ${MAX_QUANTITY}`,
      );
    }
    let unitPrice: number;
    let taxRatePpm: number;
    try {
      unitPrice = parseAmount(line.unitPrice, input.currency);
      taxRatePpm = parseTaxRate(line.taxRate);
    } catch (error) {
      return invalid(field, (error as Error).message);
    }
    if (unitPrice < 0) return invalid(`${field}.unitPrice`, "unit price must not be negative");
    lines.push({
      id: ids.line(index),
      sku: line.sku.trim(),
      quantity: line.quantity,
      unitPrice,
      taxRatePpm,
      shippedQuantity: 0,
      invoicedQuantity: 0,
    });
  }
  const reference = input.externalReference?.trim() || null;
  return {
    _id: ids.order,
    customerId: customer._id,
    channel,
    externalReference: reference,
    externalKey: reference ? `${channel}:${reference}` : `id:${ids.order}`,
    currency: input.currency,
    billingPolicy: customer.billingPolicy,
    lines,
    fulfilmentStatus: "UNFULFILLED",
    billingStatus: "NOT_BILLED",
    placedAt: now,
    timeline: [
      {
        at: now,
        kind: "ORDER_PLACED",
        message: `Order placed through ${channel}`,
        reference: null,
      },
    ],
  };
}
