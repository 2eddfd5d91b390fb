import { type Principal, principalOf, type Role } from "@waybill/auth";

/** A principal for tests that call use cases directly; admin by default. */
export function testPrincipal(
  role: Role = "admin",
  links: { customerId?: string; accounts?: string[] } = {},
): Principal {
  return principalOf({ subject: `test:${role}`, role, ...links });
}
