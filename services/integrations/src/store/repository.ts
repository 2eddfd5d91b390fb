import { findPage, isDuplicateKeyError, type PageQuery, type Store } from "@waybill/store";
import { integrationsCollections } from "./collections.ts";
import { RECEIPTS_NEWEST_FIRST } from "./pages.ts";
import type { CarrierEventRecord, FulfillmentLinkRecord, WebhookReceiptRecord } from "./records.ts";
import { shopifyLinkRepository } from "./shopify-links.ts";

/** Indexes of the integrations database; idempotent. */
export async function prepareIntegrationsStore(store: Store): Promise<void> {
  const { receipts } = integrationsCollections(store);
  await receipts.createIndex({ keys: { receivedAt: -1 } });
  await receipts.createIndex({ keys: { source: 1, receivedAt: -1 } });
}

/** The key of a source's event: sources' event ids are unique only within the source. */
export const carrierEventKey = (source: string, eventId: string) => `${source}:${eventId}`;

/**
 * Reads and writes of what the integrations service keeps: webhook receipts, carrier events
 * handled, and the tracking of Shopify fulfilments.
 */
export function integrationsRepository(store: Store) {
  const { receipts, carrierEvents, fulfillmentLinks } = integrationsCollections(store);
  return {
    ...shopifyLinkRepository(store),
    /** The carrier event handled before under this source's event id, if any. */
    handledCarrierEvent: (source: string, eventId: string) =>
      carrierEvents.findOne({ _id: carrierEventKey(source, eventId) }),
    /** Records a handled carrier event; false when it had been recorded already. */
    async recordCarrierEvent(event: CarrierEventRecord): Promise<boolean> {
      try {
        await carrierEvents.insertOne(event);
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    },
    /** Remembers which carrier and tracking number a Shopify fulfilment ships with. */
    linkFulfillment: (link: FulfillmentLinkRecord) =>
      fulfillmentLinks.updateOne(
        { _id: link._id },
        {
          $set: { carrier: link.carrier, trackingNumber: link.trackingNumber, seenAt: link.seenAt },
        },
        { upsert: true },
      ),
    fulfillmentLink: (fulfillmentId: string) => fulfillmentLinks.findOne({ _id: fulfillmentId }),
    recordReceipt: (receipt: WebhookReceiptRecord) => receipts.insertOne(receipt),
    /** A page of receipts, newest first, of one source or all. */
    receiptsPage: (source: string | null | undefined, page: PageQuery) =>
      findPage(receipts, source ? { source } : {}, RECEIPTS_NEWEST_FIRST, page),
  };
}

export type IntegrationsRepository = ReturnType<typeof integrationsRepository>;
