import type { DeliveryKind } from "../connectors/documents.ts";
import type { CaseDeliveryKind } from "../connectors/service-cases.ts";

/** A verified webhook as received and answered. */
export type WebhookReceiptRecord = {
  _id: string;
  source: string;
  topic: string;
  receivedAt: Date;
  status: number;
  outcome: string;
  detail: string | null;
  reference: string | null;
  payload: string;
};

/** A carrier event whose milestones reached the hub: the source's own event id, once. */
export type CarrierEventRecord = {
  /** `<source>:<event id>`. */
  _id: string;
  source: string;
  eventId: string;
  carrier: string;
  trackingNumber: string;
  /** What the hub answered for each milestone (`RECORDED <shipment id>`, `PARKED <id>`). */
  results: string[];
  handledAt: Date;
};

/** A Shopify fulfilment's carrier and tracking number, as its fulfilment webhooks told them. */
export type FulfillmentLinkRecord = {
  /** Shopify's fulfilment id. */
  _id: string;
  carrier: string;
  trackingNumber: string;
  seenAt: Date;
};

/** Why an endpoint is disabled: by hand, after failing for days, or because it answered 410. */
export type DisabledReason = "MANUAL" | "FAILING" | "GONE";

/** A signing secret of an endpoint; a rotated-out one signs until `expiresAt`. */
export type EndpointSecret = { secret: string; createdAt: Date; expiresAt: Date | null };

/** A receiver of outbound webhooks. */
export type WebhookEndpointRecord = {
  _id: string;
  url: string;
  eventTypes: string[];
  /** The customer accounts whose events it hears; empty for every account (staff only). */
  accounts: string[];
  /** Who registered it. */
  owner: string;
  secrets: EndpointSecret[];
  enabled: boolean;
  disabledReason: DisabledReason | null;
  disabledAt: Date | null;
  /** Since when every attempt has failed; null once one succeeds. */
  failingSince: Date | null;
  /** When a disabled endpoint's probe is due (not for endpoints disabled by hand). */
  nextProbeAt: Date | null;
  createdAt: Date;
};

export type DeliveryState = "pending" | "delivered" | "failed" | "exhausted";

/** One attempt to deliver: the answer's status (null when none came) and how long it took. */
export type DeliveryAttempt = {
  at: Date;
  status: number | null;
  latencyMs: number;
  error: string | null;
};

/** One event to one endpoint; its `_id` is the `webhook-id`, the same on every attempt. */
export type WebhookDeliveryRecord = {
  _id: string;
  endpointId: string;
  eventId: string;
  type: string;
  /** `<endpoint>:<order>` when the event is about an order: deliveries of one key go in order. */
  orderKey: string | null;
  /** Creation order, increasing: what "earlier" means for ordering. */
  sequence: number;
  /** The body sent on every attempt. */
  payload: string;
  state: DeliveryState;
  /** Attempts on the current schedule (a replay starts it again). */
  scheduled: number;
  attempts: DeliveryAttempt[];
  /** When the next attempt is due; also the lease of an attempt in flight. Null when closed. */
  nextAttemptAt: Date | null;
  /** Held while its endpoint is disabled. */
  paused: boolean;
  createdAt: Date;
  deliveredAt: Date | null;
};

/** Where a connector delivery stands. `skipped`: nothing for the system to receive. */
export type ConnectorDeliveryState = "pending" | "delivered" | "failed" | "skipped";

/** One billing document to one connector's system: one record per (connector, document). */
export type ConnectorDeliveryRecord = {
  /** `<connector>:<document id>`. */
  _id: string;
  connector: string;
  kind: DeliveryKind | CaseDeliveryKind;
  /** The document's id; a service case's change is `<case id>@<revision>`. */
  documentId: string;
  /** The invoice itself, or the invoice a note refers to; null for a despatch. */
  invoiceId: string | null;
  /** Our number (INV-..., CN-..., AN-...; a despatch's shipment id), which the system is searched by. */
  reference: string;
  orderId: string;
  /** Creation order, increasing: documents of one order go in this order. */
  sequence: number;
  /** The event that asked for it, as received: a parked document's exception carries a copy. */
  event: string;
  /** The exception raised when it was last parked, closed once it is delivered. */
  exceptionId: string | null;
  state: ConnectorDeliveryState;
  /** Waiting for a person (an exception was raised): not tried until retried. */
  parked: boolean;
  /** The document's id in the outside system, once delivered. */
  externalId: string | null;
  /** Attempts made, over every retry. */
  attempts: number;
  /** Attempts on the current schedule (a retry starts it again). */
  scheduled: number;
  lastError: string | null;
  /** When the next attempt is due; also the lease of an attempt in flight. Null when closed. */
  nextAttemptAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  deliveredAt: Date | null;
};

/**
 * One (storefront, SKU, warehouse) level: the newest inventory told, what was last sent, and
 * since when it has been waiting. `revision` only grows: an older event never overwrites a newer.
 */
export type StockLevelRecord = {
  /** `<sink>:<sku>@<warehouse>`. */
  _id: string;
  sink: string;
  sku: string;
  warehouse: string;
  available: number;
  revision: number;
  /** The revision the storefront has; 0 before anything was sent. */
  sentRevision: number;
  /** When the oldest change not yet sent arrived; null when the storefront is current. */
  pendingSince: Date | null;
  /** When the newest change arrived. */
  changedAt: Date;
};

/** What the partner's functional acknowledgement said of an interchange (997 AK9 / none yet). */
export type Acknowledgement = "pending" | "accepted" | "accepted_with_errors" | "rejected";

/**
 * One interchange written for one delivery, keyed by partner and control number. Its control
 * number (ISA13 = GS06 = ST02, or UNB0020 = UNH0062) and the instant in its envelope are fixed
 * when it is first prepared, so every attempt writes the same bytes.
 */
export type InterchangeRecord = {
  /** `<partner>:<control number>`. */
  _id: string;
  partner: string;
  controlNumber: number;
  /** The connector delivery it carries (`edi:<document id>`). */
  deliveryId: string;
  reference: string;
  fileName: string;
  preparedAt: Date;
  writtenAt: Date | null;
  acknowledgement: Acknowledgement;
  acknowledgedAt: Date | null;
  /** What the acknowledgement said, when it was not a plain acceptance. */
  acknowledgementNote: string | null;
};

/** The last EDI control number given to a partner. */
export type EdiCounterRecord = { _id: string; last: number };
