import { principalOf, type Principal } from "@waybill/auth";
import {
  billingFacts,
  inventoryFacts,
  ordersFacts,
  returnsFacts,
  shipmentsFacts,
} from "@waybill/contracts";
import { codedError } from "@waybill/graphql";
import type { Logger, Metrics } from "@waybill/observability";
import type { z } from "zod";
import {
  serviceNames,
  type InternalCall,
  type ServiceName,
} from "../admin/exception-queue-client.ts";
import {
  compare,
  DISCREPANCY_KINDS,
  type Discrepancy,
  type Heal,
  type OrderRow,
  type Owner,
  type ParkedEvent,
} from "./compare.ts";
import type { RaisedRecord, RaisedStore } from "./raised.ts";

export interface ReconciliationReport {
  from: Date;
  to: Date;
  generatedAt: Date;
  orders: OrderRow[];
  /** What disagrees and no owner has been handed yet. */
  discrepancies: Discrepancy[];
  /** What disagrees and was handed to its owner by a sweep. */
  exceptions: RaisedRecord[];
}

export interface SweepOutcome {
  healed: number;
  raised: number;
  cleared: number;
}

export interface ReconcilerOptions {
  /** Calls a service's `/internal/reconciliation` route. */
  call: InternalCall;
  /** Calls a service's exception queue route. */
  exceptions: InternalCall;
  raised: RaisedStore;
  /** Shipments and returns younger than this are still on their way and not judged. */
  graceMs: number;
  /** Orders one report may cover; a longer period is refused. */
  maxOrders: number;
  /** How far back each sweep looks. */
  windowMs: number;
  logger: Logger;
  metrics?: Metrics | undefined;
}

/** Who the sweep acts as when it calls the services. */
const SWEEPER = principalOf({
  subject: "system:reconciliation",
  role: "admin",
  scopes: ["reconciliation"],
});

/** Who the reconciliation acts as to see which events are parked (not what they say). */
const QUEUE_READER = principalOf({
  subject: "system:reconciliation",
  role: "admin",
  scopes: ["operations"],
});

type ParkedRecord = {
  _id: string;
  owner: string;
  type: string | null;
  event: string;
  firstSeenAt: string;
};

/** The order an event's data names, if any. */
function orderOf(event: string): string | null {
  try {
    const orderId = (JSON.parse(event) as { data?: { orderId?: unknown } }).data?.orderId;
    return typeof orderId === "string" ? orderId : null;
  } catch {
    return null;
  }
}

const BATCH = 500;

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

/**
 * The hub's reconciliation: asks every service for its facts about the orders placed in a period,
 * compares them (`compare.ts`), and, on a timer, heals what a lost trigger left behind and hands
 * the rest to its owner.
 */
export function reconciler(options: ReconcilerOptions) {
  const { call, raised } = options;

  async function factsOf<S extends z.ZodType>(
    service: ServiceName,
    schema: S,
    principal: Principal,
    request: Record<string, unknown>,
  ): Promise<z.infer<S>> {
    const answer = await call<{ facts: unknown }>(
      service,
      { action: "facts", ...request },
      principal,
    );
    const parsed = schema.safeParse(answer.facts);
    if (!parsed.success)
      throw codedError("INTERNAL_SERVER_ERROR", `${service} answered facts that do not parse`);
    return parsed.data;
  }

  /** Facts of services that answer per order, asked in batches and put together. */
  async function perOrders<S extends z.ZodType>(
    service: ServiceName,
    schema: S,
    principal: Principal,
    orderIds: string[],
    merge: (parts: z.infer<S>[]) => z.infer<S>,
    references: (orderIds: string[]) => string[] = () => [],
  ): Promise<z.infer<S>> {
    const parts: z.infer<S>[] = [];
    for (const ids of batches(orderIds))
      parts.push(
        await factsOf(service, schema, principal, { orderIds: ids, references: references(ids) }),
      );
    return merge(parts);
  }

  /** The events still parked in every service's exception queue. */
  async function parkedEvents(): Promise<ParkedEvent[]> {
    const lists = await Promise.all(
      serviceNames.map(async (service) => {
        const { exceptions } = await options.exceptions<{ exceptions: ParkedRecord[] }>(
          service,
          { action: "list", status: "open", first: 500 },
          QUEUE_READER,
        );
        return exceptions.map((record) => ({
          id: `${service}/${record._id}`,
          owner: record.owner.toUpperCase() as Owner,
          eventType: record.type,
          orderId: orderOf(record.event),
          firstSeenAt: new Date(record.firstSeenAt).toISOString(),
        }));
      }),
    );
    return lists.flat();
  }

  async function heard(service: ServiceName, eventIds: string[], principal: Principal) {
    const seen = new Set<string>();
    for (const ids of batches(eventIds)) {
      const answer = await call<{ heard: string[] }>(
        service,
        { action: "heard", eventIds: ids },
        principal,
      );
      for (const id of answer.heard) seen.add(id);
    }
    return seen;
  }

  /** The report, and every discrepancy found whether handed to an owner or not. */
  async function build(
    from: Date,
    to: Date,
    principal: Principal,
  ): Promise<{ report: ReconciliationReport; all: Discrepancy[] }> {
    if (!(from < to))
      throw codedError("BAD_USER_INPUT", "from must be before to", { field: "from" });
    const generatedAt = new Date();
    const orders = await factsOf("orders", ordersFacts, principal, {
      from: from.toISOString(),
      to: to.toISOString(),
    });
    if (orders.orders.length > options.maxOrders)
      throw codedError(
        "BAD_USER_INPUT",
        `${orders.orders.length} orders were placed in the period; a report covers at most ${options.maxOrders}: narrow it`,
        { field: "to" },
      );
    const orderIds = orders.orders.map((order) => order.orderId);
    const [shipments, billing, returns] = await Promise.all([
      perOrders("shipments", shipmentsFacts, principal, orderIds, (parts) => ({
        shipments: parts.flatMap((p) => p.shipments),
      })),
      perOrders("billing", billingFacts, principal, orderIds, (parts) => ({
        invoices: parts.flatMap((p) => p.invoices),
        creditNotes: parts.flatMap((p) => p.creditNotes),
        settledReturns: parts.flatMap((p) => p.settledReturns),
      })),
      perOrders("returns", returnsFacts, principal, orderIds, (parts) => ({
        returns: parts.flatMap((p) => p.returns),
      })),
    ]);
    // Inventory books movements against shipments and returns: ask for those of these orders.
    const referencesOf = (ids: string[]) => {
      const wanted = new Set(ids);
      return [
        ...shipments.shipments.filter((s) => wanted.has(s.orderId)).map((s) => s.shipmentId),
        ...returns.returns.filter((r) => wanted.has(r.orderId)).map((r) => r.returnId),
      ];
    };
    const inventory = await perOrders(
      "inventory",
      inventoryFacts,
      principal,
      orderIds,
      (parts) => ({
        lines: parts.flatMap((p) => p.lines),
        movements: parts.flatMap((p) => p.movements),
      }),
      referencesOf,
    );
    const triggers = [
      ...shipments.shipments.map((s) => s.confirmedEventId),
      ...returns.returns.map((r) => r.receivedEventId),
    ].filter((id): id is string => id !== null);
    const [billingHeard, inventoryHeard, parked] = await Promise.all([
      heard("billing", triggers, principal),
      heard("inventory", triggers, principal),
      parkedEvents(),
    ]);
    const comparison = compare(
      {
        orders,
        inventory,
        shipments,
        billing,
        returns,
        parked,
        heard: { billing: billingHeard, inventory: inventoryHeard },
      },
      new Date(generatedAt.getTime() - options.graceMs),
    );
    const open = await raised.openOf(orderIds);
    const handed = new Set(open.map((record) => record._id));
    const all = comparison.discrepancies;
    const keys = new Set(all.map((d) => d.key));
    const report = {
      from,
      to,
      generatedAt,
      orders: comparison.orders,
      discrepancies: all.filter((d) => !handed.has(d.key)),
      exceptions: open.filter((record) => keys.has(record._id)),
    };
    return { report, all };
  }

  const found = options.metrics?.gauge({
    name: "waybill_reconciliation_discrepancies",
    help: "Discrepancies the last sweep found, by kind, healed or not",
    labelNames: ["kind"],
  });
  const healedTotal = options.metrics?.counter({
    name: "waybill_reconciliation_healed_total",
    help: "Lost triggers the sweep published again, by discrepancy kind",
    labelNames: ["kind"],
  });
  const raisedTotal = options.metrics?.counter({
    name: "waybill_reconciliation_raised_total",
    help: "Discrepancies the sweep handed to their owner as exceptions, by kind",
    labelNames: ["kind"],
  });
  const openExceptions = options.metrics?.gauge({
    name: "waybill_reconciliation_open_exceptions",
    help: "Reconciliation exceptions waiting for their owner, by kind",
    labelNames: ["kind"],
  });

  /**
   * One sweep over the window before `now`: publishes each lost trigger again (once, however many
   * discrepancies it explains), raises everything else to its owner, and clears exceptions whose
   * discrepancy is gone.
   */
  async function sweep(now: Date = new Date()): Promise<SweepOutcome> {
    const { report: current, all } = await build(
      new Date(now.getTime() - options.windowMs),
      now,
      SWEEPER,
    );
    const heals = new Map<string, { heal: Heal; kinds: Discrepancy["kind"][] }>();
    let raisedNow = 0;
    for (const discrepancy of all) {
      if (discrepancy.heal) {
        const key = `${discrepancy.heal.service}:${discrepancy.heal.trigger.kind}:${discrepancy.heal.trigger.id}`;
        const entry = heals.get(key) ?? { heal: discrepancy.heal, kinds: [] };
        entry.kinds.push(discrepancy.kind);
        heals.set(key, entry);
      } else if (discrepancy.kind === "EVENT_PARKED" || discrepancy.orderId === null) {
        continue; // already in an exception queue, with its owner
      } else if (await raised.raise({ ...discrepancy, orderId: discrepancy.orderId }, now)) {
        raisedNow += 1;
        raisedTotal?.inc({ kind: discrepancy.kind });
      }
    }
    let healed = 0;
    for (const { heal, kinds } of heals.values()) {
      const answer = await call<{ reemitted: boolean }>(
        heal.service,
        { action: "reemit", trigger: heal.trigger },
        SWEEPER,
      );
      if (!answer.reemitted) {
        options.logger.warn({ trigger: heal.trigger }, "a lost trigger could not be re-emitted");
        continue;
      }
      healed += 1;
      for (const kind of kinds) healedTotal?.inc({ kind });
    }
    const keys = new Set(all.map((d) => d.key));
    const gone = (await raised.openOf(current.orders.map((o) => o.orderId)))
      .filter((record) => !keys.has(record._id))
      .map((record) => record._id);
    await raised.clear(gone, now);
    for (const kind of DISCREPANCY_KINDS)
      found?.set({ kind }, all.filter((d) => d.kind === kind).length);
    const counts = await raised.openCounts();
    for (const kind of DISCREPANCY_KINDS) openExceptions?.set({ kind }, counts.get(kind) ?? 0);
    options.logger.info(
      { discrepancies: all.length, healed, raised: raisedNow, cleared: gone.length },
      "reconciliation sweep",
    );
    return { healed, raised: raisedNow, cleared: gone.length };
  }

  return {
    /** The report of the orders placed in `[from, to)`, as `principal` may see it. */
    report: async (from: Date, to: Date, principal: Principal) =>
      (await build(from, to, principal)).report,
    sweep,
  };
}

export type Reconciler = ReturnType<typeof reconciler>;
