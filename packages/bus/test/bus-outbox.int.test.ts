import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { enqueueEvent, OUTBOX, startOutboxRelay } from "../src/index.ts";
import type { OutboxRelay } from "../src/relay.ts";
import { startTestNats, type TestNats, waitFor } from "@waybill/devtools";
import { runWithContext } from "@waybill/observability";
import { busTestbed, count, type BusTestbed } from "@waybill/devtools";
import { newShipmentConfirmed } from "@waybill/devtools";

describe("bus: transactional outbox and relay", () => {
  let nats: TestNats;
  beforeAll(async () => {
    nats = await startTestNats();
  });
  afterAll(async () => {
    await nats?.stop();
  });

  async function relayFor(bed: BusTestbed): Promise<OutboxRelay> {
    await bed.bus.ensureStream("shipments");
    const relay = startOutboxRelay({ ...bed, pollIntervalMs: 60_000 });
    onTestFinished(() => relay.stop());
    return relay;
  }

  /** Messages on the stream; asked again while the observer reconnects after a broker restart. */
  async function streamMessages(bed: BusTestbed): Promise<number> {
    const info = await waitFor(
      () => bed.raw.manager.streams.info(bed.raw.streamName("shipments")),
      {
        description: "the stream's state",
      },
    );
    return info.state.messages;
  }

  it("publishes an event whose transaction committed, with its correlation id", async () => {
    const bed = await busTestbed(nats);
    const relay = await relayFor(bed);
    const event = await runWithContext({ correlationId: "corr-1" }, () =>
      bed.store.withTransaction(async (session) => {
        await bed.store.collection("shipments").insertOne({ _id: "s-1" }, { session });
        return enqueueEvent(bed.store, session, newShipmentConfirmed("s-1"));
      }),
    );
    relay.notify();
    await relay.flush();
    expect(await count(bed.store, OUTBOX)).toBe(0);
    const stored = await bed.raw.manager.streams.getMessage(bed.raw.streamName("shipments"), {
      last_by_subj: bed.raw.subjectOf(event.type),
    });
    expect(stored?.json()).toMatchObject({ id: event.id, correlationid: "corr-1", subject: "s-1" });
    expect(stored?.header.get("Nats-Msg-Id")).toBe(event.id);
  });

  it("publishes nothing for a transaction that rolled back", async () => {
    const bed = await busTestbed(nats);
    const relay = await relayFor(bed);
    const failing = bed.store.withTransaction(async (session) => {
      await enqueueEvent(bed.store, session, newShipmentConfirmed());
      throw new Error("business rule broken");
    });
    await expect(failing).rejects.toThrow("business rule broken");
    await relay.flush();
    expect(await count(bed.store, OUTBOX)).toBe(0);
    expect(await streamMessages(bed)).toBe(0);
  });

  it("fails the business transaction when the event breaks its contract", async () => {
    const bed = await busTestbed(nats);
    const invalid = { ...newShipmentConfirmed("s-2"), data: { shipmentId: "s-2" } };
    const failing = bed.store.withTransaction(async (session) => {
      await bed.store.collection("shipments").insertOne({ _id: "s-2" }, { session });
      // @ts-expect-error the data is missing required fields on purpose
      await enqueueEvent(bed.store, session, invalid);
    });
    await expect(failing).rejects.toThrow(/invalid shipments.shipment.confirmed data/);
    expect(await count(bed.store, "shipments")).toBe(0);
    expect(await count(bed.store, OUTBOX)).toBe(0);
  });

  it("publishes in order, once, when two relays share the outbox", async () => {
    const bed = await busTestbed(nats);
    const relays = [await relayFor(bed), await relayFor(bed)];
    const ids: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const event = await bed.store.withTransaction((session) =>
        enqueueEvent(bed.store, session, newShipmentConfirmed(`s-${i}`)),
      );
      ids.push(event.id);
      relays[i % 2]?.notify();
    }
    await Promise.all(relays.map((relay) => relay.flush()));
    expect(await streamMessages(bed)).toBe(20);
    const streamName = bed.raw.streamName("shipments");
    const published: string[] = [];
    for (let seq = 1; seq <= 20; seq += 1) {
      const stored = await bed.raw.manager.streams.getMessage(streamName, { seq });
      published.push(stored?.json<{ id: string }>().id ?? "");
    }
    expect(published).toEqual(ids);
  });

  it("keeps events while the broker is down and publishes them after it restarts", async () => {
    const bed = await busTestbed(nats);
    const relay = await relayFor(bed);
    await nats.server.stop();
    for (let i = 0; i < 3; i += 1) {
      await bed.store.withTransaction((session) =>
        enqueueEvent(bed.store, session, newShipmentConfirmed()),
      );
    }
    relay.notify();
    await waitFor(
      () => bed.lines.some((line) => line.msg === "outbox relay could not publish; retrying"),
      { description: "the relay to fail publishing" },
    );
    expect(await count(bed.store, OUTBOX)).toBe(3);
    await nats.server.restart();
    await relay.flush();
    expect(await count(bed.store, OUTBOX)).toBe(0);
    expect(await streamMessages(bed)).toBe(3);
  });
});
