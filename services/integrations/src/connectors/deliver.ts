import { newEventId, recordException } from "@waybill/bus";
import { HttpError } from "@waybill/http";
import type { Logger } from "@waybill/observability";
import type { Store } from "@waybill/store";
import type { Hub } from "../hub/client.ts";
import { nextAttemptAt } from "../outbound/schedule.ts";
import type { AttemptResult, ConnectorRepository } from "../store/connectors.ts";
import type { ConnectorDeliveryRecord } from "../store/records.ts";
import type { CircuitBreaker } from "./breaker.ts";
import { DocumentNotFoundError, readDespatch, readDocument } from "./hub-read.ts";
import type { ConnectorMetrics } from "./metrics.ts";
import type { MilestoneDocument } from "./documents.ts";
import { ConnectorError, NotForThisSystem, type Connector } from "./outcome.ts";
import { readServiceCase } from "./service-cases.ts";

/** One connector at work: its system's client, its deliveries, its breaker and its limits. */
export interface ConnectorRun {
  connector: Connector;
  repo: ConnectorRepository;
  store: Store;
  hub: Hub;
  breaker: CircuitBreaker;
  metrics: ConnectorMetrics;
  logger: Logger;
  /** Seconds before each attempt, the first included. */
  schedule: readonly number[];
  /** How long an attempt may hold its delivery before another worker takes it again. */
  leaseMs: number;
  /** Nothing is sent before this instant (ms): a 429's Retry-After is the system's, not a document's. */
  pausedUntil: number;
  now?: () => Date;
}

/** How long a delivery waiting for an earlier one of its order sleeps unless woken. */
const WAIT_MS = 3_600_000;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Turns what went wrong into a ConnectorError: the hub's and our own troubles are ours to wait out. */
function asConnectorError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  if (error instanceof HttpError || error instanceof DocumentNotFoundError)
    return new ConnectorError("later", errorText(error));
  return new ConnectorError("later", `unexpected: ${errorText(error)}`);
}

/** The stream whose event asked for a delivery of `kind`. */
const streamOf = (kind: ConnectorDeliveryRecord["kind"]) =>
  kind === "despatch" || kind === "milestone"
    ? "shipments"
    : kind === "service_case"
      ? "orders"
      : "billing";

/**
 * A milestone as its event told it, with what the system made of its shipment's despatch; null
 * when the despatch was skipped (not the system's order), so the milestone is too.
 */
async function milestoneOf(
  run: ConnectorRun,
  record: ConnectorDeliveryRecord,
): Promise<MilestoneDocument | null> {
  const despatch = await run.repo.deliveryOf(run.connector.name, record.reference);
  if (despatch?.state === "skipped") return null;
  if (despatch?.state !== "delivered" || !despatch.externalId)
    throw new ConnectorError("later", `waiting for shipment ${record.reference} to be delivered`);
  const { data } = JSON.parse(record.event) as {
    data: {
      milestoneId: string;
      shipmentId: string;
      orderId: string;
      type: string;
      occurredAt: string;
    };
  };
  return {
    kind: "milestone",
    id: data.milestoneId,
    shipmentId: data.shipmentId,
    orderId: data.orderId,
    type: data.type,
    occurredAt: data.occurredAt,
    despatchExternalId: despatch.externalId,
  };
}

/** Raises the exception of a parked delivery: a fresh copy of its event, for a retry to apply. */
async function park(run: ConnectorRun, record: ConnectorDeliveryRecord, error: ConnectorError) {
  const copy = { ...(JSON.parse(record.event) as Record<string, unknown>), id: newEventId() };
  const exceptionId = `connectors/${record._id}/${record.attempts + 1}`;
  await recordException(run.store, {
    _id: exceptionId,
    consumer: `integrations`,
    category: error.category,
    error: `${run.connector.name} ${record.reference}: ${error.message}`,
    event: JSON.stringify(copy),
    eventId: copy.id,
    type: record.kind,
    stream: streamOf(record.kind),
    streamSeq: null,
    attempts: 1,
  });
  return exceptionId;
}

async function failure(
  run: ConnectorRun,
  record: ConnectorDeliveryRecord,
  error: ConnectorError,
  at: Date,
): Promise<AttemptResult> {
  const base = { state: "failed" as const, error: error.message };
  if (error.kind === "rate_limited") {
    run.pausedUntil = Math.max(
      run.pausedUntil,
      at.getTime() + (error.retryAfterSeconds ?? 1) * 1000,
    );
    return { ...base, nextAttemptAt: new Date(run.pausedUntil), counted: false };
  }
  if (error.kind === "unavailable") run.breaker.failed(at.getTime());
  const next =
    error.kind === "parked"
      ? null
      : nextAttemptAt(run.schedule, record.scheduled + 1, at, undefined);
  if (next) return { ...base, nextAttemptAt: next, counted: true };
  const reason =
    error.kind === "parked"
      ? error
      : new ConnectorError("parked", `retries spent: ${error.message}`, {
          category: "max_deliveries",
        });
  const exceptionId = await park(run, record, reason);
  return { ...base, parked: true, nextAttemptAt: null, counted: true, exceptionId };
}

/** Sends one delivery's document: what its attempt ends with when the system took it. */
async function send(run: ConnectorRun, record: ConnectorDeliveryRecord): Promise<AttemptResult> {
  const delivered = (externalId: string): AttemptResult => ({
    state: "delivered",
    externalId,
    error: null,
    nextAttemptAt: null,
    counted: true,
  });
  if (record.kind === "despatch") {
    if (!run.connector.despatch)
      return { state: "skipped", error: "takes no despatches", nextAttemptAt: null, counted: true };
    return delivered(await run.connector.despatch(await readDespatch(run.hub, record.documentId)));
  }
  if (record.kind === "milestone") {
    const milestone = run.connector.milestone ? await milestoneOf(run, record) : null;
    if (!run.connector.milestone || !milestone)
      return {
        state: "skipped",
        error: milestone === null ? "its shipment was not sent" : "takes no milestones",
        nextAttemptAt: null,
        counted: true,
      };
    return delivered(await run.connector.milestone(milestone));
  }
  if (record.kind === "service_case") {
    if (!run.connector.serviceCase)
      return {
        state: "skipped",
        error: "takes no service cases",
        nextAttemptAt: null,
        counted: true,
      };
    return delivered(
      await run.connector.serviceCase(await readServiceCase(run.hub, record.reference)),
    );
  }
  if (!run.connector.deliver)
    return {
      state: "skipped",
      error: "takes no billing documents",
      nextAttemptAt: null,
      counted: true,
    };
  const invoiceId = record.invoiceId ?? record.documentId;
  const original =
    record.kind === "invoice" ? null : await run.repo.deliveryOf(run.connector.name, invoiceId);
  // A note may follow an invoice the system did not take (skipped, with its reason).
  if (record.kind !== "invoice" && original?.state !== "delivered" && original?.state !== "skipped")
    throw new ConnectorError("later", `waiting for invoice ${invoiceId} to be delivered`);
  const document = await readDocument(run.hub, record.kind, record.documentId, invoiceId);
  if (document.lines.length === 0)
    return { state: "skipped", error: "nothing to bill", nextAttemptAt: null, counted: true };
  return delivered(
    await run.connector.deliver(document, { originalExternalId: original?.externalId ?? null }),
  );
}

/** One attempt at one claimed delivery, recorded whatever happens. */
async function attempt(run: ConnectorRun, record: ConnectorDeliveryRecord): Promise<void> {
  const clock = run.now ?? (() => new Date());
  const started = performance.now();
  let result: AttemptResult;
  try {
    result = await send(run, record).catch((thrown: unknown): AttemptResult => {
      if (!(thrown instanceof NotForThisSystem)) throw thrown;
      return { state: "skipped", error: thrown.message, nextAttemptAt: null, counted: true };
    });
    run.breaker.succeeded();
  } catch (thrown) {
    const error = asConnectorError(thrown);
    run.metrics.failed(run.connector.name, error.kind);
    run.logger.warn(
      { connector: run.connector.name, delivery: record._id, kind: error.kind, err: error.message },
      "connector delivery failed",
    );
    result = await failure(run, record, error, clock());
  }
  const at = clock();
  await run.repo.record(record, result, at);
  if (result.state === "delivered" || result.state === "skipped") {
    if (result.state === "delivered")
      run.metrics.delivered(run.connector.name, performance.now() - started);
    await run.repo.wakeOrder(run.connector.name, record.orderId, at);
    if (record.exceptionId) await run.repo.closeException(record.exceptionId, at);
  }
}

/**
 * One pass over a connector's due deliveries: oldest first, one per order at a time (a credit note
 * after its invoice), no more than the connector's concurrency and what its breaker allows, none
 * while a 429 is waited out. Returns how many were attempted.
 */
export async function deliverDue(run: ConnectorRun): Promise<number> {
  const clock = run.now ?? (() => new Date());
  const now = clock();
  if (now.getTime() < run.pausedUntil) return 0;
  const allowed = run.breaker.allowance(run.connector.concurrency, now.getTime());
  if (allowed === 0) return 0;
  const due = await run.repo.due(run.connector.name, now, allowed * 4);
  const ready: ConnectorDeliveryRecord[] = [];
  const orders = new Set<string>();
  for (const record of due) {
    if (ready.length >= allowed) break;
    if (orders.has(record.orderId)) continue;
    if (await run.repo.earlierOpen(record)) {
      // The earlier one wakes it when it is done.
      await run.repo.postpone(record, new Date(now.getTime() + WAIT_MS));
      continue;
    }
    const claimed = await run.repo.claim(record, new Date(now.getTime() + run.leaseMs));
    if (!claimed) continue;
    orders.add(record.orderId);
    ready.push(claimed);
  }
  await Promise.all(
    ready.map((record) =>
      attempt(run, record).catch((error: unknown) => {
        run.logger.error(
          { err: error, delivery: record._id },
          "connector attempt failed to record",
        );
      }),
    ),
  );
  return ready.length;
}
