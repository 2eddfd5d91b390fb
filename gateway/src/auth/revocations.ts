import { EventEmitter } from "node:events";
import type { Redis } from "ioredis";
import type { Logger } from "@waybill/observability";
import type { ApiKeyStore } from "./api-keys.ts";

/** The Redis channel every gateway hears revocations on. */
export const REVOCATIONS_CHANNEL = "waybill:api-keys:revoked";

/**
 * Tells every gateway that a credential was revoked, so that each checks its open subscriptions
 * again at once rather than at its next periodic check. Requests need no telling: each one
 * authenticates against the key store. Without Redis, only this gateway hears.
 */
export interface Revocations {
  announce(keyId: string): Promise<void>;
  /** Calls `listener` on every revocation, here or at another gateway; returns the unsubscribe. */
  onRevoked(listener: (keyId: string) => void): () => void;
  close(): Promise<void>;
}

export async function revocations(redis: Redis | undefined, logger: Logger): Promise<Revocations> {
  const heard = new EventEmitter().setMaxListeners(0);
  const hear = (keyId: string) => heard.emit("revoked", keyId);
  const subscriber = redis?.duplicate({ enableOfflineQueue: true });
  if (subscriber) {
    subscriber.on("message", (channel: string, keyId: string) => {
      if (channel === REVOCATIONS_CHANNEL) hear(keyId);
    });
    subscriber.on("error", () => undefined);
    await subscriber.subscribe(REVOCATIONS_CHANNEL);
  }
  return {
    async announce(keyId) {
      if (!redis) return void hear(keyId);
      // Published for every gateway, this one included; were Redis away, this gateway at least
      // hears it now, and the others at their next periodic check.
      await redis.publish(REVOCATIONS_CHANNEL, keyId).catch((error: unknown) => {
        logger.warn({ err: error, keyId }, "revocation not announced to the other gateways");
        hear(keyId);
      });
    },
    onRevoked(listener) {
      heard.on("revoked", listener);
      return () => heard.off("revoked", listener);
    },
    async close() {
      heard.removeAllListeners();
      if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}

/** The key store, announcing each revocation it makes. */
export function announcingRevocations(keys: ApiKeyStore, announced: Revocations): ApiKeyStore {
  return {
    ...keys,
    async revoke(id) {
      const record = await keys.revoke(id);
      if (record?.revokedAt) await announced.announce(id);
      return record;
    },
  };
}
