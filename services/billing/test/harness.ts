// Billing's consumers over a throwaway embedded store: events go in through the inbox as the
// consumer takes them, and what billing emitted is read back from the outbox.
import type { CarrierChargeType, EventData, EventType } from "@waybill/contracts";
import { applyOnce, buildEvent, OUTBOX, type OutboxRecord } from "@waybill/bus";
import { openTestStore, testPrincipal } from "@waybill/devtools";
import { createLogger } from "@waybill/observability";
import { createRuntime, type ServiceRuntime, type UnitOfWork } from "@waybill/service";
import type { Principal } from "@waybill/auth";
import { createRequire } from "node:module";
import { buildSchema, loadTypeDefs } from "@waybill/graphql";
import type { graphql as Graphql } from "graphql";
import { billingConfig } from "../src/config.ts";
import { createContext } from "../src/context.ts";
import { billingConsumers } from "../src/events/consumers.ts";
import { billingCollections } from "../src/store/collections.ts";
import { resolvers } from "../src/resolvers/index.ts";
import { billingService } from "../src/server.ts";
import { prepareBillingStore } from "../src/store/repository.ts";

// @apollo/subgraph builds the schema with graphql's CommonJS build, as Node loads it for the
// service; vitest would hand this file the ESM build, which refuses a schema of the other.
const { graphql } = createRequire(import.meta.url)("graphql") as { graphql: typeof Graphql };

type AnyHandler = (event: ReturnType<typeof buildEvent>, work: UnitOfWork) => Promise<void>;

/** The carrier charge types billing re-bills unless configured otherwise. */
export const DEFAULT_REBILLED = billingConfig({}).CHARGE_REBILL;

/** Every handler of billing's consumers, by event type. */
export function billingHandlers(
  runtime: ServiceRuntime,
  rebilled: ReadonlySet<CarrierChargeType> = DEFAULT_REBILLED,
): Record<string, AnyHandler> {
  return Object.assign(
    {},
    ...billingConsumers(runtime, { rebilled }).map((consumer) => consumer.handlers),
  ) as Record<string, AnyHandler>;
}

export async function billingHarness(rebilled: ReadonlySet<CarrierChargeType> = DEFAULT_REBILLED) {
  const opened = await openTestStore("billing");
  const { store } = opened;
  await prepareBillingStore(store);
  const runtime = createRuntime("billing", store, createLogger("billing", "silent"), () => {});
  const handlers = billingHandlers(runtime, rebilled);
  const db = billingCollections(store);
  const schema = buildSchema(loadTypeDefs(billingService.schemaFolder), resolvers);
  return {
    runtime,
    db,
    close: () => opened.close(),
    /** Runs a document against billing's subgraph schema as `principal` (admin by default). */
    async query<T = Record<string, unknown>>(
      source: string,
      variableValues: Record<string, unknown> = {},
      principal: Principal = testPrincipal(),
    ) {
      const result = await graphql({
        schema,
        source,
        variableValues,
        contextValue: createContext(runtime, principal),
      });
      return { data: result.data as T | null | undefined, errors: result.errors ?? [] };
    },
    /**
     * Delivers an event as billing's consumer does: through the inbox, in one transaction. `id`
     * sends the same event again; a RetryLaterError comes out as the consumer would see it.
     */
    async deliver<T extends EventType>(type: T, data: EventData<T>, id?: string) {
      const event = buildEvent({
        type,
        subject: "test",
        data,
        source: "test",
        ...(id ? { id } : {}),
      });
      const handle = handlers[type];
      if (!handle) throw new Error(`billing does not consume ${type}`);
      await applyOnce(store, "billing", event, (session) =>
        handle(event, runtime.unitOfWork(session)),
      );
      return event.id;
    },
    /** Data of the events billing emitted, of one type, oldest first. */
    async emitted<T extends EventType>(type: T): Promise<EventData<T>[]> {
      const records = await store
        .collection<OutboxRecord>(OUTBOX)
        .find({ "event.type": type }, { sort: { seq: 1 } });
      return records.map((record) => record.event.data as EventData<T>);
    },
    /** The order's invoices, oldest first. */
    invoices: (orderId: string) =>
      db.invoices.find({ orderId }, { sort: { createdAt: 1, _id: 1 } }),
    invoiceOf: async (shipmentId: string) => {
      const invoice = await db.invoices.findOne({ shipmentId });
      if (!invoice) throw new Error(`no invoice for ${shipmentId}`);
      return invoice;
    },
    creditNotes: (filter: Record<string, unknown> = {}) =>
      db.creditNotes.find(filter, { sort: { number: 1 } }),
    adjustmentNotes: (filter: Record<string, unknown> = {}) =>
      db.adjustmentNotes.find(filter, { sort: { number: 1 } }),
  };
}

export type BillingHarness = Awaited<ReturnType<typeof billingHarness>>;
