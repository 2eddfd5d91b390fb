import type { ProductResolvers, QueryResolvers } from "../generated/resolvers.ts";
import { available } from "../domain/stock.ts";
import { codedError } from "@waybill/runtime";

export const Query: QueryResolvers = {
  product: (_, { sku }, ctx) => ctx.loaders.product.load(sku),
  products(_, { first }, ctx) {
    const size = first ?? 100;
    if (size < 1 || size > 500)
      throw codedError("BAD_USER_INPUT", "first must be between 1 and 500");
    return ctx.repo.products.find({}, { sort: { _id: 1 }, limit: size });
  },
};

export const Product: ProductResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.product.load(reference.sku),
  sku: (product) => product._id,
  stock: (product) => product.stock.map((level) => ({ ...level, available: available(level) })),
  onHand: (product) => product.stock.reduce((sum, level) => sum + level.onHand, 0),
  available: (product) => product.stock.reduce((sum, level) => sum + available(level), 0),
};
