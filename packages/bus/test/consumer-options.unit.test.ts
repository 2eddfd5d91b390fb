import { describe, expect, it } from "vitest";
import { createLogger } from "@waybill/observability";
import type { Store } from "@waybill/store";
import { startConsumer, type Bus } from "../src/index.ts";
import type { ConsumerOptions } from "../src/consumer-types.ts";

const valid: ConsumerOptions<null> = {
  // Never reached: the options are refused before the consumer touches the broker or the store.
  bus: {} as Bus,
  store: {} as Store,
  logger: createLogger("test", "silent"),
  stream: "shipments",
  durable: "billing",
  handlers: { "shipments.shipment.confirmed": () => Promise.resolve() },
  work: () => null,
  delivery: { maxDeliver: 10, backoffMs: [1_000], ackWaitMs: 30_000 },
  pull: { batchSize: 50, expiresMs: 2_000, watchdogMs: 30_000 },
};

describe("bus: consumer options", () => {
  it.each([
    ["no redelivery schedule", { delivery: { ...valid.delivery, backoffMs: [] } }, /backoffMs/],
    ["no delivery at all", { delivery: { ...valid.delivery, maxDeliver: 0 } }, /maxDeliver/],
    ["an ack wait under a second", { delivery: { ...valid.delivery, ackWaitMs: 10 } }, /ackWaitMs/],
    ["an empty pull", { pull: { ...valid.pull, batchSize: 0 } }, /batchSize/],
  ])("refuses %s, naming the option", async (_, override, message) => {
    await expect(startConsumer({ ...valid, ...override })).rejects.toThrow(message);
  });

  it("refuses to start without a handler", async () => {
    await expect(startConsumer({ ...valid, handlers: {} })).rejects.toThrow(
      /known event types of shipments/,
    );
  });
});
