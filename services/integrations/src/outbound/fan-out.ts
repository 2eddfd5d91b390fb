import type { Session } from "@waybill/store";
import type { ConsumedEvent } from "@waybill/bus";
import { newEventId } from "@waybill/service";
import type { OutboundRepository } from "../store/outbound.ts";
import type { WebhookDeliveryRecord, WebhookEndpointRecord } from "../store/records.ts";
import { nextSequence } from "../store/sequence.ts";

const field = (data: object, name: string): string | null => {
  const value = (data as Record<string, unknown>)[name];
  return typeof value === "string" ? value : null;
};

/**
 * Whether an endpoint hears an event: of a customer it is linked to (or of any, for an endpoint of
 * every account); events of no customer (stock levels) go to every endpoint of their type.
 */
function hears(endpoint: WebhookEndpointRecord, customerId: string | null): boolean {
  if (endpoint.accounts.length === 0 || customerId === null) return true;
  return endpoint.accounts.includes(customerId);
}

/** The body every attempt of a delivery sends: Standard Webhooks' `{type, timestamp, data}`. */
export const payloadOf = (event: ConsumedEvent) =>
  JSON.stringify({ type: event.type, timestamp: event.time, data: event.data });

/**
 * One delivery per endpoint that hears the event, written in the consumer's transaction (with
 * its inbox record): an event delivered twice by the bus makes its deliveries once. Deliveries
 * for a disabled endpoint are held until it is enabled again.
 */
export async function fanOut(
  repo: OutboundRepository,
  event: ConsumedEvent,
  session: Session,
): Promise<WebhookDeliveryRecord[]> {
  const customerId = field(event.data, "customerId");
  const orderId = field(event.data, "orderId");
  const endpoints = (await repo.endpointsFor(event.type, session)).filter((endpoint) =>
    hears(endpoint, customerId),
  );
  const now = new Date();
  const payload = payloadOf(event);
  const records = endpoints.map((endpoint): WebhookDeliveryRecord => ({
    _id: `msg_${newEventId()}`,
    endpointId: endpoint._id,
    eventId: event.id,
    type: event.type,
    orderKey: orderId ? `${endpoint._id}:${orderId}` : null,
    sequence: nextSequence(),
    payload,
    state: "pending",
    scheduled: 0,
    attempts: [],
    nextAttemptAt: now,
    paused: !endpoint.enabled,
    createdAt: now,
    deliveredAt: null,
  }));
  if (records.length > 0) await repo.addDeliveries(records, session);
  return records;
}
