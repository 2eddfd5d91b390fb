import { codedError } from "@waybill/graphql";
import type { Principal, Scope } from "./principal.ts";

const DENIED = "not permitted";

/** The one FORBIDDEN error: the same words whether the object is someone else's or does not exist. */
export function forbidden() {
  return codedError("FORBIDDEN", DENIED);
}

/** The principal, when it holds `scope`; UNAUTHENTICATED without one, FORBIDDEN without the scope. */
export function requireScope(principal: Principal | undefined, scope: Scope): Principal {
  if (!principal) throw codedError("UNAUTHENTICATED", "authentication required");
  if (!principal.scopes.includes(scope)) throw forbidden();
  return principal;
}

/**
 * The customer accounts a principal is limited to: its own for a customer, the linked ones for a
 * partner, and undefined (no limit) for staff roles.
 */
export function accountsOf(principal: Principal): readonly string[] | undefined {
  if (principal.role === "customer") return principal.customerId ? [principal.customerId] : [];
  if (principal.role === "partner") return principal.accounts ?? [];
  return undefined;
}

/** Whether the principal may see data of `customerId` (unknown owners are visible to staff only). */
export function canSeeCustomer(principal: Principal, customerId: string | null | undefined) {
  const accounts = accountsOf(principal);
  return !accounts || (customerId != null && accounts.includes(customerId));
}

/**
 * A by-id read under `scope`: the record when the principal may see it. A limited principal gets
 * FORBIDDEN both for someone else's record and for a missing one, so ids reveal nothing; staff
 * get null for a missing one.
 */
export function readable<T>(
  principal: Principal | undefined,
  scope: Scope,
  record: T | null | undefined,
  ownerOf: (record: T) => string | null | undefined,
): T | null {
  const caller = requireScope(principal, scope);
  if (record == null) {
    if (accountsOf(caller)) throw forbidden();
    return null;
  }
  if (!canSeeCustomer(caller, ownerOf(record))) throw forbidden();
  return record;
}

/**
 * The accounts a list under `scope` is limited to: undefined for staff, the principal's accounts
 * otherwise; a `requested` account the principal may not see is FORBIDDEN.
 */
export function listScope(
  principal: Principal | undefined,
  scope: Scope,
  requested?: string | null,
): readonly string[] | undefined {
  const caller = requireScope(principal, scope);
  const accounts = accountsOf(caller);
  if (requested != null) {
    if (accounts && !accounts.includes(requested)) throw forbidden();
    return [requested];
  }
  return accounts;
}

/** Like `requireScope`, for data of no single customer (queues, stock): limited principals are refused. */
export function requireStaff(principal: Principal | undefined, scope: Scope): Principal {
  const caller = requireScope(principal, scope);
  if (accountsOf(caller)) throw forbidden();
  return caller;
}

/** The records of a list the principal may see under `scope`; others are left out, not refused. */
export function visibleOnly<T>(
  principal: Principal | undefined,
  scope: Scope,
  records: readonly T[],
  ownerOf: (record: T) => string | null | undefined,
): T[] {
  const caller = requireScope(principal, scope);
  return records.filter((record) => canSeeCustomer(caller, ownerOf(record)));
}
