import { canSeeCustomer, type Principal, type Scope } from "@waybill/auth";
import type { ConsumedEvent } from "@waybill/bus";
import { formatAmount, type EventType, type Money } from "@waybill/contracts";
import { codedError } from "@waybill/graphql";

/** The root query that reads an entity an event refers to, and the key to read it by. */
export type EntityRef = {
  query: "shipment" | "order" | "invoice" | "creditNote" | "return" | "product";
  argument: "id" | "sku";
  type: "ID" | "String";
  value: string;
};

/** Where an event payload keeps its entity references, apart from its own fields. */
export const ENTITIES = Symbol("entities");

/** What a subscriber hears of one event: its own fields, and the entities it refers to. */
export type Payload = { cursor: string } & Record<string, unknown> & {
    [ENTITIES]: Record<string, EntityRef | null>;
  };

export type FieldArgs = Record<string, unknown>;

/** Reads the current state through the supergraph: a query's data, or a thrown coded error. */
export type ReadCurrent = (
  query: string,
  variables: Record<string, unknown>,
  principal: Principal,
) => Promise<Record<string, unknown>>;

/** One subscription field: the stream it reads, who may subscribe, and what each event becomes. */
export type SubscriptionField = {
  stream: string;
  types: readonly EventType[];
  scope: Scope;
  /** The payload for this subscriber, or null when the event is not for it. */
  pick(event: ConsumedEvent, cursor: string, args: FieldArgs, principal: Principal): Payload | null;
  /** With `includeCurrent`: the current state, sent first with the stream's position as cursor. */
  current?(args: FieldArgs, principal: Principal, read: ReadCurrent): Promise<Payload[]>;
};

const ref = (query: EntityRef["query"], value: string): EntityRef => ({
  query,
  argument: query === "product" ? "sku" : "id",
  type: query === "product" ? "String" : "ID",
  value,
});

/** Instants as the API's DateTime writes them. */
const iso = (instant: string) => new Date(instant).toISOString();

const money = (value: Money) => ({
  amount: formatAmount(value.amount, value.currency),
  currency: value.currency,
});

/** A filter argument the event passes: absent, or equal. */
const matches = (wanted: unknown, actual: unknown) => wanted == null || wanted === actual;
/** A list filter the event passes: absent, or containing the value. */
const among = (wanted: unknown, actual: unknown) =>
  wanted == null || (wanted as readonly unknown[]).includes(actual);

const payload = (
  cursor: string,
  fields: Record<string, unknown>,
  entities: Record<string, EntityRef | null>,
): Payload => ({ cursor, ...fields, [ENTITIES]: entities });

const shipmentMilestones: SubscriptionField = {
  stream: "shipments",
  types: ["shipments.milestone.recorded"],
  scope: "shipments:read",
  pick(event, cursor, args, principal) {
    if (event.type !== "shipments.milestone.recorded") return null;
    const { data } = event;
    if (!canSeeCustomer(principal, data.customerId)) return null;
    const wanted =
      matches(args.shipmentId, data.shipmentId) &&
      matches(args.orderId, data.orderId) &&
      matches(args.customerId, data.customerId) &&
      matches(args.carrier, data.carrier) &&
      among(args.types, data.type);
    if (!wanted) return null;
    return payload(
      cursor,
      {
        shipmentId: data.shipmentId,
        orderId: data.orderId,
        customerId: data.customerId,
        type: data.type,
        status: data.status,
        occurredAt: iso(data.occurredAt),
        late: data.late,
        carrier: data.carrier,
        trackingNumber: data.trackingNumber,
        location: data.location,
        signedBy: data.signedBy,
        reasonCode: data.reasonCode,
        revision: data.revision,
      },
      { shipment: ref("shipment", data.shipmentId), order: ref("order", data.orderId) },
    );
  },
};

const CURRENT_ORDER = /* GraphQL */ `
  query CurrentOrder($id: ID!) {
    order(id: $id) {
      id
      customer {
        id
      }
      fulfilmentStatus
      billingStatus
      revision
      placedAt
    }
  }
`;

type CurrentOrder = {
  order: {
    id: string;
    customer: { id: string };
    fulfilmentStatus: string;
    billingStatus: string;
    revision: number;
    placedAt: string;
  } | null;
};

const orderUpdated: SubscriptionField = {
  stream: "orders",
  types: ["orders.order.updated"],
  scope: "orders:read",
  pick(event, cursor, args, principal) {
    if (event.type !== "orders.order.updated") return null;
    const { data } = event;
    if (!canSeeCustomer(principal, data.customerId)) return null;
    if (!matches(args.orderId, data.orderId) || !matches(args.customerId, data.customerId))
      return null;
    return payload(
      cursor,
      {
        current: false,
        orderId: data.orderId,
        customerId: data.customerId,
        fulfilmentStatus: data.fulfilmentStatus,
        billingStatus: data.billingStatus,
        revision: data.revision,
        updatedAt: iso(data.updatedAt),
      },
      { order: ref("order", data.orderId) },
    );
  },
  async current(args, principal, read) {
    if (typeof args.orderId !== "string")
      throw codedError("BAD_USER_INPUT", "includeCurrent needs orderId: the order to read first");
    const { order } = (await read(CURRENT_ORDER, { id: args.orderId }, principal)) as CurrentOrder;
    if (!order) throw codedError("NOT_FOUND", `order ${args.orderId} does not exist`);
    if (!matches(args.customerId, order.customer.id)) return [];
    return [
      payload(
        "",
        {
          current: true,
          orderId: order.id,
          customerId: order.customer.id,
          fulfilmentStatus: order.fulfilmentStatus,
          billingStatus: order.billingStatus,
          revision: order.revision,
          updatedAt: iso(order.placedAt),
        },
        { order: ref("order", order.id) },
      ),
    ];
  },
};

type InvoiceEventType =
  | "billing.invoice.issued"
  | "billing.invoice.held"
  | "billing.invoice.released"
  | "billing.invoice_collection.held"
  | "billing.invoice_collection.released"
  | "billing.invoice.voided"
  | "billing.credit_note.issued"
  | "billing.adjustment_note.issued";

/** Each billing event an invoice subscriber hears, as its kind and its own fields. */
function invoiceFields(event: ConsumedEvent<InvoiceEventType>) {
  switch (event.type) {
    case "billing.invoice.issued": {
      const { data } = event;
      return {
        kind: "ISSUED",
        number: data.number,
        occurredAt: data.issuedAt,
        total: money(data.total),
      };
    }
    case "billing.invoice.held":
      return {
        kind: "HELD",
        occurredAt: event.data.heldAt,
        holdReason: event.data.reason,
        detail: event.data.detail,
      };
    case "billing.invoice.released":
      return {
        kind: "RELEASED",
        occurredAt: event.data.releasedAt,
        holdReason: event.data.reason,
        detail: event.data.comment,
      };
    case "billing.invoice_collection.held":
      return {
        kind: "COLLECTION_HELD",
        number: event.data.number,
        occurredAt: event.data.heldAt,
        holdReason: event.data.reason,
        detail: event.data.detail,
      };
    case "billing.invoice_collection.released":
      return {
        kind: "COLLECTION_RELEASED",
        number: event.data.number,
        occurredAt: event.data.releasedAt,
        holdReason: event.data.reason,
        detail: event.data.comment,
      };
    case "billing.invoice.voided":
      return { kind: "VOIDED", occurredAt: event.data.voidedAt };
    case "billing.credit_note.issued":
      return {
        kind: "CREDITED",
        number: event.data.invoiceNumber,
        occurredAt: event.data.issuedAt,
        total: money(event.data.total),
        creditNoteId: event.data.creditNoteId,
        noteNumber: event.data.number,
      };
    case "billing.adjustment_note.issued":
      return {
        kind: "ADJUSTED",
        number: event.data.invoiceNumber,
        occurredAt: event.data.issuedAt,
        total: money(event.data.total),
        adjustmentNoteId: event.data.adjustmentNoteId,
        noteNumber: event.data.number,
      };
  }
}

const INVOICE_EVENTS: readonly InvoiceEventType[] = [
  "billing.invoice.issued",
  "billing.invoice.held",
  "billing.invoice.released",
  "billing.invoice_collection.held",
  "billing.invoice_collection.released",
  "billing.invoice.voided",
  "billing.credit_note.issued",
  "billing.adjustment_note.issued",
];

const isInvoiceEvent = (event: ConsumedEvent): event is ConsumedEvent<InvoiceEventType> =>
  (INVOICE_EVENTS as readonly string[]).includes(event.type);

const invoiceEvents: SubscriptionField = {
  stream: "billing",
  types: INVOICE_EVENTS,
  scope: "invoices:read",
  pick(event, cursor, args, principal) {
    if (!isInvoiceEvent(event)) return null;
    const { data } = event;
    // Events from before a hold named its customer are for staff only.
    const customerId = data.customerId ?? null;
    if (!canSeeCustomer(principal, customerId)) return null;
    const fields = invoiceFields(event);
    const wanted =
      matches(args.invoiceId, data.invoiceId) &&
      matches(args.orderId, data.orderId) &&
      matches(args.customerId, customerId) &&
      among(args.kinds, fields.kind);
    if (!wanted) return null;
    const creditNoteId = "creditNoteId" in fields ? fields.creditNoteId : null;
    return payload(
      cursor,
      {
        invoiceId: data.invoiceId,
        orderId: data.orderId,
        shipmentId: data.shipmentId,
        customerId,
        number: null,
        holdReason: null,
        detail: null,
        total: null,
        creditNoteId: null,
        adjustmentNoteId: null,
        noteNumber: null,
        ...fields,
        occurredAt: iso(fields.occurredAt),
      },
      {
        invoice: ref("invoice", data.invoiceId),
        creditNote: creditNoteId ? ref("creditNote", creditNoteId) : null,
        order: ref("order", data.orderId),
      },
    );
  },
};

type ReturnEventType =
  | "returns.return.requested"
  | "returns.return.received"
  | "returns.return.cancelled"
  | "returns.return.closed";

const RETURN_EVENTS: readonly ReturnEventType[] = [
  "returns.return.requested",
  "returns.return.received",
  "returns.return.cancelled",
  "returns.return.closed",
];

function returnFields(event: ConsumedEvent<ReturnEventType>) {
  switch (event.type) {
    case "returns.return.requested":
      return { kind: "REQUESTED", occurredAt: event.data.requestedAt, reason: event.data.reason };
    case "returns.return.received":
      return {
        kind: "RECEIVED",
        occurredAt: event.data.receivedAt,
        warehouse: event.data.warehouse,
      };
    case "returns.return.cancelled":
      return { kind: "CANCELLED", occurredAt: event.data.cancelledAt, reason: event.data.reason };
    case "returns.return.closed":
      return { kind: "CLOSED", occurredAt: event.data.closedAt };
  }
}

const returnEvents: SubscriptionField = {
  stream: "returns",
  types: RETURN_EVENTS,
  scope: "returns:read",
  pick(event, cursor, args, principal) {
    if (!(RETURN_EVENTS as readonly string[]).includes(event.type)) return null;
    const typed = event as ConsumedEvent<ReturnEventType>;
    const { data } = typed;
    if (!canSeeCustomer(principal, data.customerId)) return null;
    const fields = returnFields(typed);
    const wanted =
      matches(args.returnId, data.returnId) &&
      matches(args.orderId, data.orderId) &&
      matches(args.customerId, data.customerId) &&
      among(args.kinds, fields.kind);
    if (!wanted) return null;
    return payload(
      cursor,
      {
        returnId: data.returnId,
        orderId: data.orderId,
        customerId: data.customerId,
        warehouse: null,
        reason: null,
        ...fields,
        occurredAt: iso(fields.occurredAt),
      },
      { return: ref("return", data.returnId), order: ref("order", data.orderId) },
    );
  },
};

/** Stock levels are read for storefronts by the gateway itself; on hand and reserved are masked. */
const STOCK_READER: Principal = {
  subject: "gateway:stock-levels",
  role: "warehouse",
  scopes: ["catalog:read", "inventory:read"],
};

const CURRENT_STOCK = /* GraphQL */ `
  query CurrentStock($sku: String!) {
    product(sku: $sku) {
      sku
      stock {
        warehouse
        onHand
        reserved
        available
      }
    }
  }
`;

type CurrentStock = {
  product: {
    sku: string;
    stock: { warehouse: string; onHand: number; reserved: number; available: number }[];
  } | null;
};

/** Catalog readers hear what may be promised; on hand and reserved need inventory:read. */
const stockFields = (
  principal: Principal,
  level: { available: number; onHand: number; reserved: number },
) => {
  const counts = principal.scopes.includes("inventory:read");
  return {
    available: level.available,
    onHand: counts ? level.onHand : null,
    reserved: counts ? level.reserved : null,
  };
};

const MAX_CURRENT_SKUS = 100;

const stockLevels: SubscriptionField = {
  stream: "inventory",
  types: ["inventory.stock_level.changed"],
  scope: "catalog:read",
  pick(event, cursor, args, principal) {
    if (event.type !== "inventory.stock_level.changed") return null;
    const { data } = event;
    if (!among(args.skus, data.sku) || !among(args.warehouses, data.warehouse)) return null;
    return payload(
      cursor,
      {
        current: false,
        sku: data.sku,
        warehouse: data.warehouse,
        ...stockFields(principal, data),
        revision: data.revision,
        changedAt: iso(data.changedAt),
      },
      { product: ref("product", data.sku) },
    );
  },
  async current(args, principal, read) {
    const skus = args.skus as readonly string[] | null | undefined;
    if (!skus?.length)
      throw codedError("BAD_USER_INPUT", "includeCurrent needs skus: the products to read first");
    if (skus.length > MAX_CURRENT_SKUS)
      throw codedError("BAD_USER_INPUT", `includeCurrent reads at most ${MAX_CURRENT_SKUS} skus`);
    const levels: Payload[] = [];
    for (const sku of new Set(skus)) {
      const { product } = (await read(CURRENT_STOCK, { sku }, STOCK_READER)) as CurrentStock;
      for (const level of product?.stock ?? []) {
        if (!among(args.warehouses, level.warehouse)) continue;
        levels.push(
          payload(
            "",
            {
              current: true,
              sku,
              warehouse: level.warehouse,
              ...stockFields(principal, level),
              revision: null,
              changedAt: null,
            },
            { product: ref("product", sku) },
          ),
        );
      }
    }
    return levels;
  },
};

/** Every subscription field, by its name on the Subscription type. */
export const SUBSCRIPTION_FIELDS: Readonly<Record<string, SubscriptionField>> = {
  shipmentMilestones,
  orderUpdated,
  invoiceEvents,
  returnEvents,
  stockLevels,
};
