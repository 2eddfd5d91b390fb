import { connect } from "@nats-io/transport-node";
import { jetstreamManager } from "@nats-io/jetstream";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@waybill/devtools";
import { CREATE_PRODUCT } from "../documents/inventory.ts";
import { execute } from "../support/graphql.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";
import { createCustomers, orderJourney, type DriverFigures } from "./driver.ts";
import { checkInvariants } from "./invariants.ts";

/** Orders to drive; every other order ships in two parts. FAULT_ORDERS=3400 gives about 5,000 shipments. */
const ORDERS = Number(process.env.FAULT_ORDERS ?? 400);
const WORKERS = 8;
const SKUS = ["F-MUG", "F-TEE", "F-CAP", "F-BAG", "F-PEN"];
const SERVICES = ["orders", "shipments", "inventory", "billing", "returns"] as const;

let system: TestSystem;

beforeAll(async () => {
  // Short redelivery so a killed consumer's message comes back in seconds; many deliveries so
  // nothing is parked merely because its service was down for a while.
  system = await startTestSystem({
    CONSUMER_ACK_WAIT_MS: "3000",
    CONSUMER_BACKOFF_MS: "200,500,1000",
    CONSUMER_MAX_DELIVER: "200",
    // The driver stamps milestones up to two hours ahead of now to order them: allow that lead.
    CLOCK_SKEW_SECONDS: "86400",
    LOG_LEVEL: "warn",
  });
  for (const sku of SKUS)
    await execute(system.gatewayUrl, CREATE_PRODUCT, {
      sku,
      name: sku,
      warehouse: "AMS1",
      quantity: ORDERS * 20,
    });
});

afterAll(async () => {
  await system?.dispose();
});

/** Waits until every durable consumer has nothing pending and nothing unacknowledged. */
async function drained(natsUrl: string): Promise<void> {
  const connection = await connect({ servers: natsUrl });
  try {
    const manager = await jetstreamManager(connection);
    await waitFor(
      async () => {
        for await (const stream of manager.streams.list()) {
          for await (const consumer of manager.consumers.list(stream.config.name)) {
            if (consumer.num_pending > 0 || consumer.num_ack_pending > 0) return false;
          }
        }
        return true;
      },
      { description: "every consumer to drain", timeoutMs: 300_000, intervalMs: 500 },
    );
  } finally {
    await connection.close();
  }
}

describe("fault injection", () => {
  it("loses and duplicates nothing while services are killed, the broker restarts and a consumer stalls", async () => {
    const gateway = system.gatewayUrl;
    const figures: DriverFigures = {
      orders: 0,
      shipments: 0,
      milestones: 0,
      duplicateMilestones: 0,
      lateMilestones: 0,
      retriedRequests: 0,
      returns: 0,
      returnsBeforeInvoice: 0,
      carrierCharges: 0,
    };
    const faults = { kills: 0, brokerRestarts: 0, pauses: 0 };
    const customers = await createCustomers(gateway, figures, Date.now().toString(36));
    let next = 0;
    let driving = true;

    const traffic = Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (next < ORDERS) {
          const index = next++;
          const customer = customers[index % customers.length] ?? { id: "" };
          await orderJourney(
            gateway,
            figures,
            customer,
            `F-${index}`,
            SKUS.slice(0, 1 + (index % SKUS.length)),
            index,
          );
        }
      }),
    ).finally(() => {
      driving = false;
    });

    const chaos = (async () => {
      // Round after round while traffic flows: kill -9 each service in turn, restart the broker,
      // freeze billing for a while (a slow consumer).
      for (let round = 0; driving; round++) {
        for (const name of SERVICES) {
          if (!driving && round > 0) break;
          await sleep(1_500);
          await system.services[name].kill();
          faults.kills += 1;
          await sleep(500);
          await system.services[name].start();
        }
        await sleep(1_000);
        await system.nats?.restart();
        faults.brokerRestarts += 1;
        await sleep(1_000);
        system.services.billing.pause();
        faults.pauses += 1;
        await sleep(3_000);
        system.services.billing.resume();
      }
    })();

    await Promise.all([traffic, chaos]);
    await drained(system.natsUrl);
    // The relays publish what the last transactions committed; then consumers apply it.
    await sleep(2_000);
    await drained(system.natsUrl);
    await system.stop();

    const report = await checkInvariants(system.dataDir);
    const summary = {
      ...figures,
      ...faults,
      ...report.figures,
      anomalies: report.anomalies.length,
    };
    console.log(`fault injection: ${JSON.stringify(summary)}`);
    expect(report.anomalies).toEqual([]);
    expect(report.figures.shipments).toBe(figures.shipments);
    expect(faults.kills).toBeGreaterThanOrEqual(SERVICES.length);
    expect(faults.brokerRestarts).toBeGreaterThanOrEqual(1);
  });
});
