import { formatAmount, formatTaxRate } from "@waybill/contracts";
import { readable } from "@waybill/auth";
import { codedError, paged } from "@waybill/graphql";
import type {
  OrderLineResolvers,
  OrderResolvers,
  CustomerResolvers,
} from "../../generated/resolvers.ts";
import { ORDERS_OLDEST_FIRST } from "../store/pages.ts";
import { ownerOfCustomer, ownerOfOrder } from "./access.ts";

export const Order: OrderResolvers = {
  __resolveReference: async (reference, ctx) =>
    readable(
      ctx.principal,
      "orders:read",
      await ctx.loaders.order.load(reference.id),
      ownerOfOrder,
    ),
  id: (order) => order._id,
  async customer(order, _, ctx) {
    const customer = await ctx.loaders.customer.load(order.customerId);
    if (!customer)
      throw codedError(
        "NOT_FOUND",
        `customer ${order.customerId} of order ${order._id} is missing`,
      );
    return customer;
  },
  // Orders written before their changes were told have none.
  revision: (order) => order.revision ?? 0,
  lines: (order) => order.lines.map((line) => ({ ...line, currency: order.currency })),
  total(order) {
    const net = order.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
    return { amount: formatAmount(net, order.currency), currency: order.currency };
  },
};

export const OrderLine: OrderLineResolvers = {
  product: (line) => ({ __typename: "Product", sku: line.sku }),
  unitPrice: (line) => ({
    amount: formatAmount(line.unitPrice, line.currency),
    currency: line.currency,
  }),
  netAmount: (line) => ({
    amount: formatAmount(line.unitPrice * line.quantity, line.currency),
    currency: line.currency,
  }),
  taxRate: (line) => formatTaxRate(line.taxRatePpm),
  // Lines written before returns and credit notes were counted have neither.
  returnedQuantity: (line) => line.returnedQuantity ?? 0,
  creditedQuantity: (line) => line.creditedQuantity ?? 0,
};

export const Customer: CustomerResolvers = {
  __resolveReference: async (reference, ctx) =>
    readable(
      ctx.principal,
      "orders:read",
      await ctx.loaders.customer.load(reference.id),
      ownerOfCustomer,
    ),
  id: (customer) => customer._id,
  shippingRefund: (customer) => customer.shippingRefund ?? "NEVER",
  orders: (customer, args, ctx) =>
    paged(args, ORDERS_OLDEST_FIRST, (page) =>
      ctx.loaders.ordersOfCustomer.load({ parent: customer._id, page }),
    ),
};
