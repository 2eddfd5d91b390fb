// The callers the authorization suites act as, for the gateway (JWTs) and for direct subgraph calls
// (principals signed as the gateway would sign them).
import { type Principal, principalOf, type Role } from "@waybill/auth";
import type { TestIdentities } from "../identities.ts";
import type { World } from "./world.ts";

export const ACTORS = [
  "customer",
  "partner",
  "carrier",
  "warehouse",
  "agent",
  "finance",
  "admin",
] as const satisfies readonly Role[];
export type Actor = (typeof ACTORS)[number];

/** Customers and partners see only their accounts' data: here, customer A's. */
export const isLimited = (actor: Actor) => actor === "customer" || actor === "partner";

const links = (actor: Actor, world: World) =>
  actor === "customer"
    ? { customerId: world.a.customerId }
    : actor === "partner"
      ? { accounts: [world.a.customerId] }
      : {};

/** The principal of an actor, as the gateway would forward it. */
export function principalFor(actor: Actor, world: World): Principal {
  return principalOf({ subject: `matrix:${actor}`, role: actor, ...links(actor, world) });
}

/** A bearer token for an actor from the identity provider the gateway trusts. */
export async function tokenFor(
  identities: TestIdentities,
  actor: Actor,
  world: World,
): Promise<string> {
  return identities.token(actor, { subject: `matrix-${actor}`, ...links(actor, world) });
}
