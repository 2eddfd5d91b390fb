import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import {
  EXCEPTIONS,
  INBOX,
  RetryLaterError,
  startConsumer,
  type ConsumerOptions,
  type ExceptionRecord,
  type RunningConsumer,
} from "../src/index.ts";
import { startTestNats, type TestNats, waitFor } from "@waybill/devtools";
import { busTestbed, count, type BusTestbed } from "@waybill/devtools";
import { shipmentConfirmed } from "@waybill/devtools";

type Confirmed = "shipments.shipment.confirmed";

describe("bus: inbox consumers", () => {
  let nats: TestNats;
  beforeAll(async () => {
    nats = await startTestNats();
  });
  afterAll(async () => {
    await nats?.stop();
  });

  /** A consumer whose handler records one `effects` document per applied event. */
  async function consume(
    bed: BusTestbed,
    handle: (calls: number) => void = () => {},
    overrides: Partial<ConsumerOptions<Confirmed>> = {},
  ): Promise<{ consumer: RunningConsumer; calls: () => number }> {
    let calls = 0;
    const consumer = await startConsumer<Confirmed>({
      ...bed,
      stream: "shipments",
      durable: "billing",
      filterSubjects: ["shipments.shipment.confirmed"],
      backoffMs: [50],
      ackWaitMs: 5_000,
      expiresMs: 2_000,
      async handle(event, { session }) {
        calls += 1;
        handle(calls);
        await bed.store.collection("effects").insertOne({ _id: event.id }, { session });
      },
      ...overrides,
    });
    onTestFinished(() => consumer.stop());
    return { consumer, calls: () => calls };
  }

  async function idle(consumer: RunningConsumer, delivered: number): Promise<void> {
    await waitFor(
      async () => {
        const info = await consumer.info();
        const settled =
          info.delivered.stream_seq >= delivered &&
          info.num_pending === 0 &&
          info.num_ack_pending === 0;
        if (!settled) throw new Error(`not settled: ${JSON.stringify(info)}`);
        return true;
      },
      { description: `consumer to settle after stream seq ${delivered}` },
    );
  }

  it("applies a published event once and records it in the inbox", async () => {
    const bed = await busTestbed(nats);
    const { consumer, calls } = await consume(bed);
    const event = shipmentConfirmed();
    await bed.bus.publish(event);
    await idle(consumer, 1);
    expect(calls()).toBe(1);
    expect(await bed.store.collection(INBOX).findOne({ _id: `billing:${event.id}` })).toMatchObject(
      {
        consumer: "billing",
        eventId: event.id,
        type: event.type,
      },
    );
  });

  it("redelivers an event whose handler failed, and applies it once", async () => {
    const bed = await busTestbed(nats);
    const { consumer, calls } = await consume(bed, (call) => {
      if (call === 1) throw new Error("database hiccup");
    });
    await bed.bus.publish(shipmentConfirmed());
    await idle(consumer, 1);
    expect(calls()).toBe(2);
    expect(await count(bed.store, "effects")).toBe(1);
    expect((await consumer.info()).num_redelivered).toBe(0);
  });

  it("retries an event whose reference is not known yet until it is", async () => {
    const bed = await busTestbed(nats);
    const { consumer, calls } = await consume(bed, (call) => {
      if (call < 3) throw new RetryLaterError("order order-1 not known yet");
    });
    await bed.bus.publish(shipmentConfirmed());
    await idle(consumer, 1);
    expect(calls()).toBe(3);
    expect(await count(bed.store, "effects")).toBe(1);
  });

  it("skips an event it already applied when the broker delivers it again", async () => {
    const bed = await busTestbed(nats);
    const { consumer, calls } = await consume(bed);
    const event = shipmentConfirmed();
    await bed.bus.publish(event);
    // The same event under another msg id gets past the broker's duplicate window.
    const subject = bed.bus.names.subjectOf(event.type);
    await bed.bus.jetstream.publish(subject, JSON.stringify(event), { msgID: "another-id" });
    await idle(consumer, 2);
    expect(calls()).toBe(1);
    expect(consumer.progress()).toMatchObject({ handled: 1, duplicate: 1 });
    expect(await count(bed.store, "effects")).toBe(1);
  });

  it("skips events applied before the broker lost the consumer's acks", async () => {
    const bed = await busTestbed(nats);
    const first = await consume(bed);
    await bed.bus.publish(shipmentConfirmed());
    await idle(first.consumer, 1);
    await first.consumer.stop();
    // As after a broker crash: the consumer state is gone, the stream is delivered again.
    await bed.bus.manager.consumers.delete(bed.bus.names.streamName("shipments"), "billing");
    const second = await consume(bed);
    await idle(second.consumer, 1);
    expect(second.calls()).toBe(0);
    expect(second.consumer.progress().duplicate).toBe(1);
    expect(await count(bed.store, "effects")).toBe(1);
  });

  it("parks an event that keeps failing after max deliveries, and stops redelivering it", async () => {
    const bed = await busTestbed(nats);
    const { consumer, calls } = await consume(
      bed,
      () => {
        throw new Error("invoice series missing");
      },
      { maxDeliver: 3 },
    );
    const event = shipmentConfirmed();
    await bed.bus.publish(event);
    const parked = await waitFor(
      () => bed.store.collection<ExceptionRecord>(EXCEPTIONS).findOne({ eventId: event.id }),
      { description: "the exception record" },
    );
    await idle(consumer, 1);
    expect(parked).toMatchObject({
      consumer: "billing",
      category: "max_deliveries",
      error: "Error: invoice series missing",
      type: event.type,
      attempts: 3,
      status: "open",
    });
    expect(JSON.parse(parked.event)).toEqual(event);
    expect(calls()).toBe(3);
    expect(await count(bed.store, "effects")).toBe(0);
  });

  it("parks an invalid event as a validation exception and goes on with the next", async () => {
    const bed = await busTestbed(nats);
    const { consumer, calls } = await consume(bed);
    await bed.bus.ensureStream("shipments");
    const subject = bed.bus.names.subjectOf("shipments.shipment.confirmed");
    const broken = { ...shipmentConfirmed(), data: { shipmentId: "s-1" } };
    await bed.bus.jetstream.publish(subject, JSON.stringify(broken));
    await bed.bus.jetstream.publish(subject, "not json");
    await bed.bus.publish(shipmentConfirmed());
    await idle(consumer, 3);
    const parked = await bed.store
      .collection<ExceptionRecord>(EXCEPTIONS)
      .find({}, { sort: { streamSeq: 1 } });
    expect(parked.map((record) => [record.category, record.streamSeq])).toEqual([
      ["validation", 1],
      ["validation", 2],
    ]);
    expect(parked[0]?.error).toMatch(/invalid shipments.shipment.confirmed data/);
    expect(parked[1]?.event).toBe("not json");
    expect(calls()).toBe(1);
  });
});
