import type { StockSink } from "../../stock-feed/feed.ts";
import type { MappingFile } from "../mapping-file.ts";
import { NotForThisSystem, type Connector } from "../outcome.ts";
import type { MagentoRest } from "./client.ts";
import { refund } from "./credit-memo.ts";
import type { MagentoMapping } from "./mapping.ts";
import { incrementIdOf } from "./order.ts";
import { ship } from "./shipment.ts";

/**
 * Magento, for the orders that came from it: a confirmed shipment becomes a shipment with its
 * track, a credit note an offline credit memo. Invoices and adjustment notes are skipped: the
 * store invoices its orders itself. It is also the store's stock sink, and `poll` pulls orders.
 */
export function magentoConnector(
  rest: MagentoRest,
  mapping: MappingFile<MagentoMapping>,
  concurrency: number,
  sink: StockSink,
  poll: () => Promise<void>,
): Connector & StockSink {
  return {
    ...sink,
    name: "magento",
    concurrency,
    poll,
    async despatch(document) {
      const current = mapping.current();
      return ship(rest, document, current, incrementIdOf(document.order, current, "ships"));
    },
    async deliver(document) {
      if (document.kind !== "credit_note")
        throw new NotForThisSystem(
          `${document.number}: ${document.kind === "invoice" ? "invoices" : "adjustment notes"} are not sent to Magento; the store invoices its orders itself`,
        );
      const current = mapping.current();
      return refund(rest, document, current, incrementIdOf(document.order, current, "refunds"));
    },
  };
}
