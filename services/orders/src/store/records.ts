import type {
  BillingPolicy,
  BillingStatus,
  FulfilmentStatus,
  TimelineKind,
} from "../generated/resolvers.ts";

export type CustomerRecord = {
  _id: string;
  name: string;
  email: string;
  billingPolicy: BillingPolicy;
  createdAt: Date;
};

export type OrderLineRecord = {
  id: string;
  sku: string;
  quantity: number;
  /** Minor units of the order's currency. */
  unitPrice: number;
  taxRatePpm: number;
  shippedQuantity: number;
  invoicedQuantity: number;
};

export type TimelineRecord = {
  at: Date;
  kind: TimelineKind;
  message: string;
  reference: string | null;
};

export type OrderRecord = {
  _id: string;
  customerId: string;
  channel: string;
  externalReference: string | null;
  /** `channel:reference`, or `id:<order id>` when there is none; unique. */
  externalKey: string;
  currency: string;
  billingPolicy: BillingPolicy;
  lines: OrderLineRecord[];
  fulfilmentStatus: FulfilmentStatus;
  billingStatus: BillingStatus;
  placedAt: Date;
  timeline: TimelineRecord[];
};

/** An order line as resolvers see it: with the order's currency. */
export type OrderLineView = OrderLineRecord & {
  currency: string;
};
