import type { Store } from "@waybill/store";

/**
 * Where the Magento pull stands: the last order it handled, by `updated_at` (Magento's UTC text,
 * which sorts as it compares) and `entity_id`. The next search starts after it in that order, so
 * a page ending among orders of one `updated_at` resumes after the last one handled.
 */
export type MagentoWatermarkRecord = { _id: string; updatedAt: string; entityId: number };

/** What became of a pulled Magento order in Waybill. */
export type MagentoPulledState = "placed" | "cancelled" | "refused" | "cancelled_unplaced";

/** A Magento order the pull handled, by increment id: its entity id and Waybill order. */
export type MagentoOrderRecord = {
  _id: string;
  entityId: number;
  orderId: string | null;
  state: MagentoPulledState;
  /** Why Waybill refused it or could not cancel it. */
  note: string | null;
  updatedAt: string;
  handledAt: Date;
};

/** The Magento pull's own collections: its watermark and the orders it handled. */
export function magentoPullRepository(store: Store) {
  const watermarks = store.collection<MagentoWatermarkRecord>("magentoWatermarks");
  const orders = store.collection<MagentoOrderRecord>("magentoOrders");
  return {
    /** The watermark of `name`; before the first order, `since` (the configured start). */
    async watermark(name: string, since: string): Promise<MagentoWatermarkRecord> {
      return (
        (await watermarks.findOne({ _id: name })) ?? { _id: name, updatedAt: since, entityId: 0 }
      );
    },
    /** Moves the watermark to a handled order. */
    async advance(name: string, updatedAt: string, entityId: number): Promise<void> {
      await watermarks.updateOne(
        { _id: name },
        { $set: { updatedAt, entityId } },
        { upsert: true },
      );
    },
    order: (incrementId: string) => orders.findOne({ _id: incrementId }),
    async recordOrder(record: MagentoOrderRecord): Promise<void> {
      const { _id, ...fields } = record;
      await orders.updateOne({ _id }, { $set: fields }, { upsert: true });
    },
  };
}

export type MagentoPullRepository = ReturnType<typeof magentoPullRepository>;
