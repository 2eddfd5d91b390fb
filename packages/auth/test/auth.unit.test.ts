import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  decodePrincipal,
  encodePrincipal,
  listScope,
  principalOf,
  readable,
  requireScope,
  requireStaff,
  signRequest,
  verifyRequest,
  visibleOnly,
  INTERNAL_HEADERS,
} from "../src/index.ts";
import { ROLE_SCOPES } from "../src/principal.ts";
import { SIGNATURE_MAX_AGE_MS } from "../src/signature.ts";
import { errorCode } from "@waybill/graphql";

const key = randomBytes(32);
const parts = { method: "POST", path: "/graphql", body: '{"query":"{ a }"}', principal: "p" };
const stamped = (headers: Record<string, string>) => ({
  timestamp: headers[INTERNAL_HEADERS.timestamp],
  signature: headers[INTERNAL_HEADERS.signature],
});

describe("gateway request signatures", () => {
  it("verify for the same method, path, body and principal within the window", () => {
    const now = Date.now();
    expect(verifyRequest(key, parts, stamped(signRequest(key, parts, now)), now + 1_000)).toEqual({
      valid: true,
    });
  });

  it("fail when anything covered changes, with another key, or once expired", () => {
    const now = Date.now();
    const headers = stamped(signRequest(key, parts, now));
    for (const changed of [
      { ...parts, method: "GET" },
      { ...parts, path: "/graphql?x=1" },
      { ...parts, body: '{"query":"{ b }"}' },
      { ...parts, principal: "someone-else" },
    ])
      expect(verifyRequest(key, changed, headers, now)).toEqual({
        valid: false,
        reason: "mismatch",
      });
    expect(verifyRequest(randomBytes(32), parts, headers, now).valid).toBe(false);
    expect(verifyRequest(key, parts, headers, now + SIGNATURE_MAX_AGE_MS + 1)).toEqual({
      valid: false,
      reason: "expired",
    });
    expect(verifyRequest(key, parts, headers, now - 60_000)).toEqual({
      valid: false,
      reason: "expired",
    });
    expect(verifyRequest(key, parts, { timestamp: undefined, signature: undefined }, now)).toEqual({
      valid: false,
      reason: "missing",
    });
    expect(verifyRequest(key, parts, { ...headers, signature: "v1=zz" }, now).valid).toBe(false);
  });
});

describe("principals", () => {
  it("round-trip through the header and refuse anything malformed", () => {
    const customer = principalOf({ subject: "u1", role: "customer", customerId: "cus_1" });
    expect(decodePrincipal(encodePrincipal(customer))).toEqual(customer);
    expect(decodePrincipal("not base64 json")).toBeUndefined();
    const forged = Buffer.from(
      JSON.stringify({ subject: "x", role: "customer", scopes: ["operations"], customerId: "c" }),
    ).toString("base64url");
    expect(decodePrincipal(forged)).toBeUndefined();
  });

  it("narrow a role's scopes but never widen them; customers and partners need their links", () => {
    expect(
      principalOf({ subject: "w", role: "warehouse", scopes: ["shipments:write"] }).scopes,
    ).toEqual(["shipments:write"]);
    expect(() => principalOf({ subject: "c", role: "carrier", scopes: ["invoices:read"] })).toThrow(
      /cannot hold invoices:read/,
    );
    expect(() => principalOf({ subject: "c", role: "customer" })).toThrow(/customerId/);
    expect(() => principalOf({ subject: "p", role: "partner" })).toThrow(/linked accounts/);
    expect(principalOf({ subject: "a", role: "admin" }).scopes).toEqual(ROLE_SCOPES.admin);
  });
});

describe("authorisation helpers", () => {
  const customer = principalOf({ subject: "u", role: "customer", customerId: "cus_1" });
  const partner = principalOf({ subject: "p", role: "partner", accounts: ["cus_1", "cus_2"] });
  const agent = principalOf({ subject: "a", role: "agent" });
  const code = (run: () => unknown) => {
    try {
      run();
      return "none";
    } catch (error) {
      return errorCode(error);
    }
  };
  const own = { owner: "cus_1" };
  const other = { owner: "cus_9" };
  const ownerOf = (record: { owner: string }) => record.owner;

  it("refuse a missing principal as UNAUTHENTICATED and a missing scope as FORBIDDEN", () => {
    expect(code(() => requireScope(undefined, "orders:read"))).toBe("UNAUTHENTICATED");
    expect(code(() => requireScope(customer, "cases:read"))).toBe("FORBIDDEN");
    expect(code(() => requireStaff(customer, "orders:read"))).toBe("FORBIDDEN");
    expect(code(() => requireStaff(agent, "orders:read"))).toBe("none");
  });

  it("answer someone else's record and a missing one alike for limited principals", () => {
    expect(readable(customer, "orders:read", own, ownerOf)).toBe(own);
    expect(code(() => readable(customer, "orders:read", other, ownerOf))).toBe("FORBIDDEN");
    expect(code(() => readable(customer, "orders:read", null, ownerOf))).toBe("FORBIDDEN");
    expect(readable(agent, "orders:read", null, ownerOf)).toBeNull();
    expect(readable(agent, "orders:read", other, ownerOf)).toBe(other);
  });

  it("limit lists to the principal's accounts", () => {
    expect(listScope(customer, "orders:read")).toEqual(["cus_1"]);
    expect(listScope(partner, "orders:read")).toEqual(["cus_1", "cus_2"]);
    expect(listScope(agent, "orders:read")).toBeUndefined();
    expect(code(() => listScope(customer, "orders:read", "cus_9"))).toBe("FORBIDDEN");
    expect(visibleOnly(partner, "orders:read", [own, other], ownerOf)).toEqual([own]);
  });
});
