import { connectBus } from "@waybill/bus";
import type { EventData, EventType } from "@waybill/contracts";
import { createLogger } from "@waybill/observability";

/**
 * The data of every `type` event in its producer's stream so far, oldest first, read with
 * `Bus.read` as the gateway's subscriptions read it.
 */
export async function toldSoFar<T extends EventType>(
  natsUrl: string,
  type: T,
): Promise<EventData<T>[]> {
  const logger = createLogger("e2e-reader", "silent");
  const bus = await connectBus({
    servers: natsUrl,
    name: "e2e-reader",
    logger,
    connectTimeoutMs: 5_000,
  });
  try {
    const [stream = ""] = type.split(".");
    const reader = await bus.read({ stream, types: [type], start: { after: 0 }, until: "end" });
    const found: EventData<T>[] = [];
    for await (const entry of reader) {
      if ("invalid" in entry) throw new Error(`${type} at ${entry.sequence}: ${entry.invalid}`);
      found.push(entry.event.data as EventData<T>);
    }
    return found;
  } finally {
    await bus.close();
  }
}
