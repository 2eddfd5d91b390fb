import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
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
import { RetryLaterError, startConsumer, type RunningConsumer } from "../src/index.ts";
import { applyAllOnce, INBOX } from "../src/inbox.ts";

describe("bus: events applied in batches", () => {
  let nats: TestNats;
  beforeAll(async () => {
    nats = await startTestNats();
  });
  afterAll(async () => {
    await nats?.stop();
  });

  /** Starts a consumer whose handler records, per applied event, the transaction it ran in. */
  async function consume(bed: BusTestbed, fail: (eventId: string, call: number) => void) {
    const calls = new Map<string, number>();
    const consumer = await startConsumer({
      ...bed,
      stream: "shipments",
      durable: "billing",
      work: (session: Session) => session,
      handlers: {
        async "shipments.shipment.confirmed"(event, session) {
          const call = (calls.get(event.id) ?? 0) + 1;
          calls.set(event.id, call);
          fail(event.id, call);
          const effect = { _id: event.id, transaction: session.transactionId };
          await bed.store.collection("effects").insertOne(effect, { session });
        },
      },
    });
    onTestFinished(() => consumer.stop());
    return { consumer, calls };
  }

  async function idle(consumer: RunningConsumer, delivered: number): Promise<void> {
    await waitFor(
      async () => {
        const state = await consumer.state();
        if (state.deliveredSequence < delivered || state.pending + state.ackPending > 0)
          throw new Error(`not settled: ${JSON.stringify(state)}`);
        return true;
      },
      { description: `consumer to settle after stream seq ${delivered}` },
    );
  }

  it("applies events waiting together in shared transactions, each once", async () => {
    const bed = await busTestbed(nats);
    const events = Array.from({ length: 30 }, () => shipmentConfirmed());
    await bed.bus.ensureStream("shipments");
    for (const event of events) await bed.bus.publish(event);
    // The same event again under another msg id, past the broker's duplicate window.
    const [first] = events;
    if (!first) throw new Error("no event");
    const subject = bed.raw.subjectOf(first.type);
    await bed.raw.jetstream.publish(subject, JSON.stringify(first), { msgID: "again" });
    const { consumer, calls } = await consume(bed, () => {});
    await idle(consumer, 31);
    const effects = await bed.store
      .collection<{ _id: string; transaction: string }>("effects")
      .find({});
    expect(effects.map((effect) => effect._id).sort()).toEqual(
      events.map((event) => event.id).sort(),
    );
    expect(new Set(effects.map((effect) => effect.transaction)).size).toBeLessThan(30);
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    expect(consumer.progress()).toMatchObject({ handled: 30, duplicate: 1 });
    expect(await count(bed.store, INBOX)).toBe(30);
  });

  it("applies the rest of a batch once when one of its events must wait", async () => {
    const bed = await busTestbed(nats);
    const events = Array.from({ length: 12 }, () => shipmentConfirmed());
    const late = events[5]?.id;
    await bed.bus.ensureStream("shipments");
    for (const event of events) await bed.bus.publish(event);
    const { consumer, calls } = await consume(bed, (eventId, call) => {
      if (eventId === late && call < 3) throw new RetryLaterError("order not known yet");
    });
    await idle(consumer, 12);
    expect(await count(bed.store, "effects")).toBe(12);
    expect(await count(bed.store, INBOX)).toBe(12);
    expect(calls.get(late ?? "")).toBe(3);
    expect(consumer.progress()).toMatchObject({ handled: 12, duplicate: 0 });
    expect(await consumer.state()).toMatchObject({ pending: 0, ackPending: 0 });
  });

  it("parses each delivered message once, even when its batch is rolled back and retried", async () => {
    const bed = await busTestbed(nats);
    const events = Array.from({ length: 10 }, () => shipmentConfirmed());
    const late = events[3]?.id ?? "";
    await bed.bus.ensureStream("shipments");
    for (const event of events) await bed.bus.publish(event);
    const parse = vi.spyOn(JSON, "parse");
    onTestFinished(() => parse.mockRestore());
    // Fails in its batch and again on its own, so the broker delivers it a second time.
    const { consumer, calls } = await consume(bed, (eventId, call) => {
      if (eventId === late && call < 3) throw new RetryLaterError("order not known yet");
    });
    await idle(consumer, 10);
    const parsedEnvelopes = parse.mock.calls.filter(
      ([text]) => typeof text === "string" && text.includes('"specversion"'),
    );
    // Ten first deliveries and one redelivery of the event that had to wait.
    expect(parsedEnvelopes).toHaveLength(11);
    expect(calls.get(late)).toBe(3);
    expect(await count(bed.store, "effects")).toBe(10);
  });

  it("leaves no inbox record of a batch whose effect failed", async () => {
    const bed = await busTestbed(nats);
    const events = [shipmentConfirmed(), shipmentConfirmed()];
    const failing = applyAllOnce(bed.store, "billing", events, async (event, session) => {
      await bed.store.collection("effects").insertOne({ _id: event.id }, { session });
      if (event === events[1]) throw new Error("second one fails");
    });
    await expect(failing).rejects.toThrow("second one fails");
    expect(await count(bed.store, INBOX)).toBe(0);
    expect(await count(bed.store, "effects")).toBe(0);
    const applied = await applyAllOnce(bed.store, "billing", [...events, ...events], () =>
      Promise.resolve(),
    );
    expect(applied).toEqual(["handled", "handled", "duplicate", "duplicate"]);
    expect(await applyAllOnce(bed.store, "billing", events, () => Promise.resolve())).toEqual([
      "duplicate",
      "duplicate",
    ]);
  });
});
