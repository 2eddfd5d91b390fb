import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import {
  busTestbed,
  milestoneRecorded,
  shipmentConfirmed,
  startTestNats,
  waitFor,
  type TestNats,
} from "@waybill/devtools";
import type { StreamEntry } from "../src/index.ts";
import type { StreamReader } from "../src/reader.ts";

/** What a reader yields, as `[sequence, event type or "invalid"]`, until it has `count`. */
async function collect(reader: StreamReader, count: number): Promise<[number, string][]> {
  const seen: [number, string][] = [];
  for await (const entry of reader) {
    seen.push([entry.sequence, "event" in entry ? entry.event.type : "invalid"]);
    if (seen.length === count) break;
  }
  return seen;
}

const idOf = (entry: StreamEntry | undefined) =>
  entry && "event" in entry ? entry.event.id : undefined;

describe("bus: reading a stream from a position", () => {
  let nats: TestNats;
  beforeAll(async () => {
    nats = await startTestNats();
  });
  afterAll(async () => {
    await nats?.stop();
  });

  it("reads to the end from after a cursor, in order, only the types asked for", async () => {
    const { bus } = await busTestbed(nats);
    await bus.ensureStream("shipments");
    const events = [
      shipmentConfirmed(),
      milestoneRecorded("IN_TRANSIT"),
      shipmentConfirmed(),
      milestoneRecorded("DELIVERED"),
    ];
    for (const event of events) await bus.publish(event);
    const reader = await bus.read({
      stream: "shipments",
      types: ["shipments.milestone.recorded"],
      start: { after: 1 },
      until: "end",
    });
    const entries: StreamEntry[] = [];
    for await (const entry of reader) entries.push(entry);
    expect(entries.map((entry) => entry.sequence)).toEqual([2, 4]);
    expect(entries.map(idOf)).toEqual([events[1]?.id, events[3]?.id]);
  });

  it("yields a message that is no valid event as invalid, with its sequence", async () => {
    const { bus, raw } = await busTestbed(nats);
    await bus.ensureStream("shipments");
    await bus.publish(shipmentConfirmed());
    await raw.jetstream.publish(raw.subjectOf("shipments.shipment.confirmed"), "not json");
    await bus.publish(shipmentConfirmed());
    const reader = await bus.read({
      stream: "shipments",
      types: ["shipments.shipment.confirmed"],
      start: { after: 0 },
      until: "end",
    });
    expect(await collect(reader, 3)).toEqual([
      [1, "shipments.shipment.confirmed"],
      [2, "invalid"],
      [3, "shipments.shipment.confirmed"],
    ]);
  });

  it("follows new events live, and close() ends a read that is waiting", async () => {
    const { bus } = await busTestbed(nats);
    await bus.ensureStream("shipments");
    await bus.publish(shipmentConfirmed());
    const reader = await bus.read({
      stream: "shipments",
      types: ["shipments.shipment.confirmed"],
      start: "new",
      until: "closed",
    });
    onTestFinished(() => reader.close());
    const next = reader.next();
    const later = shipmentConfirmed();
    await waitFor(async () => (await bus.publish(later)).seq === 2, { description: "publish" });
    const step = await next;
    expect(step.done ? undefined : idOf(step.value)).toBe(later.id);
    const waiting = reader.next();
    await reader.close();
    expect(await waiting).toMatchObject({ done: true });
  });

  it("refuses a start before the first sequence and event types of another stream", async () => {
    const { bus } = await busTestbed(nats);
    await bus.ensureStream("shipments");
    const read = (options: Partial<Parameters<typeof bus.read>[0]>) =>
      bus.read({
        stream: "shipments",
        types: ["shipments.shipment.confirmed"],
        start: "new",
        until: "end",
        ...options,
      });
    await expect(read({ start: { after: -1 } })).rejects.toThrow(/sequence of 0 or more/);
    await expect(read({ types: ["billing.invoice.issued"] })).rejects.toThrow(
      /known event types of shipments/,
    );
  });
});
