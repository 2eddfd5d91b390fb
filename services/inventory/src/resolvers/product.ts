import type { ProductResolvers, QueryResolvers } from "../generated/resolvers.ts";
import { available } from "../domain/stock.ts";
import { pageSize } from "./page.ts";

export const productQueries: QueryResolvers = {
  product: (_, { sku }, ctx) => ctx.loaders.product.load(sku),
  products: (_, { first }, ctx) =>
    ctx.repo.products.find({}, { sort: { _id: 1 }, limit: pageSize(first, 100) }),
};

export const Product: ProductResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.product.load(reference.sku),
  sku: (product) => product._id,
  stock: (product) => product.stock.map((level) => ({ ...level, available: available(level) })),
  onHand: (product) => product.stock.reduce((sum, level) => sum + level.onHand, 0),
  reserved: (product) => product.stock.reduce((sum, level) => sum + level.reserved, 0),
  available: (product) => product.stock.reduce((sum, level) => sum + available(level), 0),
  backordered: (product, _, ctx) => ctx.loaders.backordered.load(product._id),
  movements: (product, { first }, ctx) =>
    ctx.repo.movements.find(
      { sku: product._id },
      { sort: { version: -1, index: -1 }, limit: pageSize(first, 50) },
    ),
};
