import { findPage, type PageQuery, type Session, type Store } from "@waybill/store";
import { integrationsCollections } from "./collections.ts";
import { DELIVERIES_NEWEST_FIRST, ENDPOINTS_OLDEST_FIRST } from "./pages.ts";
import type {
  DeliveryAttempt,
  DeliveryState,
  DisabledReason,
  WebhookDeliveryRecord,
  WebhookEndpointRecord,
} from "./records.ts";

const OPEN: DeliveryState[] = ["pending", "failed"];

/** Indexes of the outbound webhook collections; idempotent. */
export async function prepareOutboundStore(store: Store): Promise<void> {
  const { endpoints, deliveries } = integrationsCollections(store);
  await endpoints.createIndex({ keys: { enabled: 1, nextProbeAt: 1 } });
  await deliveries.createIndex({ keys: { endpointId: 1, eventId: 1 }, unique: true });
  await deliveries.createIndex({ keys: { state: 1, paused: 1, nextAttemptAt: 1 } });
  await deliveries.createIndex({ keys: { orderKey: 1, sequence: 1 } });
  await deliveries.createIndex({ keys: { endpointId: 1, sequence: -1 } });
}

/** Endpoints, and the deliveries made to them: what the outbound webhooks keep. */
export function outboundRepository(store: Store) {
  const { endpoints, deliveries } = integrationsCollections(store);
  const reopen = (now: Date) => ({
    $set: { state: "pending", scheduled: 0, nextAttemptAt: now, paused: false },
  });
  return {
    addEndpoint: (endpoint: WebhookEndpointRecord) => endpoints.insertOne(endpoint),
    endpoint: (id: string) => endpoints.findOne({ _id: id }),
    /**
     * A page of endpoints, oldest first; with `accounts`, only endpoints of some of those accounts
     * and of no other (what a partner manages).
     */
    endpointsPage: (accounts: readonly string[] | undefined, page: PageQuery) =>
      findPage(
        endpoints,
        accounts
          ? {
              "accounts.0": { $exists: true },
              accounts: { $not: { $elemMatch: { $nin: accounts } } },
            }
          : {},
        ENDPOINTS_OLDEST_FIRST,
        page,
      ),
    /** Endpoints that hear `type` (enabled or not: a disabled one keeps what it misses). */
    endpointsFor: (type: string, session: Session) =>
      endpoints.find({ eventTypes: type }, { session }),
    setSecrets: (id: string, secrets: WebhookEndpointRecord["secrets"]) =>
      endpoints.findOneAndUpdate({ _id: id }, { $set: { secrets } }),

    /** Disables an endpoint and holds its open deliveries. */
    async disable(id: string, reason: DisabledReason, now: Date, probeAt: Date | null) {
      await store.withTransaction(async (session) => {
        await endpoints.updateOne(
          { _id: id },
          {
            $set: { enabled: false, disabledReason: reason, disabledAt: now, nextProbeAt: probeAt },
          },
          { session },
        );
        await deliveries.updateMany(
          { endpointId: id, state: { $in: OPEN } },
          { $set: { paused: true } },
          { session },
        );
      });
    },
    /**
     * Enables an endpoint and sends what it missed: its held deliveries, and (when `missedSince`
     * is given) those exhausted by attempts since then, from the start of their schedule.
     */
    async enable(id: string, now: Date, missedSince: Date | null) {
      await store.withTransaction(async (session) => {
        await endpoints.updateOne(
          { _id: id },
          {
            $set: {
              enabled: true,
              disabledReason: null,
              disabledAt: null,
              failingSince: null,
              nextProbeAt: null,
            },
          },
          { session },
        );
        await deliveries.updateMany(
          { endpointId: id, state: { $in: OPEN } },
          { $set: { paused: false, nextAttemptAt: now } },
          { session },
        );
        if (missedSince)
          await deliveries.updateMany(
            { endpointId: id, state: "exhausted", "attempts.at": { $gte: missedSince } },
            reopen(now),
            { session },
          );
      });
    },
    /** Notes a failure; the endpoint's first failure since it last succeeded starts the clock. */
    markFailing: (id: string, now: Date) =>
      endpoints.findOneAndUpdate(
        { _id: id, failingSince: null },
        { $set: { failingSince: now } },
        { returnDocument: "after" },
      ),
    probesDue: (now: Date) =>
      endpoints.find({ enabled: false, nextProbeAt: { $lte: now } }, { limit: 50 }),
    scheduleProbe: (id: string, at: Date) =>
      endpoints.updateOne({ _id: id, enabled: false }, { $set: { nextProbeAt: at } }),

    addDeliveries: (records: WebhookDeliveryRecord[], session: Session) =>
      deliveries.insertMany(records, { session }),
    delivery: (id: string) => deliveries.findOne({ _id: id }),
    deliveriesPage: (endpointId: string, page: PageQuery) =>
      findPage(deliveries, { endpointId }, DELIVERIES_NEWEST_FIRST, page),
    /**
     * Open deliveries whose attempt is due, of enabled endpoints, oldest first (one numeric sort,
     * which the embedded store reads in order from SQL: a pass costs a page, not the backlog).
     */
    dueDeliveries: (now: Date, limit: number) =>
      deliveries.find(
        { state: { $in: OPEN }, paused: false, nextAttemptAt: { $lte: now } },
        { sort: { sequence: 1 }, limit },
      ),
    /** The earliest open delivery of the same order to the same endpoint before this one, if any. */
    earlierOpen: (delivery: WebhookDeliveryRecord) =>
      delivery.orderKey
        ? deliveries.findOne(
            {
              orderKey: delivery.orderKey,
              sequence: { $lt: delivery.sequence },
              state: { $in: OPEN },
            },
            { sort: { sequence: 1 } },
          )
        : Promise.resolve(null),
    /** Moves a waiting delivery's due time to `at` (when what it waits for is next tried). */
    postpone: (delivery: WebhookDeliveryRecord, at: Date) =>
      deliveries.updateOne(
        { _id: delivery._id, nextAttemptAt: delivery.nextAttemptAt },
        { $set: { nextAttemptAt: at } },
      ),
    /** The endpoints of these ids, by id (for a pass over deliveries). */
    async endpointsById(ids: readonly string[]) {
      const found = await endpoints.find({ _id: { $in: [...new Set(ids)] } });
      return new Map(found.map((endpoint) => [endpoint._id, endpoint]));
    },
    /**
     * Takes due deliveries for one attempt each by moving their due time to `leaseUntil`, in one
     * transaction: another worker no longer sees them due, and a worker that dies mid-attempt
     * leaves them due again at the lease's end. Returns those taken (not those someone else took
     * first).
     */
    claimAll: (due: readonly WebhookDeliveryRecord[], leaseUntil: Date) =>
      store.withTransaction(async (session) => {
        const taken: WebhookDeliveryRecord[] = [];
        for (const delivery of due) {
          const claimed = await deliveries.findOneAndUpdate(
            {
              _id: delivery._id,
              state: { $in: OPEN },
              paused: false,
              nextAttemptAt: delivery.nextAttemptAt,
            },
            { $set: { nextAttemptAt: leaseUntil } },
            { session },
          );
          if (claimed) taken.push(claimed);
        }
        return taken;
      }),
    /**
     * Records an attempt and what follows from it. A delivery that is done (delivered or
     * exhausted) wakes the next ones of its order; a success clears its endpoint's failing clock.
     */
    recordAttempt: (
      delivery: WebhookDeliveryRecord,
      attempt: DeliveryAttempt,
      next: { state: DeliveryState; nextAttemptAt: Date | null; healthy?: boolean },
    ) =>
      store.withTransaction(async (session) => {
        const done = next.state === "delivered" || next.state === "exhausted";
        await deliveries.updateOne(
          { _id: delivery._id },
          {
            $push: { attempts: attempt },
            $inc: { scheduled: 1 },
            $set: {
              state: next.state,
              nextAttemptAt: next.nextAttemptAt,
              ...(next.state === "delivered" ? { deliveredAt: attempt.at } : {}),
            },
          },
          { session },
        );
        if (next.healthy)
          await endpoints.updateOne(
            { _id: delivery.endpointId, failingSince: { $ne: null } },
            { $set: { failingSince: null } },
            { session },
          );
        if (done && delivery.orderKey)
          await deliveries.updateMany(
            {
              orderKey: delivery.orderKey,
              state: "pending",
              scheduled: 0,
              nextAttemptAt: { $gt: attempt.at },
            },
            { $set: { nextAttemptAt: attempt.at } },
            { session },
          );
      }),
    /** Sends one delivery again, from the start of the schedule (held if its endpoint is disabled). */
    replay: (id: string, now: Date, paused: boolean) =>
      deliveries.findOneAndUpdate({ _id: id }, { $set: { ...reopen(now).$set, paused } }),
    /** Sends again every delivery to an endpoint created since `since`; the count. */
    async replaySince(endpointId: string, since: Date, now: Date, paused: boolean) {
      const result = await deliveries.updateMany(
        { endpointId, createdAt: { $gte: since } },
        { $set: { ...reopen(now).$set, paused } },
      );
      return result.matchedCount;
    },
    countDisabled: () => endpoints.countDocuments({ enabled: false }),
  };
}

export type OutboundRepository = ReturnType<typeof outboundRepository>;
