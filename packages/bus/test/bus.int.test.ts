import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  busTestbed,
  shipmentConfirmed,
  startTestNats,
  waitFor,
  type TestNats,
} from "@waybill/devtools";

describe("bus: streams and publishing", () => {
  let nats: TestNats;
  beforeAll(async () => {
    nats = await startTestNats();
  });
  afterAll(async () => {
    await nats?.stop();
  });

  it("creates the stream once and finds it again at the next start", async () => {
    const { bus, raw } = await busTestbed(nats);
    await bus.ensureStream("shipments");
    const first = await raw.manager.streams.info(raw.streamName("shipments"));
    await bus.ensureStream("shipments");
    const again = await raw.manager.streams.info(raw.streamName("shipments"));
    expect(first.config.name).toBe(raw.streamName("shipments"));
    expect(again.config.subjects).toEqual([`${raw.subjectOf("shipments")}.>`]);
    expect(again.created).toBe(first.created);
  });

  it("stores an event once when it is published twice with the same id", async () => {
    const { bus, raw } = await busTestbed(nats);
    await bus.ensureStream("shipments");
    const event = shipmentConfirmed();
    const first = await bus.publish(event);
    const second = await bus.publish(event);
    expect(first.duplicate).toBe(false);
    expect(second).toEqual({ seq: first.seq, duplicate: true });
    const info = await raw.manager.streams.info(raw.streamName("shipments"));
    expect(info.state.messages).toBe(1);
  });

  it("sends the correlation id and event id as headers", async () => {
    const { bus, raw } = await busTestbed(nats);
    await bus.ensureStream("shipments");
    const event = shipmentConfirmed();
    const { seq } = await bus.publish(event);
    const stored = await raw.manager.streams.getMessage(raw.streamName("shipments"), { seq });
    expect(stored?.subject).toBe(raw.subjectOf(event.type));
    expect(stored?.header.get("x-correlation-id")).toBe(event.correlationid);
    expect(stored?.header.get("Nats-Msg-Id")).toBe(event.id);
    expect(stored?.json()).toEqual(event);
  });

  it("refuses to publish an invalid event", async () => {
    const { bus } = await busTestbed(nats);
    await bus.ensureStream("shipments");
    const event = { ...shipmentConfirmed(), data: { shipmentId: "s-1" } };
    await expect(bus.publish(event)).rejects.toThrow(/invalid shipments.shipment.confirmed data/);
  });

  it("keeps stream data across a broker crash and restart", async () => {
    const { bus, raw } = await busTestbed(nats);
    await bus.ensureStream("shipments");
    const event = shipmentConfirmed();
    await bus.publish(event);
    await nats.server.kill();
    await nats.server.restart();
    const again = await waitFor(() => bus.publish(event), {
      description: "publish after restart",
    });
    expect(again.duplicate).toBe(true);
    const info = await waitFor(() => raw.manager.streams.info(raw.streamName("shipments")), {
      description: "the stream's state after restart",
    });
    expect(info.state.messages).toBe(1);
  });
});
