import { randomUUID } from "node:crypto";
import type { Session } from "@waybill/store";
import type { InventoryContext } from "../context.ts";
import { adjustOnHand } from "../domain/movements.ts";
import { textProblem, type StockProblem } from "../domain/stock.ts";
import { StockConflictError } from "../store/conflict.ts";
import type { InventoryRepository } from "../store/repository.ts";
import type { StockExceptionRecord } from "../store/records.ts";
import { announce, transactStock } from "./transact.ts";

export type NewStockException = Omit<
  StockExceptionRecord,
  "_id" | "status" | "openedAt" | "resolvedAt" | "comment"
>;

/** A new open stock exception, not yet stored. */
export function stockException(fields: NewStockException): StockExceptionRecord {
  return {
    _id: `sex_${randomUUID()}`,
    ...fields,
    status: "OPEN",
    openedAt: new Date(),
    resolvedAt: null,
    comment: null,
  };
}

/** Opens a stock exception for a person to review, in the caller's transaction. */
export async function openStockException(
  repo: InventoryRepository,
  fields: NewStockException,
  session: Session,
): Promise<StockExceptionRecord> {
  const exception = stockException(fields);
  await repo.recordStockException(exception, session);
  return exception;
}

export type ResolveOutcome =
  | { kind: "ok"; exception: StockExceptionRecord }
  | { kind: "unknown"; id: string }
  | { kind: "closed"; exception: StockExceptionRecord }
  | ({ kind: "invalid" } & StockProblem);

/**
 * Closes an open exception. Accepting a count variance applies the variance to the current on
 * hand (movements since the count stay counted), never below zero; rejecting discards the count.
 * A shipment shortfall was already clamped at zero: resolving it records the review only.
 */
export function resolveStockException(
  ctx: InventoryContext,
  args: { id: string; accept: boolean; comment?: string | null },
): Promise<ResolveOutcome> {
  const comment = args.comment?.trim() || null;
  const problem = comment === null ? null : textProblem("comment", comment);
  if (problem) return Promise.resolve({ kind: "invalid", ...problem });
  const { repo } = ctx;
  return transactStock(ctx.runtime, async ({ session, emit }): Promise<ResolveOutcome> => {
    const exception = await repo.findStockException(args.id, session);
    if (!exception) return { kind: "unknown", id: args.id };
    if (exception.status !== "OPEN") return { kind: "closed", exception };
    if (args.accept && exception.kind === "COUNT_VARIANCE") {
      const loaded = await repo.loadBook(exception.sku, session);
      const note = `count accepted: ${exception.reason}`;
      adjustOnHand(loaded.book, exception.warehouse, exception.variance, note);
      await announce(emit, await repo.saveBook(loaded, session));
    }
    const changes = {
      status: args.accept ? ("ACCEPTED" as const) : ("REJECTED" as const),
      resolvedAt: new Date(),
      comment,
    };
    if (!(await repo.closeStockException(exception._id, changes, session)))
      throw new StockConflictError(exception.sku);
    return { kind: "ok", exception: { ...exception, ...changes } };
  });
}
