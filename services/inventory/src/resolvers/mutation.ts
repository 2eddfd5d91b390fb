import type { MutationResolvers } from "../generated/resolvers.ts";
import type { StockProblem } from "../domain/stock.ts";
import { createProduct, receiveStock } from "../usecases/products.ts";

const invalid = (problem: StockProblem) => ({
  __typename: "InvalidStockInputError" as const,
  code: "INVALID_STOCK_INPUT",
  ...problem,
});

export const Mutation: MutationResolvers = {
  async createProduct(_, { input }, ctx) {
    const outcome = await createProduct(ctx, input);
    if (outcome.kind === "ok") return { __typename: "Product", ...outcome.product };
    if (outcome.kind === "invalid") return invalid(outcome);
    return {
      __typename: "DuplicateProductError",
      code: "DUPLICATE_PRODUCT",
      message: `product ${outcome.sku} exists`,
      sku: outcome.sku,
    };
  },
  async receiveStock(_, { input }, ctx) {
    const outcome = await receiveStock(ctx, input);
    if (outcome.kind === "ok") return { __typename: "Product", ...outcome.product };
    if (outcome.kind === "invalid") return invalid(outcome);
    return {
      __typename: "UnknownProductError",
      code: "UNKNOWN_PRODUCT",
      message: `no product ${outcome.sku}`,
      sku: outcome.sku,
    };
  },
};
