import type { MappingFile } from "../mapping-file.ts";
import { NotForThisSystem, type Connector } from "../outcome.ts";
import type { StockSink } from "../../stock-feed/feed.ts";
import type { ShopifyAdmin } from "./client.ts";
import { fulfillmentEvent } from "./fulfillment-event.ts";
import { fulfil } from "./fulfillment.ts";
import type { ShopifyMapping } from "./mapping.ts";
import { shopifyOrderId } from "./order.ts";
import { refund } from "./refund.ts";

/**
 * Shopify, for the orders that came from it: a confirmed shipment becomes a fulfilment with its
 * tracking, its later milestones events of that fulfilment, a credit note a refund of its line
 * items. Invoices and adjustment notes are skipped:
 * the shop bills its orders itself. It is also the shop's stock sink.
 */
export function shopifyConnector(
  admin: ShopifyAdmin,
  mapping: MappingFile<ShopifyMapping>,
  concurrency: number,
  sink: StockSink,
): Connector & StockSink {
  return {
    ...sink,
    name: "shopify",
    concurrency,
    async despatch(document) {
      const current = mapping.current();
      return fulfil(admin, document, current, shopifyOrderId(document.order, current, "fulfils"));
    },
    // Only shipments it took as fulfilments get here: the framework skips the others' milestones.
    milestone: (document) => fulfillmentEvent(admin, document),
    async deliver(document) {
      if (document.kind !== "credit_note")
        throw new NotForThisSystem(
          `${document.number}: ${document.kind === "invoice" ? "invoices" : "adjustment notes"} are not sent to Shopify; the shop bills its orders itself`,
        );
      const current = mapping.current();
      return refund(admin, document, current, shopifyOrderId(document.order, current, "refunds"));
    },
  };
}
