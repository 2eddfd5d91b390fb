import { isDuplicateKeyError } from "@waybill/runtime/store";
import type { CreateProductInput, ReceiveStockInput } from "../generated/resolvers.ts";
import type { InventoryContext } from "../context.ts";
import { receiptProblem, receive, skuProblem, type StockProblem } from "../domain/stock.ts";
import type { ProductRecord } from "../store/records.ts";

type Invalid = { kind: "invalid" } & StockProblem;
type Ok = { kind: "ok"; product: ProductRecord };
export type CreateOutcome = Ok | Invalid | { kind: "duplicate"; sku: string };
export type ReceiveOutcome = Ok | Invalid | { kind: "unknown"; sku: string };

/** Registers a product under its SKU. */
export async function createProduct(
  ctx: InventoryContext,
  input: CreateProductInput,
): Promise<CreateOutcome> {
  const problem = skuProblem(input.sku);
  if (problem) return { kind: "invalid", ...problem };
  const name = input.name.trim();
  if (!name || name.length > 200)
    return { kind: "invalid", field: "name", message: "name must be 1 to 200 characters" };
  const product: ProductRecord = { _id: input.sku, name, stock: [], createdAt: new Date() };
  try {
    await ctx.repo.products.insertOne(product);
  } catch (error) {
    if (isDuplicateKeyError(error)) return { kind: "duplicate", sku: input.sku };
    throw error;
  }
  return { kind: "ok", product };
}

/** Adds received goods to a warehouse's stock. */
export function receiveStock(
  ctx: InventoryContext,
  input: ReceiveStockInput,
): Promise<ReceiveOutcome> {
  return ctx.runtime.transact(async ({ session }): Promise<ReceiveOutcome> => {
    const problem = receiptProblem(input.warehouse, input.quantity);
    if (problem) return { kind: "invalid", ...problem };
    const product = await ctx.repo.products.findOne({ _id: input.sku }, { session });
    if (!product) return { kind: "unknown", sku: input.sku };
    const stock = receive(product.stock, input.warehouse, input.quantity);
    await ctx.repo.products.updateOne({ _id: product._id }, { $set: { stock } }, { session });
    return { kind: "ok", product: { ...product, stock } };
  });
}
