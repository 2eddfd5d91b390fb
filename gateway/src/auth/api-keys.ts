import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { type Principal, principalOf, type Role, type Scope } from "@waybill/auth";
import type { ListOrder } from "@waybill/graphql";
import { findPage, type PageQuery, type Store } from "@waybill/store";
import { AuthError } from "./errors.ts";

/** An API key as stored: only the SHA-256 of its secret is kept. */
export type ApiKeyRecord = {
  _id: string;
  name: string;
  hash: string;
  role: Role;
  scopes: Scope[];
  customerId: string | null;
  accounts: string[];
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
};

const PREFIX = "wb";
const KEY_PATTERN = /^wb_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

const digest = (secret: string) => createHash("sha256").update(secret, "utf8").digest();

/** Whether a bearer credential looks like one of our API keys rather than a JWT. */
export function isApiKey(credential: string): boolean {
  return credential.startsWith(`${PREFIX}_`);
}

export type NewApiKey = {
  name: string;
  role: Role;
  scopes?: readonly Scope[] | undefined;
  customerId?: string | undefined;
  accounts?: readonly string[] | undefined;
  createdBy: string;
};

/** API keys, newest first, ties by id. */
export const API_KEYS_NEWEST_FIRST = [
  { field: "createdAt", direction: -1, kind: "date" },
  { field: "_id", direction: -1, kind: "string" },
] as const satisfies ListOrder;

/**
 * API keys for machine clients (warehouses, carriers, partners): created with a role, narrowed
 * scopes and linked accounts, shown once, stored hashed, revocable at once.
 */
export function apiKeyStore(store: Store) {
  const keys = store.collection<ApiKeyRecord>("api_keys");
  return {
    /** Creates a key; the returned `secret` is the only copy of it. */
    async create(input: NewApiKey): Promise<{ record: ApiKeyRecord; secret: string }> {
      // Validates role, scopes and links exactly as a request's principal is validated.
      const principal = principalOf({ subject: "apikey:new", ...input });
      const id = randomBytes(8).toString("hex");
      const token = randomBytes(32).toString("base64url");
      const record: ApiKeyRecord = {
        _id: id,
        name: input.name,
        hash: digest(token).toString("hex"),
        role: principal.role,
        scopes: [...principal.scopes],
        customerId: principal.customerId ?? null,
        accounts: [...(principal.accounts ?? [])],
        createdAt: new Date(),
        createdBy: input.createdBy,
        revokedAt: null,
      };
      await keys.insertOne(record);
      return { record, secret: `${PREFIX}_${id}_${token}` };
    },
    async revoke(id: string): Promise<ApiKeyRecord | null> {
      await keys.updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: new Date() } });
      return keys.findOne({ _id: id });
    },
    /** A page of keys, newest first (see `findPage`). */
    page: (page: PageQuery) => findPage(keys, {}, API_KEYS_NEWEST_FIRST, page),
    /** The principal of a presented key; unknown, revoked and wrong keys fail alike. */
    async authenticate(credential: string): Promise<Principal> {
      const match = KEY_PATTERN.exec(credential);
      const record = match ? await keys.findOne({ _id: match[1] }) : null;
      const presented = digest(match?.[2] ?? "");
      const stored = record ? Buffer.from(record.hash, "hex") : digest("");
      if (!match || !record || !timingSafeEqual(presented, stored) || record.revokedAt)
        throw new AuthError("the API key is not valid");
      return principalOf({
        subject: `apikey:${record._id}`,
        role: record.role,
        scopes: record.scopes,
        customerId: record.customerId ?? undefined,
        accounts: record.accounts,
      });
    },
  };
}

export type ApiKeyStore = ReturnType<typeof apiKeyStore>;
