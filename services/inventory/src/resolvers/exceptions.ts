import { requireScope, requireStaff } from "@waybill/auth";
import { paged } from "@waybill/graphql";
import type {
  MutationResolvers,
  QueryResolvers,
  StockExceptionResolvers,
} from "../generated/resolvers.ts";
import { resolveStockException } from "../usecases/exceptions.ts";
import { STOCK_EXCEPTIONS_OLDEST_FIRST } from "../store/pages.ts";

export const exceptionQueries: QueryResolvers = {
  stockExceptions(_, { status, ...args }, ctx) {
    requireStaff(ctx.principal, "inventory:read");
    return paged(args, STOCK_EXCEPTIONS_OLDEST_FIRST, (page) =>
      ctx.repo.stockExceptionsPage(status, page),
    );
  },
};

export const StockException: StockExceptionResolvers = {
  id: (exception) => exception._id,
  product: (exception, _, ctx) => ctx.loaders.product.load(exception.sku),
};

export const exceptionMutations: MutationResolvers = {
  async resolveStockException(_, args, ctx) {
    requireScope(ctx.principal, "inventory:write");
    const outcome = await resolveStockException(ctx, args);
    switch (outcome.kind) {
      case "ok":
        return { __typename: "StockException", ...outcome.exception };
      case "unknown":
        return {
          __typename: "UnknownStockExceptionError",
          code: "UNKNOWN_STOCK_EXCEPTION",
          message: `no stock exception ${outcome.id}`,
          id: outcome.id,
        };
      case "closed":
        return {
          __typename: "StockExceptionClosedError",
          code: "STOCK_EXCEPTION_CLOSED",
          message: `stock exception ${outcome.exception._id} is already ${outcome.exception.status.toLowerCase()}`,
          exception: outcome.exception,
        };
      case "invalid":
        return {
          __typename: "InvalidStockInputError",
          code: "INVALID_STOCK_INPUT",
          field: outcome.field,
          message: outcome.message,
        };
    }
  },
};
