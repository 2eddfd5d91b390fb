import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@waybill/devtools";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem();
});

afterAll(async () => {
  await system?.dispose();
});

type Probe = { status: number; body: { status: string; notReady?: string[] } };

async function probe(graphqlUrl: string, path: "/readyz" | "/healthz"): Promise<Probe> {
  const response = await fetch(new URL(path, graphqlUrl));
  return { status: response.status, body: (await response.json()) as Probe["body"] };
}

describe("readiness follows the dependencies", () => {
  it("goes not ready on every service and the gateway while NATS is down, and ready again after", async () => {
    const nats = system.nats;
    if (!nats) throw new Error("the test system runs its own nats-server");
    const services = Object.values(system.services);
    for (const service of services) expect((await probe(service.url, "/readyz")).status).toBe(200);
    expect(await probe(system.gatewayUrl, "/readyz")).toEqual({
      status: 200,
      body: { status: "ready" },
    });

    await nats.stop();
    for (const service of services) {
      const down = await waitFor(
        async () => {
          const answer = await probe(service.url, "/readyz");
          return answer.status === 503 && answer;
        },
        { description: `${service.name} to report NATS not ready` },
      );
      expect(down.body.notReady).toContain("nats");
      // Alive all the same: nothing to restart, the client reconnects by itself.
      expect((await probe(service.url, "/healthz")).status).toBe(200);
    }
    const gateway = await probe(system.gatewayUrl, "/readyz");
    expect(gateway.status).toBe(503);
    expect(gateway.body.notReady).toEqual(
      expect.arrayContaining(["orders:nats", "shipments:nats", "billing:nats"]),
    );

    await nats.restart();
    await waitFor(async () => (await probe(system.gatewayUrl, "/readyz")).status === 200, {
      description: "the gateway and every subgraph to be ready again",
      timeoutMs: 60_000,
    });
    for (const service of services) expect((await probe(service.url, "/readyz")).status).toBe(200);
  });
});
