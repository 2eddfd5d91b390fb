import { isDuplicateKeyError, type Store } from "@waybill/store";

/**
 * What a Shopify id became in Waybill: `order:<id>` the order placed from it, `return:<id>` and
 * `refund:<id>` the return requested for a Shopify return or refund. A link with no `target` is a
 * claim in progress: the webhook that claimed it is asking the hub.
 */
export type ShopifyLinkRecord = {
  _id: string;
  target: string | null;
  /** For an order: Shopify's line item ids, in the order of the order's lines. */
  lineItems?: string[];
  linkedAt: Date;
};

/** Claimed or linked: whichever a second delivery of the same webhook finds. */
export type ShopifyClaim = { claimed: true } | { claimed: false; target: string | null };

/** Shopify ids and what they became, so a webhook delivered twice acts once. */
export function shopifyLinkRepository(store: Store) {
  const links = store.collection<ShopifyLinkRecord>("shopifyLinks");
  return {
    /** What a Shopify id became; null when nothing (or still being claimed). */
    async shopifyLink(key: string): Promise<ShopifyLinkRecord | null> {
      const link = await links.findOne({ _id: key });
      return link?.target ? link : null;
    },
    /** Links a Shopify id to what it became, whether claimed before or not. */
    async linkShopify(key: string, target: string, lineItems?: string[]): Promise<void> {
      await links.updateOne(
        { _id: key },
        { $set: { target, linkedAt: new Date(), ...(lineItems ? { lineItems } : {}) } },
        { upsert: true },
      );
    },
    /** Claims a Shopify id before acting on it; the claim already there otherwise. */
    async claimShopify(key: string): Promise<ShopifyClaim> {
      try {
        await links.insertOne({ _id: key, target: null, linkedAt: new Date() });
        return { claimed: true };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        return { claimed: false, target: (await links.findOne({ _id: key }))?.target ?? null };
      }
    },
    /** Gives a claim up when acting failed, so the next delivery tries again. */
    async releaseShopify(key: string): Promise<void> {
      await links.deleteOne({ _id: key, target: null });
    },
  };
}
