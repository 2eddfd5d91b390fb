import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import {
  busTestbed,
  count,
  milestoneRecorded,
  shipmentConfirmed,
  startTestNats,
  waitFor,
  type TestNats,
} from "@waybill/devtools";
import type { Session } from "@waybill/store";
import {
  enqueueEvent,
  startConsumer,
  startOutboxRelay,
  type ConsumedEvent,
  type EventHandlers,
} from "../src/index.ts";

const asSession = (session: Session) => session;

describe("bus: consumers in a service's flow", () => {
  let nats: TestNats;
  beforeAll(async () => {
    nats = await startTestNats();
  });
  afterAll(async () => {
    await nats?.stop();
  });

  it("publishes follow-up events written in the handler's transaction, with the same correlation id", async () => {
    const bed = await busTestbed(nats);
    await bed.bus.ensureStream("billing");
    const relay = startOutboxRelay({ ...bed, pollIntervalMs: 60_000 });
    onTestFinished(() => relay.stop());
    const consumer = await startConsumer({
      ...bed,
      stream: "shipments",
      durable: "billing",
      work: asSession,
      onCommitted: () => relay.notify(),
      handlers: {
        async "shipments.shipment.confirmed"(event, session) {
          await enqueueEvent(bed.store, session, {
            type: "billing.invoice.issued",
            subject: `inv-${event.data.shipmentId}`,
            source: "/waybill/billing",
            data: {
              invoiceId: `inv-${event.data.shipmentId}`,
              number: "INV-1",
              orderId: event.data.orderId,
              shipmentId: event.data.shipmentId,
              customerId: "c-1",
              lines: event.data.lines.map(({ lineId, quantity }) => ({ lineId, quantity })),
              total: { amount: 1000, currency: "EUR" },
              issuedAt: new Date().toISOString(),
              touchless: true,
              status: "ISSUED",
              activeHolds: [],
              revision: 1,
            },
          });
        },
      },
    });
    onTestFinished(() => consumer.stop());
    const confirmed = shipmentConfirmed("s-9");
    await bed.bus.publish(confirmed);
    const billingStream = bed.raw.streamName("billing");
    const issued = await waitFor(
      () =>
        bed.raw.manager.streams
          .getMessage(billingStream, { seq: 1 })
          .then((stored) => stored?.json<ConsumedEvent<"billing.invoice.issued">>()),
      { description: "billing.invoice.issued on the billing stream" },
    );
    expect(issued).toMatchObject({ subject: "inv-s-9", correlationid: confirmed.correlationid });
  });

  it("handles several types of one stream and skips the types it does not know", async () => {
    const bed = await busTestbed(nats);
    const seen: string[] = [];
    const consumer = await startConsumer({
      ...bed,
      stream: "shipments",
      durable: "orders",
      work: asSession,
      handlers: {
        "shipments.shipment.confirmed": (event) => Promise.resolve(void seen.push(event.type)),
        "shipments.milestone.recorded": (event) => Promise.resolve(void seen.push(event.data.type)),
      },
    });
    onTestFinished(() => consumer.stop());
    await bed.bus.publish(shipmentConfirmed());
    await bed.raw.jetstream.publish(bed.raw.subjectOf("shipments.parcel.lost"), "{}");
    await bed.bus.publish(milestoneRecorded("DELIVERED"));
    await consumer.waitIdle();
    expect((await consumer.state()).deliveredSequence).toBe(3);
    expect(seen).toEqual(["shipments.shipment.confirmed", "DELIVERED"]);
    expect(consumer.progress()).toMatchObject({ handled: 2, skipped: 1 });
  });

  it("reconfigures the durable consumer when the handled types change", async () => {
    const bed = await busTestbed(nats);
    const options = { ...bed, stream: "shipments", durable: "orders", work: asSession };
    const ignore = () => Promise.resolve();
    const narrow = await startConsumer({
      ...options,
      handlers: { "shipments.shipment.confirmed": ignore },
    });
    expect((await narrow.state()).filterSubject).toBe(
      bed.raw.subjectOf("shipments.shipment.confirmed"),
    );
    await narrow.stop();
    const handlers: EventHandlers<Session> = {
      "shipments.shipment.confirmed": ignore,
      "shipments.milestone.recorded": ignore,
    };
    const wide = await startConsumer({ ...options, handlers });
    onTestFinished(() => wide.stop());
    expect((await wide.state()).filterSubject).toBe(`${bed.raw.subjectOf("shipments")}.>`);
  });

  it("finishes the event in flight when stopped", async () => {
    const bed = await busTestbed(nats);
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const consumer = await startConsumer({
      ...bed,
      stream: "shipments",
      durable: "billing",
      work: asSession,
      handlers: {
        async "shipments.shipment.confirmed"(event, session) {
          started = true;
          await released;
          await bed.store.collection("effects").insertOne({ _id: event.id }, { session });
        },
      },
    });
    await bed.bus.publish(shipmentConfirmed());
    await waitFor(() => started, { description: "the handler to start" });
    let stopped = false;
    const stopping = consumer.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await count(bed.store, "effects")).toBe(1);
    await consumer.waitIdle();
  });

  it("goes on consuming after the broker crashes and restarts, without applying an event twice", async () => {
    const bed = await busTestbed(nats);
    const consumer = await startConsumer({
      ...bed,
      stream: "shipments",
      durable: "billing",
      work: asSession,
      delivery: { ...bed.delivery, ackWaitMs: 2_000 },
      handlers: {
        async "shipments.shipment.confirmed"(event, session) {
          await bed.store.collection("effects").insertOne({ _id: event.id }, { session });
        },
      },
    });
    onTestFinished(() => consumer.stop());
    await bed.bus.publish(shipmentConfirmed());
    await waitFor(async () => (await count(bed.store, "effects")) === 1, {
      description: "first effect",
    });
    // kill -9 may lose the ack just sent: the broker then delivers the first event again.
    await nats.server.kill();
    await nats.server.restart();
    await bed.bus.publish(shipmentConfirmed());
    await waitFor(async () => (await count(bed.store, "effects")) === 2, {
      description: "second effect",
    });
    await consumer.waitIdle();
    expect(await count(bed.store, "effects")).toBe(2);
  });
});
