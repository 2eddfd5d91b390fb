import { requireScope, type Principal, type Scope } from "@waybill/auth";

/** The principal, when it holds one of `scopes` (UNAUTHENTICATED without one, else FORBIDDEN). */
const requireOneOf = (
  principal: Principal | undefined,
  scopes: readonly [Scope, ...Scope[]],
): Principal =>
  requireScope(principal, scopes.find((scope) => principal?.scopes.includes(scope)) ?? scopes[0]);

/** Carriers (and the warehouse) report charges as they report milestones; finance records them too. */
export const mayRecordCharge = (principal: Principal | undefined): Principal =>
  requireOneOf(principal, ["milestones:write", "invoices:write"]);

/**
 * The warehouse voids the labels it printed, as it confirms shipments; customer service too, for a
 * customer who changed their mind before pickup.
 */
export const mayVoid = (principal: Principal | undefined): Principal =>
  requireOneOf(principal, ["shipments:write", "cases:write"]);
