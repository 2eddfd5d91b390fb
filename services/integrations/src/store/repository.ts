import { findPage, type PageQuery, type Store } from "@waybill/store";
import { integrationsCollections } from "./collections.ts";
import { RECEIPTS_NEWEST_FIRST } from "./pages.ts";
import type { WebhookReceiptRecord } from "./records.ts";

/** Indexes of the integrations database; idempotent. */
export async function prepareIntegrationsStore(store: Store): Promise<void> {
  const { receipts } = integrationsCollections(store);
  await receipts.createIndex({ keys: { receivedAt: -1 } });
  await receipts.createIndex({ keys: { source: 1, receivedAt: -1 } });
}

/** Reads and writes of what the integrations service keeps: webhook receipts. */
export function integrationsRepository(store: Store) {
  const { receipts } = integrationsCollections(store);
  return {
    recordReceipt: (receipt: WebhookReceiptRecord) => receipts.insertOne(receipt),
    /** A page of receipts, newest first, of one source or all. */
    receiptsPage: (source: string | null | undefined, page: PageQuery) =>
      findPage(receipts, source ? { source } : {}, RECEIPTS_NEWEST_FIRST, page),
  };
}

export type IntegrationsRepository = ReturnType<typeof integrationsRepository>;
