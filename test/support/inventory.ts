// Inventory through the gateway: products with stock per warehouse, stock levels and reservations.
import type { ResultOf } from "@graphql-typed-document-node/core";
import {
  CREATE_PRODUCT_WITHOUT_STOCK,
  PRODUCT_STOCK,
  RECEIVE_STOCK,
  RESERVATIONS,
  type RESERVATION_FIELDS,
} from "../documents/inventory.ts";
import { execute } from "./graphql.ts";

export type ProductStock = NonNullable<ResultOf<typeof PRODUCT_STOCK>["product"]>;
export type Reservation = ResultOf<typeof RESERVATION_FIELDS>;

export async function productStock(gateway: string, sku: string): Promise<ProductStock> {
  const { product } = await execute(gateway, PRODUCT_STOCK, { sku });
  if (!product) throw new Error(`no product ${sku}`);
  return product;
}

export async function reservationsOf(gateway: string, orderId: string): Promise<Reservation[]> {
  const data = await execute(gateway, RESERVATIONS, { orderId });
  return data.reservations;
}

/** A product with stock received per warehouse. */
export async function stockedProduct(
  gateway: string,
  sku: string,
  stock: Record<string, number>,
): Promise<void> {
  await execute(gateway, CREATE_PRODUCT_WITHOUT_STOCK, { sku });
  for (const [warehouse, quantity] of Object.entries(stock)) {
    await execute(gateway, RECEIVE_STOCK, { input: { sku, warehouse, quantity } });
  }
}
