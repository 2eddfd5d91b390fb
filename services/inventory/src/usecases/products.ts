import { isDuplicateKeyError } from "@waybill/store";
import type { CreateProductInput, ReceiveStockInput } from "../generated/resolvers.ts";
import type { InventoryContext } from "../context.ts";
import { receiveInto } from "../domain/movements.ts";
import { receiptProblem, skuProblem, type StockProblem } from "../domain/stock.ts";
import type { ProductRecord } from "../store/records.ts";
import { announce, transactStock } from "./transact.ts";

type Invalid = { kind: "invalid" } & StockProblem;
type Ok = { kind: "ok"; product: ProductRecord };
export type CreateOutcome = Ok | Invalid | { kind: "duplicate"; sku: string };
export type ReceiveOutcome = Ok | Invalid | { kind: "unknown"; sku: string };

/** Registers a product under its SKU and announces it (`inventory.product.created`). */
export async function createProduct(
  ctx: InventoryContext,
  input: CreateProductInput,
): Promise<CreateOutcome> {
  const problem = skuProblem(input.sku);
  if (problem) return { kind: "invalid", ...problem };
  const name = input.name.trim();
  if (!name || name.length > 200)
    return { kind: "invalid", field: "name", message: "name must be 1 to 200 characters" };
  const product: ProductRecord = {
    _id: input.sku,
    name,
    stock: [],
    version: 0,
    createdAt: new Date(),
  };
  try {
    return await ctx.runtime.transact(async ({ session, emit }): Promise<CreateOutcome> => {
      if (await ctx.repo.findProduct(product._id, session))
        return { kind: "duplicate", sku: product._id };
      await ctx.repo.addProduct(product, session);
      await emit("inventory.product.created", product._id, { sku: product._id, name });
      return { kind: "ok", product };
    });
  } catch (error) {
    // Two creations racing: the primary key lets one through.
    if (isDuplicateKeyError(error)) return { kind: "duplicate", sku: product._id };
    throw error;
  }
}

/** Adds received goods to a warehouse's stock and fills backorders with them, oldest first. */
export function receiveStock(
  ctx: InventoryContext,
  input: ReceiveStockInput,
): Promise<ReceiveOutcome> {
  const problem = receiptProblem(input.warehouse, input.quantity);
  if (problem) return Promise.resolve({ kind: "invalid", ...problem });
  return transactStock(ctx.runtime, async ({ session, emit }): Promise<ReceiveOutcome> => {
    const loaded = await ctx.repo.loadBook(input.sku, session);
    if (!loaded.product) return { kind: "unknown", sku: input.sku };
    receiveInto(loaded.book, input.warehouse, input.quantity);
    await announce(emit, await ctx.repo.saveBook(loaded, session));
    return {
      kind: "ok",
      product: { ...loaded.product, stock: loaded.book.stock },
    };
  });
}
