import { accountsOf, forbidden, type Principal, requireScope } from "@waybill/auth";
import { codedError } from "@waybill/graphql";
import { newEventId } from "@waybill/service";
import type { PageQuery } from "@waybill/store";
import type { WebhookDeliveryRecord, WebhookEndpointRecord } from "../store/records.ts";
import { isWebhookEventType, WEBHOOK_EVENT_TYPES } from "./events.ts";
import type { Outbound } from "./outbound.ts";
import { newSecret } from "./signing.ts";
import { ForbiddenTargetError } from "./ssrf.ts";

const SCOPE = "webhooks:manage";

/** Whether `principal` may manage `endpoint`: staff any; a partner those of its own accounts. */
function mayManage(principal: Principal, endpoint: WebhookEndpointRecord): boolean {
  const accounts = accountsOf(principal);
  if (!accounts) return true;
  return endpoint.accounts.length > 0 && endpoint.accounts.every((a) => accounts.includes(a));
}

/** The endpoint, when the caller may manage it; FORBIDDEN for a partner's unknown or foreign id. */
export async function managedEndpoint(
  outbound: Outbound,
  principal: Principal | undefined,
  id: string,
): Promise<WebhookEndpointRecord> {
  const caller = requireScope(principal, SCOPE);
  const endpoint = await outbound.repo.endpoint(id);
  if (endpoint && mayManage(caller, endpoint)) return endpoint;
  if (!endpoint && !accountsOf(caller)) throw codedError("NOT_FOUND", `no webhook endpoint ${id}`);
  throw forbidden();
}

/** A page of the endpoints the caller may manage. */
export function endpointsPage(
  outbound: Outbound,
  principal: Principal | undefined,
  page: PageQuery,
): Promise<WebhookEndpointRecord[]> {
  const caller = requireScope(principal, SCOPE);
  return outbound.repo.endpointsPage(accountsOf(caller), page);
}

const invalid = (message: string, reason: string) =>
  codedError("BAD_USER_INPUT", message, { reason });

/**
 * Registers an endpoint after checking its URL (scheme, and every address its host resolves to)
 * and what it asks to hear. A partner registers for its own accounts only. Returns the endpoint
 * and its secret, shown this once.
 */
export async function registerEndpoint(
  outbound: Outbound,
  principal: Principal | undefined,
  input: { url: string; eventTypes: readonly string[]; accounts: readonly string[] },
): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
  const caller = requireScope(principal, SCOPE);
  const limit = accountsOf(caller);
  const accounts = [...new Set(input.accounts)];
  if (limit && (accounts.length === 0 || accounts.some((a) => !limit.includes(a))))
    throw forbidden();
  const eventTypes = [...new Set(input.eventTypes)];
  if (eventTypes.length === 0) throw invalid("name at least one event type", "NO_EVENT_TYPES");
  const unknown = eventTypes.filter((type) => !isWebhookEventType(type));
  if (unknown.length > 0)
    throw invalid(
      `unknown event types ${unknown.join(", ")}; known: ${WEBHOOK_EVENT_TYPES.join(", ")}`,
      "UNKNOWN_EVENT_TYPE",
    );
  const url = await outbound.guard.checkUrl(input.url).catch((error: unknown) => {
    if (error instanceof ForbiddenTargetError)
      throw invalid(`webhook URL refused: ${error.message}`, "FORBIDDEN_TARGET");
    throw error;
  });
  const now = new Date();
  const secret = newSecret();
  const endpoint: WebhookEndpointRecord = {
    _id: `ep_${newEventId()}`,
    url: url.toString(),
    eventTypes,
    accounts,
    owner: caller.subject,
    secrets: [{ secret, createdAt: now, expiresAt: null }],
    enabled: true,
    disabledReason: null,
    disabledAt: null,
    failingSince: null,
    nextProbeAt: null,
    createdAt: now,
  };
  await outbound.repo.addEndpoint(endpoint);
  return { endpoint, secret };
}

/**
 * A new secret for an endpoint; the ones signing now keep signing until the overlap ends, so
 * receivers can switch in their own time.
 */
export async function rotateSecret(
  outbound: Outbound,
  principal: Principal | undefined,
  id: string,
): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
  const endpoint = await managedEndpoint(outbound, principal, id);
  const now = new Date();
  const until = new Date(now.getTime() + outbound.config.rotationOverlapMs);
  const secret = newSecret();
  const kept = endpoint.secrets
    .filter((entry) => entry.expiresAt === null || entry.expiresAt > now)
    .map((entry) => ({ ...entry, expiresAt: entry.expiresAt ?? until }));
  const secrets = [{ secret, createdAt: now, expiresAt: null }, ...kept];
  const updated = await outbound.repo.setSecrets(id, secrets);
  if (!updated) throw codedError("NOT_FOUND", `no webhook endpoint ${id}`);
  return { endpoint: updated, secret };
}

/** Disables an endpoint by hand: its deliveries are kept and held until it is enabled. */
export async function disableEndpoint(
  outbound: Outbound,
  principal: Principal | undefined,
  id: string,
) {
  await managedEndpoint(outbound, principal, id);
  await outbound.repo.disable(id, "MANUAL", new Date(), null);
  outbound.delivery.metrics.disabled("MANUAL");
  return managedEndpoint(outbound, principal, id);
}

/** Enables an endpoint: what was held for it is sent, in order. */
export async function enableEndpoint(
  outbound: Outbound,
  principal: Principal | undefined,
  id: string,
) {
  const endpoint = await managedEndpoint(outbound, principal, id);
  if (!endpoint.enabled) await outbound.repo.enable(id, new Date(), null);
  return managedEndpoint(outbound, principal, id);
}

/** Sends one delivery again, from the start of the schedule. */
export async function replayDelivery(
  outbound: Outbound,
  principal: Principal | undefined,
  id: string,
): Promise<WebhookDeliveryRecord> {
  const caller = requireScope(principal, SCOPE);
  const delivery = await outbound.repo.delivery(id);
  if (!delivery)
    throw accountsOf(caller) ? forbidden() : codedError("NOT_FOUND", `no webhook delivery ${id}`);
  const endpoint = await managedEndpoint(outbound, principal, delivery.endpointId);
  const replayed = await outbound.repo.replay(id, new Date(), !endpoint.enabled);
  if (!replayed) throw codedError("NOT_FOUND", `no webhook delivery ${id}`);
  return replayed;
}

/** Sends again every delivery to an endpoint made since `since`; how many. */
export async function replayDeliveriesSince(
  outbound: Outbound,
  principal: Principal | undefined,
  endpointId: string,
  since: Date,
): Promise<number> {
  const endpoint = await managedEndpoint(outbound, principal, endpointId);
  return outbound.repo.replaySince(endpointId, since, new Date(), !endpoint.enabled);
}
