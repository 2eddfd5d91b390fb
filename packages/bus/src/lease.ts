import { Kvm, type KV } from "@nats-io/kv";
import { internalsOf, type Bus } from "./bus.ts";

/**
 * Who runs a job among a service's instances. A lease is a key of a NATS KV bucket holding its
 * holder; it is taken with a create that fails when the key exists, and renewed with an update
 * that fails unless the key is still at the revision this instance wrote, so two instances never
 * both hold it. A holder that stops renewing (killed) loses it once `ttlMs` has passed since its
 * last renewal, as the server timed it; one that stops gracefully gives it up at once.
 */
export interface Leases {
  /** Whether this instance holds the lease `name` now, taking or renewing it for `ttlMs`. */
  hold(name: string, ttlMs: number): Promise<boolean>;
  /** Gives up every lease this instance holds, so another instance takes over at once. */
  releaseAll(): Promise<void>;
}

type Held = { revision: number; renewedAt: number };

const KEY = /^[-\w.=/]+$/;

/** The leases of `scope` (a service) for the instance `holder`, in the bus's namespace. */
export async function leases(bus: Bus, scope: string, holder: string): Promise<Leases> {
  const { jetstream, manager, names, streamReplicas } = internalsOf(bus);
  const bucket = names.namespace === undefined ? "leases" : `${names.namespace}_leases`;
  const kv: KV = await new Kvm(jetstream).create(bucket, { history: 1, replicas: streamReplicas });
  // The client leaves an existing bucket as it is: a cluster grown from one server moves it here.
  const { streamInfo } = await kv.status();
  if (streamInfo.config.num_replicas !== streamReplicas)
    await manager.streams.update(streamInfo.config.name, {
      ...streamInfo.config,
      num_replicas: streamReplicas,
    });
  const held = new Map<string, Held>();
  const value = JSON.stringify({ holder });

  /** Writes this instance as the holder: a create, or an update of `revision`; fails on a race. */
  async function write(key: string, revision?: number): Promise<true> {
    const next =
      revision === undefined ? await kv.create(key, value) : await kv.update(key, value, revision);
    held.set(key, { revision: next, renewedAt: Date.now() });
    return true;
  }

  /** Takes a lease no one holds, or whose holder let it run out. */
  async function take(key: string, ttlMs: number): Promise<boolean> {
    const entry = await kv.get(key);
    if (entry?.operation !== "PUT") return write(key);
    const current = entry.json<{ holder?: string }>().holder;
    const expired = Date.now() - entry.created.getTime() >= ttlMs;
    if (current !== holder && !expired) return false;
    return write(key, entry.revision);
  }

  return {
    async hold(name, ttlMs) {
      const key = `${scope}.${name}`;
      if (!KEY.test(key)) throw new Error(`"${name}" cannot name a lease`);
      const mine = held.get(key);
      // Renewed often enough that it never runs out while this instance is alive.
      if (mine && Date.now() - mine.renewedAt < ttlMs / 3) return true;
      try {
        return mine ? await write(key, mine.revision) : await take(key, ttlMs);
      } catch {
        // Another instance took it (the create or update lost the race), or the broker is away:
        // either way this instance does not hold it, and asks again next time.
        held.delete(key);
        return false;
      }
    },
    async releaseAll() {
      const mine = [...held.entries()];
      held.clear();
      await Promise.all(
        mine.map(([key, { revision }]) =>
          kv.delete(key, { previousSeq: revision }).catch(() => undefined),
        ),
      );
    },
  };
}
