import type { MappingFile } from "../mapping-file.ts";
import { NotForThisSystem, type Connector } from "../outcome.ts";
import type { StockSink } from "../../stock-feed/feed.ts";
import type { WoocommerceApi } from "./client.ts";
import type { WoocommerceMapping } from "./mapping.ts";
import { woocommerceOrderId } from "./order.ts";
import { refund } from "./refund.ts";
import { track } from "./tracking.ts";

/**
 * WooCommerce, for the orders that came from it: a confirmed shipment becomes a tracking note
 * (and the order completed once all of it shipped), a credit note refunds of its line items.
 * Invoices and adjustment notes are skipped: the store bills its orders itself. It is also the
 * store's stock sink.
 */
export function woocommerceConnector(
  api: WoocommerceApi,
  mapping: MappingFile<WoocommerceMapping>,
  concurrency: number,
  sink: StockSink,
): Connector & StockSink {
  return {
    ...sink,
    name: "woocommerce",
    concurrency,
    async despatch(document) {
      const current = mapping.current();
      return track(api, document, current, woocommerceOrderId(document.order, current, "tracks"));
    },
    async deliver(document) {
      if (document.kind !== "credit_note")
        throw new NotForThisSystem(
          `${document.number}: ${document.kind === "invoice" ? "invoices" : "adjustment notes"} are not sent to WooCommerce; the store bills its orders itself`,
        );
      const current = mapping.current();
      return refund(api, document, current, woocommerceOrderId(document.order, current, "refunds"));
    },
  };
}
