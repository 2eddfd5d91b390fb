import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectBus, type Bus } from "../src/index.ts";
import { startTestNats, type TestNats, uniqueName, waitFor } from "@waybill/devtools";
import { createLogger } from "@waybill/observability";
import { shipmentConfirmed } from "@waybill/devtools";

const logger = createLogger("bus-test", "silent");

describe("bus: streams and publishing", () => {
  let nats: TestNats;
  beforeAll(async () => {
    nats = await startTestNats();
  });
  afterAll(async () => {
    await nats?.stop();
  });

  async function withBus<R>(fn: (bus: Bus) => Promise<R>): Promise<R> {
    const bus = await connectBus({
      servers: nats.url,
      name: "test",
      logger,
      namespace: uniqueName(),
    });
    try {
      return await fn(bus);
    } finally {
      await bus.close();
    }
  }

  it("creates the stream once and finds it again at the next start", () =>
    withBus(async (bus) => {
      const first = await bus.ensureStream("shipments");
      const again = await bus.ensureStream("shipments");
      expect(first.config.name).toBe(bus.names.streamName("shipments"));
      expect(again.config.subjects).toEqual([bus.names.streamSubject("shipments")]);
      expect(again.created).toBe(first.created);
    }));

  it("stores an event once when it is published twice with the same id", () =>
    withBus(async (bus) => {
      await bus.ensureStream("shipments");
      const event = shipmentConfirmed();
      const first = await bus.publish(event);
      const second = await bus.publish(event);
      expect(first.duplicate).toBe(false);
      expect(second).toEqual({ seq: first.seq, duplicate: true });
      const info = await bus.manager.streams.info(bus.names.streamName("shipments"));
      expect(info.state.messages).toBe(1);
    }));

  it("sends the correlation id and event id as headers", () =>
    withBus(async (bus) => {
      await bus.ensureStream("shipments");
      const event = shipmentConfirmed();
      const { seq } = await bus.publish(event);
      const stored = await bus.manager.streams.getMessage(bus.names.streamName("shipments"), {
        seq,
      });
      expect(stored?.subject).toBe(bus.names.subjectOf(event.type));
      expect(stored?.header.get("x-correlation-id")).toBe(event.correlationid);
      expect(stored?.header.get("Nats-Msg-Id")).toBe(event.id);
      expect(stored?.json()).toEqual(event);
    }));

  it("refuses to publish an invalid event", () =>
    withBus(async (bus) => {
      await bus.ensureStream("shipments");
      const event = { ...shipmentConfirmed(), data: { shipmentId: "s-1" } };
      await expect(bus.publish(event)).rejects.toThrow(/invalid shipments.shipment.confirmed data/);
    }));

  it("keeps stream data across a broker crash and restart", () =>
    withBus(async (bus) => {
      await bus.ensureStream("shipments");
      const event = shipmentConfirmed();
      await bus.publish(event);
      await nats.server.kill();
      await nats.server.restart();
      const again = await waitFor(() => bus.publish(event), {
        description: "publish after restart",
      });
      expect(again.duplicate).toBe(true);
      const info = await bus.manager.streams.info(bus.names.streamName("shipments"));
      expect(info.state.messages).toBe(1);
    }));
});
