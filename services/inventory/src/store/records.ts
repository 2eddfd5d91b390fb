export type StockRecord = { warehouse: string; onHand: number; reserved: number };

/** `_id` is the SKU. */
export type ProductRecord = {
  _id: string;
  name: string;
  stock: StockRecord[];
  createdAt: Date;
};
