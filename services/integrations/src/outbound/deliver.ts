import type { Logger } from "@waybill/observability";
import type { OutboundRepository } from "../store/outbound.ts";
import type { WebhookDeliveryRecord, WebhookEndpointRecord } from "../store/records.ts";
import type { OutboundMetrics } from "./metrics.ts";
import { nextAttemptAt, retryAfterSeconds } from "./schedule.ts";
import type { SendResult, Sender } from "./sender.ts";
import { webhookHeaders } from "./signing.ts";

/** What delivering needs: the store, a sender, the schedule and the limits. */
export interface Delivery {
  repo: OutboundRepository;
  sender: Sender;
  metrics: OutboundMetrics;
  logger: Logger;
  schedule: readonly number[];
  timeoutMs: number;
  disableAfterMs: number;
  probeIntervalMs: number;
  concurrency: number;
  now?: () => Date;
}

/** The secrets that sign now: the current one, and a rotated-out one until its overlap ends. */
export const signingSecrets = (endpoint: WebhookEndpointRecord, now: Date) =>
  endpoint.secrets
    .filter((entry) => entry.expiresAt === null || entry.expiresAt > now)
    .map((entry) => entry.secret);

const succeeded = (result: SendResult) =>
  result.status !== null && result.status >= 200 && result.status < 300;

/** Signs and posts one body to an endpoint. */
export function send(
  delivery: Delivery,
  endpoint: WebhookEndpointRecord,
  id: string,
  body: string,
) {
  const now = (delivery.now ?? (() => new Date()))();
  return delivery.sender.post(
    endpoint.url,
    webhookHeaders(signingSecrets(endpoint, now), id, body, now),
    body,
  );
}

async function attempt(
  delivery: Delivery,
  record: WebhookDeliveryRecord,
  endpoint: WebhookEndpointRecord,
): Promise<void> {
  const { repo } = delivery;
  const clock = delivery.now ?? (() => new Date());
  const result = await send(delivery, endpoint, record._id, record.payload);
  const at = clock();
  const entry = { at, status: result.status, latencyMs: result.latencyMs, error: result.error };
  if (succeeded(result)) {
    await repo.recordAttempt(record, entry, {
      state: "delivered",
      nextAttemptAt: null,
      healthy: endpoint.failingSince !== null,
    });
    delivery.metrics.attempted("delivered", result.latencyMs);
    return;
  }
  if (result.status === 410) {
    // Gone: the receiver asks for no more. The delivery is held with the rest until it is back.
    await repo.recordAttempt(record, entry, { state: "failed", nextAttemptAt: at });
    await repo.disable(endpoint._id, "GONE", at, new Date(at.getTime() + delivery.probeIntervalMs));
    await repo.markFailing(endpoint._id, at);
    delivery.metrics.attempted("gone", result.latencyMs);
    delivery.metrics.disabled("GONE");
    delivery.logger.warn({ endpointId: endpoint._id }, "webhook endpoint answered 410: disabled");
    return;
  }
  const retryAfter = retryAfterSeconds(result.retryAfter, at);
  const next = nextAttemptAt(delivery.schedule, record.scheduled + 1, at, retryAfter);
  await repo.recordAttempt(record, entry, {
    state: next ? "failed" : "exhausted",
    nextAttemptAt: next,
  });
  delivery.metrics.attempted(next ? "failed" : "exhausted", result.latencyMs);
  const failing = (await repo.markFailing(endpoint._id, at)) ?? endpoint;
  const since = failing.failingSince ?? at;
  if (endpoint.enabled && at.getTime() - since.getTime() >= delivery.disableAfterMs) {
    await repo.disable(
      endpoint._id,
      "FAILING",
      at,
      new Date(at.getTime() + delivery.probeIntervalMs),
    );
    delivery.metrics.disabled("FAILING");
    delivery.logger.warn(
      { endpointId: endpoint._id, failingSince: since },
      "webhook endpoint failing for too long: disabled",
    );
  }
}

/**
 * One pass over due deliveries: up to `concurrency` at a time, each claimed before its attempt. A
 * delivery about an order waits while an earlier one of that order to that endpoint is open.
 * Returns how many were attempted, so the caller can go again at once while there is work.
 */
export async function deliverDue(delivery: Delivery): Promise<number> {
  const clock = delivery.now ?? (() => new Date());
  const now = clock();
  const due = await delivery.repo.dueDeliveries(now, delivery.concurrency * 4);
  const ready: WebhookDeliveryRecord[] = [];
  const keys = new Set<string>();
  for (const record of due) {
    if (ready.length >= delivery.concurrency) break;
    if (record.orderKey && keys.has(record.orderKey)) continue;
    const earlier = await delivery.repo.earlierOpen(record);
    if (earlier) {
      // Not before the earlier one is tried again; it wakes this one when it is done.
      const at = earlier.nextAttemptAt && earlier.nextAttemptAt > now ? earlier.nextAttemptAt : now;
      if (at > now) await delivery.repo.postpone(record, at);
      continue;
    }
    if (record.orderKey) keys.add(record.orderKey);
    ready.push(record);
  }
  if (ready.length === 0) return 0;
  // An attempt outlives its timeout only by a crash: then the lease ends and it is tried again.
  const lease = new Date(now.getTime() + delivery.timeoutMs * 2 + 5_000);
  const taken = await delivery.repo.claimAll(ready, lease);
  const endpoints = await delivery.repo.endpointsById(taken.map((record) => record.endpointId));
  await Promise.all(
    taken.map((record) => {
      const endpoint = endpoints.get(record.endpointId);
      if (!endpoint) return Promise.resolve();
      return attempt(delivery, record, endpoint).catch((error: unknown) => {
        delivery.logger.error(
          { err: error, deliveryId: record._id },
          "webhook attempt failed to record",
        );
      });
    }),
  );
  return taken.length;
}

/**
 * Probes disabled endpoints (not those disabled by hand) with a signed `webhook.probe`; one that
 * answers 2xx is enabled again and gets what it missed, in order.
 */
export async function probeDisabled(delivery: Delivery): Promise<void> {
  const clock = delivery.now ?? (() => new Date());
  for (const endpoint of await delivery.repo.probesDue(clock())) {
    if (endpoint.disabledReason === "MANUAL") continue;
    const body = JSON.stringify({
      type: "webhook.probe",
      timestamp: clock().toISOString(),
      data: { endpointId: endpoint._id },
    });
    const result = await send(
      delivery,
      endpoint,
      `probe_${endpoint._id}_${clock().getTime()}`,
      body,
    );
    const at = clock();
    if (succeeded(result)) {
      await delivery.repo.enable(endpoint._id, at, endpoint.failingSince ?? endpoint.disabledAt);
      delivery.logger.info({ endpointId: endpoint._id }, "webhook endpoint answers again: enabled");
    } else {
      await delivery.repo.scheduleProbe(
        endpoint._id,
        new Date(at.getTime() + delivery.probeIntervalMs),
      );
    }
  }
}
