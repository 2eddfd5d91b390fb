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
