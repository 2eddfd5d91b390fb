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

/**
 * How long a claim may wait for its link: past this its webhook is taken to have died (a crash
 * between claim and link) and the next delivery claims it again.
 */
export const SHOPIFY_CLAIM_MS = 5 * 60_000;

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
    /** Claims a Shopify id before acting on it; the claim or link already there otherwise. */
    async claimShopify(key: string, now = new Date()): Promise<ShopifyClaim> {
      try {
        await links.insertOne({ _id: key, target: null, linkedAt: now });
        return { claimed: true };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const found = await links.findOne({ _id: key });
      if (found?.target) return { claimed: false, target: found.target };
      if (!found || now.getTime() - found.linkedAt.getTime() < SHOPIFY_CLAIM_MS)
        return { claimed: false, target: null };
      // A stale claim: taken over by whoever moves its time first.
      const taken = await links.updateOne(
        { _id: key, target: null, linkedAt: found.linkedAt },
        { $set: { linkedAt: now } },
      );
      return taken.modifiedCount === 1 ? { claimed: true } : { claimed: false, target: null };
    },
    /** Gives a claim up when acting failed, so the next delivery tries again. */
    async releaseShopify(key: string): Promise<void> {
      await links.deleteOne({ _id: key, target: null });
    },
  };
}
