import type { MilestoneDocument } from "../documents.ts";
import { ConnectorError, NotForThisSystem } from "../outcome.ts";
import { refusedBy, type ShopifyAdmin } from "./client.ts";

export const FULFILLMENT_EVENTS_READ = `query WaybillFulfillmentEvents($id: ID!) {
  fulfillment(id: $id) { id events(first: 100) { nodes { id status happenedAt } } }
}`;

export const FULFILLMENT_EVENT_CREATE = `mutation WaybillFulfillmentEventCreate($fulfillmentEvent: FulfillmentEventInput!) {
  fulfillmentEventCreate(fulfillmentEvent: $fulfillmentEvent) {
    fulfillmentEvent { id }
    userErrors { field message }
  }
}`;

/**
 * Canonical milestones as Shopify's fulfilment event statuses
 * (https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentEventStatus). Each maps back
 * to the same milestone through the `fulfillment_events/create` webhook, so an event Waybill sends
 * and hears again is a repeat there. Milestones without a status (proof of delivery, a return to
 * the sender) are not sent.
 */
export const FULFILLMENT_EVENT_STATUS: Readonly<Record<string, string>> = {
  LABEL_CREATED: "LABEL_PURCHASED",
  PICKED_UP: "CARRIER_PICKED_UP",
  IN_TRANSIT: "IN_TRANSIT",
  OUT_FOR_DELIVERY: "OUT_FOR_DELIVERY",
  DELIVERY_ATTEMPTED: "ATTEMPTED_DELIVERY",
  AVAILABLE_FOR_PICKUP: "READY_FOR_PICKUP",
  DELIVERED: "DELIVERED",
  EXCEPTION: "FAILURE",
};

type Read = {
  fulfillment: {
    id: string;
    events: { nodes: { id: string; status: string; happenedAt: string }[] };
  } | null;
};

/**
 * A milestone as an event of the fulfilment its shipment became. The fulfilment's events are read
 * first: one of the same status at the same time is the earlier attempt's (or the carrier's own,
 * heard through Shopify), so a retry after a lost answer creates none twice.
 */
export async function fulfillmentEvent(
  admin: ShopifyAdmin,
  milestone: MilestoneDocument,
): Promise<string> {
  const status = FULFILLMENT_EVENT_STATUS[milestone.type];
  if (!status) throw new NotForThisSystem(`Shopify has no fulfilment event for ${milestone.type}`);
  const { fulfillment } = await admin.request<Read>(
    "WaybillFulfillmentEvents",
    FULFILLMENT_EVENTS_READ,
    { id: milestone.despatchExternalId },
  );
  if (!fulfillment)
    throw new ConnectorError("parked", `Shopify has no fulfilment ${milestone.despatchExternalId}`);
  const at = Date.parse(milestone.occurredAt);
  const existing = fulfillment.events.nodes.find(
    (event) => event.status === status && Date.parse(event.happenedAt) === at,
  );
  if (existing) return existing.id;
  const { fulfillmentEventCreate: created } = await admin.request<{
    fulfillmentEventCreate: {
      fulfillmentEvent: { id: string } | null;
      userErrors: { field: string[] | null; message: string }[];
    };
  }>("WaybillFulfillmentEventCreate", FULFILLMENT_EVENT_CREATE, {
    fulfillmentEvent: {
      fulfillmentId: fulfillment.id,
      status,
      happenedAt: milestone.occurredAt,
    },
  });
  const refused = refusedBy("fulfillmentEventCreate", created.userErrors);
  if (refused) throw refused;
  if (!created.fulfillmentEvent)
    throw new ConnectorError("later", "fulfillmentEventCreate returned none");
  return created.fulfillmentEvent.id;
}
