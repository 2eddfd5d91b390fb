import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import {
  busTestbed,
  count,
  shipmentConfirmed,
  startTestNats,
  waitFor,
  type BusTestbed,
  type TestNats,
} from "@waybill/devtools";
import type { Session } from "@waybill/store";
import {
  EXCEPTIONS,
  RetryLaterError,
  startConsumer,
  type DeliveryPolicy,
  type ExceptionRecord,
  type RunningConsumer,
} from "../src/index.ts";
import { INBOX } from "../src/inbox.ts";

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
    delivery: Partial<DeliveryPolicy> = {},
  ): Promise<{ consumer: RunningConsumer; calls: () => number }> {
    let calls = 0;
    const consumer = await startConsumer({
      ...bed,
      stream: "shipments",
      durable: "billing",
      work: (session: Session) => session,
      delivery: { ...bed.delivery, ...delivery },
      handlers: {
        async "shipments.shipment.confirmed"(event, session) {
          calls += 1;
          handle(calls);
          await bed.store.collection("effects").insertOne({ _id: event.id }, { session });
        },
      },
    });
    onTestFinished(() => consumer.stop());
    return { consumer, calls: () => calls };
  }

  async function idle(consumer: RunningConsumer, delivered: number): Promise<void> {
    await waitFor(
      async () => {
        const state = await consumer.state();
        const settled =
          state.deliveredSequence >= delivered && state.pending === 0 && state.ackPending === 0;
        if (!settled) throw new Error(`not settled: ${JSON.stringify(state)}`);
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
    expect((await consumer.state()).redelivered).toBe(0);
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
    const subject = bed.raw.subjectOf(event.type);
    await bed.raw.jetstream.publish(subject, JSON.stringify(event), { msgID: "another-id" });
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
    await bed.raw.manager.consumers.delete(bed.raw.streamName("shipments"), "billing");
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
    const subject = bed.raw.subjectOf("shipments.shipment.confirmed");
    const broken = { ...shipmentConfirmed(), data: { shipmentId: "s-1" } };
    await bed.raw.jetstream.publish(subject, JSON.stringify(broken));
    await bed.raw.jetstream.publish(subject, "not json");
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
