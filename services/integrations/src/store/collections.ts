import type { Store } from "@waybill/store";
import type {
  CarrierEventRecord,
  ConnectorDeliveryRecord,
  EdiCounterRecord,
  FulfillmentLinkRecord,
  InterchangeRecord,
  StockLevelRecord,
  WebhookDeliveryRecord,
  WebhookEndpointRecord,
  WebhookReceiptRecord,
} from "./records.ts";

/**
 * The integrations database's collections. Only this folder queries them: the rest of the service
 * asks the repository.
 */
export function integrationsCollections(store: Store) {
  return {
    receipts: store.collection<WebhookReceiptRecord>("webhookReceipts"),
    carrierEvents: store.collection<CarrierEventRecord>("carrierEvents"),
    fulfillmentLinks: store.collection<FulfillmentLinkRecord>("fulfillmentLinks"),
    endpoints: store.collection<WebhookEndpointRecord>("webhookEndpoints"),
    deliveries: store.collection<WebhookDeliveryRecord>("webhookDeliveries"),
    connectorDeliveries: store.collection<ConnectorDeliveryRecord>("connectorDeliveries"),
    stockLevels: store.collection<StockLevelRecord>("stockLevels"),
    ediCounters: store.collection<EdiCounterRecord>("ediCounters"),
    ediInterchanges: store.collection<InterchangeRecord>("ediInterchanges"),
  };
}
