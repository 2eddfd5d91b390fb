import type { AdjustStockInput } from "../generated/resolvers.ts";
import type { InventoryContext } from "../context.ts";
import { adjustOnHand, assessCount } from "../domain/movements.ts";
import { countProblem, type StockProblem } from "../domain/stock.ts";
import type { ProductRecord, StockExceptionRecord } from "../store/records.ts";
import { openStockException } from "./exceptions.ts";
import { announce, transactStock } from "./transact.ts";

export type AdjustOutcome =
  | { kind: "applied"; product: ProductRecord }
  | { kind: "review"; exception: StockExceptionRecord }
  | { kind: "unknown"; sku: string }
  | ({ kind: "invalid" } & StockProblem);

/**
 * A cycle count of one SKU in one warehouse. Within the variance threshold the count becomes the
 * on hand (an ADJUSTMENT); beyond it a stock exception is opened and stock is left as it was.
 * A count below what is reserved backorders the newest reservations that no longer fit.
 */
export function adjustStock(
  ctx: InventoryContext,
  input: AdjustStockInput,
): Promise<AdjustOutcome> {
  const problem = countProblem(input.warehouse, input.countedQuantity, input.reason);
  if (problem) return Promise.resolve({ kind: "invalid", ...problem });
  const reason = input.reason.trim();
  const { repo } = ctx;
  return transactStock(ctx.runtime, async ({ session, emit }): Promise<AdjustOutcome> => {
    const loaded = await repo.loadBook(input.sku, session);
    if (!loaded.product) return { kind: "unknown", sku: input.sku };
    const { book } = loaded;
    const onHand = book.stock.find((entry) => entry.warehouse === input.warehouse)?.onHand ?? 0;
    const decision = assessCount(onHand, input.countedQuantity, ctx.config.varianceThreshold);
    if (decision.kind === "review") {
      const exception = await openStockException(
        repo,
        {
          kind: "COUNT_VARIANCE",
          sku: input.sku,
          warehouse: input.warehouse,
          expected: onHand,
          counted: input.countedQuantity,
          variance: decision.variance,
          reason,
          reference: null,
        },
        session,
      );
      return { kind: "review", exception };
    }
    adjustOnHand(book, input.warehouse, decision.variance, `cycle count: ${reason}`);
    await announce(emit, await repo.saveBook(loaded, session));
    return { kind: "applied", product: { ...loaded.product, stock: book.stock } };
  });
}
