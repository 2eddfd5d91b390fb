import { describe, expect, it } from "vitest";
import type { RunningConsumer } from "@waybill/bus";
import type { Store } from "@waybill/store";
import type { WatchedConsumer } from "../src/metrics/consumers.ts";
import { serviceReadiness } from "../src/readiness.ts";

const store = (ping: () => Promise<void>) => ({ ping }) as unknown as Store;
const healthyStore = store(() => Promise.resolve());
const bus = (connected: boolean, closed = false) => ({
  isConnected: () => connected,
  isClosed: () => closed,
});
const consumer = (stream: string, lastPullAt: Date | null): WatchedConsumer => ({
  stream,
  consumer: "billing",
  running: { progress: () => ({ lastPullAt }) } as unknown as RunningConsumer,
});
const ready = (overrides: Partial<Parameters<typeof serviceReadiness>[0]> = {}) =>
  serviceReadiness({
    store: healthyStore,
    bus: bus(true),
    consumers: () => [consumer("orders", new Date())],
    stopping: () => false,
    ...overrides,
  })();

describe("service readiness", () => {
  it("is ready when the store answers, NATS is connected and every consumer pulled recently", async () => {
    expect(await ready()).toEqual([]);
  });

  it("names the store when it does not answer, and NATS while it is reconnecting or closed", async () => {
    expect(await ready({ store: store(() => Promise.reject(new Error("locked"))) })).toEqual([
      "store",
    ]);
    expect(await ready({ bus: bus(false) })).toEqual(["nats"]);
    expect(await ready({ bus: bus(true, true) })).toEqual(["nats"]);
  });

  it("names a consumer that never pulled or whose last pull is too old", async () => {
    const old = new Date(Date.now() - 120_000);
    const consumers = () => [
      consumer("orders", new Date()),
      consumer("shipments", old),
      consumer("returns", null),
    ];
    expect(await ready({ consumers })).toEqual(["consumer:shipments", "consumer:returns"]);
    expect(await ready({ consumers, staleAfterMs: 300_000 })).toEqual(["consumer:returns"]);
  });

  it("is not ready once shutting down", async () => {
    expect(await ready({ stopping: () => true })).toEqual(["stopping"]);
  });
});
