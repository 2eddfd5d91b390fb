import { requireScope, type Principal } from "@waybill/auth";
import { codedError } from "@waybill/graphql";
import type { ConnectorDeliveryRecord } from "../store/records.ts";
import type { Connectors } from "./connectors.ts";
import type { ConnectorRun } from "./deliver.ts";

/** Finance and admin act on connectors: the roles that may change invoices. */
const requireFinance = (principal: Principal | undefined) =>
  requireScope(principal, "invoices:write");

/** How a connector stands now: sending, waiting out a 429, paused by its breaker, or probing. */
export function healthOf(run: ConnectorRun, now: number): string {
  const breaker = run.breaker.state(now);
  if (breaker === "open") return "DOWN";
  if (breaker === "half_open") return "PROBING";
  return now < run.pausedUntil ? "RATE_LIMITED" : "UP";
}

/** The connectors switched on, for finance and admin. */
export function listConnectors(connectors: Connectors, principal: Principal | undefined) {
  requireFinance(principal);
  return connectors.runs;
}

/** Sends one document again from the start of its schedule; a delivered one is left as it is. */
export async function retryDelivery(
  connectors: Connectors,
  principal: Principal | undefined,
  id: string,
): Promise<ConnectorDeliveryRecord> {
  requireFinance(principal);
  const found = await connectors.repo.delivery(id);
  if (!found) throw codedError("NOT_FOUND", `no connector delivery ${id}`);
  if (found.state === "delivered") return found;
  return (await connectors.repo.retry(id, new Date())) ?? found;
}

/**
 * Sends one document again, delivered or not: the connector looks it up by our reference first,
 * so one still in the system is found rather than doubled, and one deleted there is made again.
 */
export async function replayDelivery(
  connectors: Connectors,
  principal: Principal | undefined,
  id: string,
): Promise<ConnectorDeliveryRecord> {
  requireFinance(principal);
  if (!(await connectors.repo.delivery(id)))
    throw codedError("NOT_FOUND", `no connector delivery ${id}`);
  await connectors.repo.replay({ id }, new Date());
  const replayed = await connectors.repo.delivery(id);
  if (!replayed) throw codedError("NOT_FOUND", `no connector delivery ${id}`);
  return replayed;
}

/** Sends again every document a connector recorded since a time; returns how many. */
export async function replayDeliveries(
  connectors: Connectors,
  principal: Principal | undefined,
  connector: string,
  since: Date,
): Promise<number> {
  requireFinance(principal);
  if (!connectors.runs.some((run) => run.connector.name === connector))
    throw codedError("NOT_FOUND", `connector ${connector} is not switched on`);
  if (since.getTime() > Date.now())
    throw codedError("BAD_USER_INPUT", "since must not be in the future");
  return connectors.repo.replay({ connector, since }, new Date());
}
