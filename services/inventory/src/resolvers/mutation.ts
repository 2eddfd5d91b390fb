import { requireScope } from "@waybill/auth";
import type { MutationResolvers } from "../generated/resolvers.ts";
import type { StockProblem } from "../domain/stock.ts";
import { adjustStock } from "../usecases/count.ts";
import { createProduct, receiveStock } from "../usecases/products.ts";

const invalid = (problem: StockProblem) => ({
  __typename: "InvalidStockInputError" as const,
  code: "INVALID_STOCK_INPUT",
  field: problem.field,
  message: problem.message,
});

const unknown = (sku: string) => ({
  __typename: "UnknownProductError" as const,
  code: "UNKNOWN_PRODUCT",
  message: `no product ${sku}`,
  sku,
});

export const productMutations: MutationResolvers = {
  async createProduct(_, { input }, ctx) {
    requireScope(ctx.principal, "inventory:write");
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
    requireScope(ctx.principal, "inventory:write");
    const outcome = await receiveStock(ctx, input);
    if (outcome.kind === "ok") return { __typename: "Product", ...outcome.product };
    if (outcome.kind === "invalid") return invalid(outcome);
    return unknown(outcome.sku);
  },
  async adjustStock(_, { input }, ctx) {
    requireScope(ctx.principal, "inventory:write");
    const outcome = await adjustStock(ctx, input);
    switch (outcome.kind) {
      case "applied":
        return { __typename: "Product", ...outcome.product };
      case "review":
        return { __typename: "StockException", ...outcome.exception };
      case "unknown":
        return unknown(outcome.sku);
      case "invalid":
        return invalid(outcome);
    }
  },
};
