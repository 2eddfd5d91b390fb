import { requireScope } from "@waybill/auth";
import { paged } from "@waybill/graphql";
import type { InventoryContext } from "../context.ts";
import type { ProductResolvers, QueryResolvers } from "../generated/resolvers.ts";
import { available } from "../domain/stock.ts";
import { MOVEMENTS_NEWEST_FIRST, PRODUCTS_BY_SKU } from "../store/pages.ts";

/** Stock per warehouse, reservations and movements are for staff with `inventory:read`. */
const stockReader = (ctx: InventoryContext) => requireScope(ctx.principal, "inventory:read");

export const productQueries: QueryResolvers = {
  product(_, { sku }, ctx) {
    requireScope(ctx.principal, "catalog:read");
    return ctx.loaders.product.load(sku);
  },
  products(_, args, ctx) {
    requireScope(ctx.principal, "catalog:read");
    return paged(args, PRODUCTS_BY_SKU, (page) => ctx.repo.productsPage(page));
  },
};

export const Product: ProductResolvers = {
  __resolveReference(reference, ctx) {
    requireScope(ctx.principal, "catalog:read");
    return ctx.loaders.product.load(reference.sku);
  },
  sku: (product) => product._id,
  stock(product, _, ctx) {
    stockReader(ctx);
    return product.stock.map((level) => ({ ...level, available: available(level) }));
  },
  onHand(product, _, ctx) {
    stockReader(ctx);
    return product.stock.reduce((sum, level) => sum + level.onHand, 0);
  },
  reserved(product, _, ctx) {
    stockReader(ctx);
    return product.stock.reduce((sum, level) => sum + level.reserved, 0);
  },
  // Available to promise is what a storefront shows: catalog readers may see it.
  available: (product) => product.stock.reduce((sum, level) => sum + available(level), 0),
  backordered(product, _, ctx) {
    stockReader(ctx);
    return ctx.loaders.backordered.load(product._id);
  },
  movements(product, args, ctx) {
    stockReader(ctx);
    return paged(args, MOVEMENTS_NEWEST_FIRST, (page) => ctx.repo.movementsPage(product._id, page));
  },
};
