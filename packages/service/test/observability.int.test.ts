import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { applyOnce, enqueueEvent, recordException, startConsumer } from "@waybill/bus";
import {
  metricValue,
  parseMetrics,
  startTestNats,
  type TestNats,
  waitFor,
} from "@waybill/devtools";
import { trackCommits } from "@waybill/store";
import { busTestbed, newShipmentConfirmed, shipmentConfirmed } from "@waybill/devtools";
import { observeService } from "../src/observability.ts";
import { createRuntime } from "../src/runtime.ts";

describe("a service's metrics and readiness over a real broker and store", () => {
  let nats: TestNats;
  beforeAll(async () => {
    nats = await startTestNats();
  });
  afterAll(async () => {
    await nats?.stop();
  });

  it("counts handled and duplicate events, times handling, samples the outbox and exceptions", async () => {
    const bed = await busTestbed(nats);
    const store = trackCommits(bed.store);
    const { logger, bus } = bed;
    const observed = observeService({
      name: "billing",
      logger,
      store,
      bus,
      env: {},
      sampleIntervalMs: 100,
    });
    const effects = store.collection("effects");
    const runtime = createRuntime("billing", store, logger, () => {}, observed.metrics);
    const consumer = await startConsumer({
      ...bed,
      store,
      stream: "shipments",
      durable: "billing",
      work: runtime.unitOfWork,
      handlers: observed.instrument("shipments", "billing", {
        async "shipments.shipment.confirmed"(event, { session }) {
          await effects.insertOne({ _id: event.id }, { session });
        },
      }),
    });
    observed.watch("shipments", "billing", consumer);
    observed.start();
    onTestFinished(async () => {
      await observed.stop();
      await consumer.stop();
    });

    // One event the inbox has already seen (a redelivery after a crash), one new.
    const seen = shipmentConfirmed();
    await applyOnce(store, "billing", seen, () => Promise.resolve());
    await bus.publish(seen);
    await bus.publish(shipmentConfirmed());
    // Work waiting in the store: an unpublished outbox record and a parked event.
    await store.withTransaction((session) => enqueueEvent(store, session, newShipmentConfirmed()));
    await recordException(store, {
      _id: "billing:x",
      consumer: "billing",
      category: "conflict",
      error: "E11000 duplicate key",
      event: "{}",
      eventId: "x",
      type: "shipments.shipment.confirmed",
      stream: "SHIPMENTS",
      streamSeq: 3,
      attempts: 10,
    });

    const scrape = async () => parseMetrics((await observed.metrics.scrape()).body);
    const samples = await waitFor(
      async () => {
        const current = await scrape();
        const events = (outcome: string) =>
          metricValue(current, "waybill_consumer_events_total", { stream: "shipments", outcome });
        const sampled = metricValue(current, "waybill_outbox_backlog") === 1;
        return events("handled") === 1 && events("duplicate") === 1 && sampled && current;
      },
      { description: "one handled and one duplicate event, and a store sample" },
    );
    const labels = { service: "billing", stream: "shipments", consumer: "billing" };
    expect(metricValue(samples, "waybill_consumer_handling_latency_seconds_count", labels)).toBe(1);
    expect(metricValue(samples, "waybill_exceptions_open", { category: "conflict" })).toBe(1);
    expect(metricValue(samples, "waybill_exceptions_open", { category: "validation" })).toBe(0);
    expect(metricValue(samples, "waybill_exceptions_oldest_age_seconds")).toBeGreaterThanOrEqual(0);
    expect(samples.some((s) => s.name === "waybill_consumer_pending_messages")).toBe(true);
    expect(samples.some((s) => s.name === "waybill_consumer_last_pull_age_seconds")).toBe(true);
    expect(samples.some((s) => s.name === "nodejs_heap_size_used_bytes")).toBe(true);

    expect(await observed.readiness()).toEqual([]);
    await observed.stop();
    expect(await observed.readiness()).toContain("stopping");
  });
});
