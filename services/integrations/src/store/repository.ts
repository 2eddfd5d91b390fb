import type { Store } from "@waybill/store";
import { integrationsCollections } from "./collections.ts";
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
    /** Newest first, of one source or all. */
    listReceipts: (source: string | null | undefined, first: number) =>
      receipts.find(source ? { source } : {}, { sort: { receivedAt: -1 }, limit: first }),
  };
}

export type IntegrationsRepository = ReturnType<typeof integrationsRepository>;
