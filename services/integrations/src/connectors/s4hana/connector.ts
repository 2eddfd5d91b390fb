import type { MappingFile } from "../mapping-file.ts";
import { ConnectorError, NotForThisSystem, type Connector } from "../outcome.ts";
import { billDelivery, BILLING_DOCUMENT, BILLING_DOCUMENT_READ } from "./billing-document.ts";
import type { S4hanaClient } from "./client.ts";
import type { S4hanaMapping } from "./mapping.ts";
import { OUTBOUND_DELIVERY, postDespatch } from "./outbound-delivery.ts";

/** The sales order an S/4HANA order refers to; other orders are not S/4's to post or bill. */
function salesOrderOf(
  order: { id: string; channel: string; externalReference: string | null },
  mapping: S4hanaMapping,
  what: string,
): string {
  if (order.channel !== mapping.salesOrderChannel)
    throw new NotForThisSystem(
      `order ${order.id} came from ${order.channel}, not S/4HANA (${mapping.salesOrderChannel}): S/4HANA ${what} only its own sales orders`,
    );
  if (!order.externalReference)
    throw new ConnectorError("parked", `order ${order.id} has no S/4HANA sales order reference`, {
      category: "missing_reference",
    });
  return order.externalReference;
}

/**
 * SAP S/4HANA Cloud: a confirmed shipment of an S/4 sales order posts goods issue on its outbound
 * delivery; the order's invoice becomes the billing document created from that delivery. Credit
 * and adjustment notes are skipped with the reason: finance enters them in S/4HANA as credit or
 * debit memo requests, priced by S/4's own conditions. Orders from other channels are skipped.
 */
export function s4hanaConnector(
  client: S4hanaClient,
  mapping: MappingFile<S4hanaMapping>,
  concurrency: number,
): Connector {
  const outbound = client.service(OUTBOUND_DELIVERY);
  const read = client.service(BILLING_DOCUMENT_READ);
  const billing = client.service(BILLING_DOCUMENT);
  return {
    name: "s4hana",
    concurrency,
    async despatch(document) {
      const current = mapping.current();
      const salesOrder = salesOrderOf(document.order, current, "posts goods issue for");
      return postDespatch(outbound, document, current, salesOrder);
    },
    async deliver(document) {
      const current = mapping.current();
      if (document.kind !== "invoice")
        throw new NotForThisSystem(
          `${document.number}: ${document.kind === "credit_note" ? "credit notes" : "adjustment notes"} are not sent to S/4HANA; enter a ${document.kind === "credit_note" ? "credit" : "debit"} memo request against the invoice's billing document there`,
        );
      salesOrderOf(document.order, current, "bills");
      return billDelivery({ outbound, read, billing }, document, current);
    },
  };
}
