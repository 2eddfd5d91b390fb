import { pino } from "pino";
import { onTestFinished } from "vitest";
import { connectBus, type Bus } from "@waybill/bus";
import { openTestStore } from "./store.ts";
import { uniqueName } from "./wait.ts";
import type { TestNats } from "./nats.ts";
import type { Logger } from "@waybill/observability";
import type { Doc, Store } from "@waybill/store";

/** A logger that keeps its lines in memory, so tests can wait for what a component reported. */
export function capturingLogger(): { logger: Logger; lines: { level: number; msg: string }[] } {
  const lines: { level: number; msg: string }[] = [];
  const destination = {
    write(line: string) {
      lines.push(JSON.parse(line) as { level: number; msg: string });
    },
  };
  return { logger: pino({ level: "debug" }, destination), lines };
}

export interface BusTestbed {
  bus: Bus;
  store: Store;
  logger: Logger;
  lines: { level: number; msg: string }[];
}

/** A bus in a fresh namespace and a fresh store, both closed when the current test ends. */
export async function busTestbed(nats: TestNats): Promise<BusTestbed> {
  const { logger, lines } = capturingLogger();
  const namespace = uniqueName();
  const bus = await connectBus({ servers: nats.url, name: namespace, logger, namespace });
  const testStore = await openTestStore(namespace);
  onTestFinished(async () => {
    await bus.close();
    await testStore.close();
  });
  return { bus, store: testStore.store, logger, lines };
}

/** Counts documents of a collection. */
export function count(store: Store, collection: string, filter: Record<string, unknown> = {}) {
  return store.collection<Doc>(collection).countDocuments(filter);
}
