import type {
  BillingFacts,
  InventoryFacts,
  OrdersFacts,
  ReturnsFacts,
  ShipmentsFacts,
} from "@waybill/contracts";

// Compares what each service says about the same orders. Every fact is the owning service's own;
// this module only lines them up per order line and names what does not agree.

export const DISCREPANCY_KINDS = [
  /** A shipment billing has no invoice for, or one billing's own policy says is overdue. */
  "SHIPPED_NOT_INVOICED",
  /** An order line invoiced (net of credits) above what shipped net of returns. */
  "INVOICED_ABOVE_SHIPPED",
  /** A received return billing has not settled with a credit note or a lower invoice. */
  "RETURN_NOT_CREDITED",
  /** A return credit note whose return was never received, or that credits more than it received. */
  "CREDIT_WITHOUT_RETURN",
  /** A shipment or a return whose stock movement inventory is missing, wholly or in part. */
  "STOCK_MOVEMENT_MISSING",
  /** A shipment or a return booked in inventory more than once. */
  "STOCK_MOVEMENT_DOUBLED",
  /** An event a service parked in its exception queue longer than the grace period. */
  "EVENT_PARKED",
] as const;
export type DiscrepancyKind = (typeof DISCREPANCY_KINDS)[number];

export type Owner = "FINANCE" | "OPERATIONS" | "MASTER_DATA";

/** An event to publish again from the service that first published it. */
export type Heal = { service: "shipments" | "returns"; trigger: { kind: string; id: string } };

export interface Discrepancy {
  /** Stable across reports: the same fault keeps its key. */
  key: string;
  kind: DiscrepancyKind;
  /** Null for a parked event that names no order. */
  orderId: string | null;
  lineId: string | null;
  /** The shipment, return or credit note it concerns. */
  reference: string | null;
  detail: string;
  owner: Owner;
  /** How the sweep heals it; null when a person must. */
  heal: Heal | null;
}

export interface MovementSum {
  kind: string;
  quantity: number;
}

export interface LineRow {
  lineId: string;
  sku: string;
  ordered: number;
  cancelled: number;
  reserved: number;
  backordered: number;
  shipped: number;
  /** On issued invoices. */
  invoiced: number;
  /** On invoices not issued yet (draft or held). */
  toInvoice: number;
  returned: number;
  credited: number;
  movements: MovementSum[];
}

export interface OrderRow {
  orderId: string;
  customerId: string;
  placedAt: string;
  /** Carrier charges on the order's shipments, in minor units; null when there are none. */
  charged: { amount: number; currency: string } | null;
  lines: LineRow[];
}

export interface Facts {
  orders: OrdersFacts;
  inventory: InventoryFacts;
  shipments: ShipmentsFacts;
  billing: BillingFacts;
  returns: ReturnsFacts;
  /** Events parked in the services' exception queues and still open. */
  parked: ParkedEvent[];
  /** Event ids each consumer has applied, of the triggers asked about. */
  heard: { billing: ReadonlySet<string>; inventory: ReadonlySet<string> };
}

export interface ParkedEvent {
  /** `<service>/<id>`, as the exception queue API names it. */
  id: string;
  owner: Owner;
  eventType: string | null;
  orderId: string | null;
  firstSeenAt: string;
}

export interface Comparison {
  orders: OrderRow[];
  discrepancies: Discrepancy[];
}

/** Which movement kind each disposition books. */
const DISPOSITION_MOVEMENT: Readonly<Record<string, string>> = {
  RESTOCK: "RETURN_RESTOCK",
  SCRAP: "SCRAP",
  VENDOR_RETURN: "VENDOR_RETURN",
};

const RECEIVED_STATUSES = new Set(["RECEIVED", "CLOSED"]);

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Lines up every service's facts per order line and lists what disagrees. Shipments and returns
 * newer than `settledBefore` are still on their way through the bus and are not judged yet.
 */
export function compare(facts: Facts, settledBefore: Date): Comparison {
  const discrepancies: Discrepancy[] = [];
  const raise = (d: Omit<Discrepancy, "key">) =>
    discrepancies.push({
      ...d,
      key: [d.kind, d.orderId ?? "", d.lineId ?? "", d.reference ?? ""].join(":"),
    });
  const settled = (at: string | null) => at !== null && new Date(at) < settledBefore;

  const invoicesOf = groupBy(facts.billing.invoices, (invoice) => invoice.shipmentId);
  const movementsOf = groupBy(
    facts.inventory.movements,
    (m) => `${m.reference}:${m.kind}:${m.sku}`,
  );
  const settledReturns = new Set(facts.billing.settledReturns);

  /** Compares what a shipment or return should have booked with what inventory booked. */
  const checkMovements = (
    orderId: string,
    reference: string,
    expected: { kind: string; sku: string; quantity: number }[],
    trigger: { eventId: string | null; heal: Heal },
  ) => {
    const bySku = groupBy(expected, (e) => `${e.kind}:${e.sku}`);
    for (const [key, wanted] of bySku) {
      const quantity = sum(wanted.map((w) => w.quantity));
      const { kind, sku } = wanted[0]!;
      const booked = movementsOf.get(`${reference}:${key}`) ?? [];
      const moved = sum(booked.map((m) => m.quantity));
      if (moved === quantity) continue;
      if (moved > quantity) {
        raise({
          kind: "STOCK_MOVEMENT_DOUBLED",
          orderId,
          lineId: null,
          reference,
          detail: `${kind} of ${sku} for ${reference}: ${moved} booked for ${quantity} moved (${sum(booked.map((m) => m.records))} movements)`,
          owner: "OPERATIONS",
          heal: null,
        });
        continue;
      }
      const lost = trigger.eventId !== null && !facts.heard.inventory.has(trigger.eventId);
      raise({
        kind: "STOCK_MOVEMENT_MISSING",
        orderId,
        lineId: null,
        reference,
        detail: `${kind} of ${sku} for ${reference}: ${moved} booked of ${quantity}${lost ? "; inventory never received the event" : ""}`,
        owner: "OPERATIONS",
        heal: lost ? trigger.heal : null,
      });
    }
  };

  for (const shipment of facts.shipments.shipments) {
    if (shipment.voided || !settled(shipment.confirmedAt)) continue;
    const heal: Heal = {
      service: "shipments",
      trigger: { kind: "shipment_confirmed", id: shipment.shipmentId },
    };
    const eventId = shipment.confirmedEventId;
    const invoices = invoicesOf.get(shipment.shipmentId) ?? [];
    if (invoices.length === 0) {
      const lost = eventId !== null && !facts.heard.billing.has(eventId);
      raise({
        kind: "SHIPPED_NOT_INVOICED",
        orderId: shipment.orderId,
        lineId: null,
        reference: shipment.shipmentId,
        detail: lost
          ? `billing never received shipment ${shipment.shipmentId}`
          : `billing has no invoice for shipment ${shipment.shipmentId}, which it received`,
        owner: "FINANCE",
        heal: lost ? heal : null,
      });
    } else if (invoices.some((invoice) => invoice.overdue)) {
      raise({
        kind: "SHIPPED_NOT_INVOICED",
        orderId: shipment.orderId,
        lineId: null,
        reference: shipment.shipmentId,
        detail: `the invoice for shipment ${shipment.shipmentId} is overdue by its billing policy`,
        owner: "FINANCE",
        heal: null,
      });
    }
    checkMovements(
      shipment.orderId,
      shipment.shipmentId,
      shipment.lines.map((line) => ({ kind: "SHIPMENT", sku: line.sku, quantity: line.quantity })),
      { eventId, heal },
    );
  }

  const receivedReturns = facts.returns.returns.filter(
    (r) => RECEIVED_STATUSES.has(r.status) && r.receivedAt !== null,
  );
  const returnsById = new Map(receivedReturns.map((r) => [r.returnId, r]));
  for (const ret of receivedReturns) {
    if (!settled(ret.receivedAt)) continue;
    const heal: Heal = {
      service: "returns",
      trigger: { kind: "return_received", id: ret.returnId },
    };
    if (!settledReturns.has(ret.returnId)) {
      const lost = ret.receivedEventId !== null && !facts.heard.billing.has(ret.receivedEventId);
      raise({
        kind: "RETURN_NOT_CREDITED",
        orderId: ret.orderId,
        lineId: null,
        reference: ret.returnId,
        detail: lost
          ? `billing never received return ${ret.returnId}`
          : `billing received return ${ret.returnId} and settled nothing`,
        owner: "FINANCE",
        heal: lost ? heal : null,
      });
    }
    checkMovements(
      ret.orderId,
      ret.returnId,
      ret.lines
        .filter((line) => (line.received ?? 0) > 0 && line.disposition !== null)
        .map((line) => ({
          kind: DISPOSITION_MOVEMENT[line.disposition!] ?? line.disposition!,
          sku: line.sku,
          quantity: line.received ?? 0,
        })),
      { eventId: ret.receivedEventId, heal },
    );
  }

  const returnCredits = facts.billing.creditNotes.filter((note) => note.reason === "RETURN");
  for (const [returnId, notes] of groupBy(returnCredits, (note) => note.returnId ?? "")) {
    const ret = returnsById.get(returnId);
    if (!ret) {
      for (const note of notes)
        raise({
          kind: "CREDIT_WITHOUT_RETURN",
          orderId: note.orderId,
          lineId: null,
          reference: note.creditNoteId,
          detail: `credit note ${note.number} credits return ${note.returnId ?? "(none)"}, which was never received`,
          owner: "FINANCE",
          heal: null,
        });
      continue;
    }
    for (const [lineId, lines] of groupBy(
      notes.flatMap((note) => note.lines),
      (line) => line.lineId,
    )) {
      const credited = sum(lines.map((line) => line.quantity));
      const received = sum(
        ret.lines.filter((line) => line.lineId === lineId).map((line) => line.received ?? 0),
      );
      if (credited > received)
        raise({
          kind: "CREDIT_WITHOUT_RETURN",
          orderId: ret.orderId,
          lineId,
          reference: returnId,
          detail: `return ${returnId} credits ${credited} of line ${lineId} and received ${received}`,
          owner: "FINANCE",
          heal: null,
        });
    }
  }

  const inPeriod = new Set(facts.orders.orders.map((order) => order.orderId));
  for (const event of facts.parked) {
    if (!settled(event.firstSeenAt)) continue;
    if (event.orderId !== null && !inPeriod.has(event.orderId)) continue;
    raise({
      kind: "EVENT_PARKED",
      orderId: event.orderId,
      lineId: null,
      reference: event.id,
      detail: `${event.eventType ?? "an event"} parked since ${event.firstSeenAt} (exception ${event.id})`,
      owner: event.owner,
      heal: null,
    });
  }

  const index = indexByOrder(facts);
  const orders = facts.orders.orders.map((order) => orderRow(order, index, settledReturns));
  for (const order of orders)
    for (const line of order.lines) {
      const netInvoiced = line.invoiced + line.toInvoice - line.credited;
      const netShipped = line.shipped - line.returned;
      if (netInvoiced > netShipped)
        raise({
          kind: "INVOICED_ABOVE_SHIPPED",
          orderId: order.orderId,
          lineId: line.lineId,
          reference: null,
          detail: `line ${line.lineId}: ${netInvoiced} invoiced net of credits, ${netShipped} shipped net of returns`,
          owner: "FINANCE",
          heal: null,
        });
    }
  return { orders, discrepancies };
}

/** Every service's facts grouped by order once, so each order's row reads only its own. */
function indexByOrder(facts: Facts) {
  const byOrder = <T extends { orderId: string }>(items: readonly T[]) =>
    groupBy(items, (item) => item.orderId);
  return {
    shipments: byOrder(facts.shipments.shipments.filter((s) => !s.voided)),
    invoices: byOrder(facts.billing.invoices),
    returns: byOrder(facts.returns.returns.filter((r) => RECEIVED_STATUSES.has(r.status))),
    credits: byOrder(facts.billing.creditNotes),
    stock: byOrder(facts.inventory.lines),
    movements: groupBy(facts.inventory.movements, (m) => m.reference),
  };
}

/** One order's row: each service's figure per line. */
function orderRow(
  order: OrdersFacts["orders"][number],
  index: ReturnType<typeof indexByOrder>,
  settledReturns: ReadonlySet<string>,
): OrderRow {
  const shipments = index.shipments.get(order.orderId) ?? [];
  const invoices = index.invoices.get(order.orderId) ?? [];
  const returns = index.returns.get(order.orderId) ?? [];
  const credits = index.credits.get(order.orderId) ?? [];
  const movements = [
    ...shipments.map((s) => s.shipmentId),
    ...returns.map((r) => r.returnId),
  ].flatMap((reference) => index.movements.get(reference) ?? []);
  const charges = shipments.flatMap((s) => s.charges);
  const quantityOf = (lines: { lineId: string; quantity: number }[], lineId: string) =>
    sum(lines.filter((l) => l.lineId === lineId).map((l) => l.quantity));
  return {
    orderId: order.orderId,
    customerId: order.customerId,
    placedAt: order.placedAt,
    charged:
      charges.length === 0
        ? null
        : { amount: sum(charges.map((c) => c.amount)), currency: charges[0]!.currency },
    lines: order.lines.map((line) => {
      const stock = index.stock.get(order.orderId)?.find((l) => l.lineId === line.lineId);
      const moved = groupBy(
        movements.filter((m) => m.sku === line.sku),
        (m) => m.kind,
      );
      return {
        lineId: line.lineId,
        sku: line.sku,
        ordered: line.ordered,
        cancelled: line.cancelled,
        reserved: stock?.reserved ?? 0,
        backordered: stock?.backordered ?? 0,
        shipped: sum(shipments.map((s) => quantityOf(s.lines, line.lineId))),
        invoiced: sum(
          invoices
            .filter((i) => i.status === "ISSUED")
            .map((i) => quantityOf(i.lines, line.lineId)),
        ),
        toInvoice: sum(
          invoices
            .filter((i) => i.status === "DRAFT" || i.status === "ON_HOLD")
            .map((i) => quantityOf(i.lines, line.lineId)),
        ),
        // A return billing has not settled yet is reported as such, not counted here too.
        returned: sum(
          returns
            .filter((r) => settledReturns.has(r.returnId))
            .flatMap((r) => r.lines.filter((l) => l.lineId === line.lineId))
            .map((l) => l.received ?? 0),
        ),
        credited: sum(credits.map((c) => quantityOf(c.lines, line.lineId))),
        movements: [...moved].map(([kind, rows]) => ({
          kind,
          quantity: sum(rows.map((r) => r.quantity)),
        })),
      };
    }),
  };
}
