import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { freePort } from "@waybill/devtools";
import { boundPort, closeServer, listen } from "@waybill/http";
import { describe, expect, it, onTestFinished } from "vitest";
import { gatewayConfig } from "../src/config.ts";
import { readinessRoute } from "../src/probes.ts";

/** A stand-in subgraph whose /readyz answers `status` with `notReady`. */
async function subgraph(status: number, notReady: string[] = []): Promise<string> {
  const server = createServer((req, res) => {
    res.writeHead(req.url === "/readyz" ? status : 404, { "content-type": "application/json" });
    res.end(
      JSON.stringify(status === 200 ? { status: "ready" } : { status: "not ready", notReady }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

async function gatewayReadiness(env: NodeJS.ProcessEnv) {
  const config = gatewayConfig({ INTERNAL_SIGNING_KEY: "k".repeat(32), ...env });
  const server = await listen(readinessRoute(config), 0, "127.0.0.1");
  onTestFinished(() => closeServer(server));
  const response = await fetch(`http://127.0.0.1:${boundPort(server)}/readyz`);
  return { status: response.status, body: (await response.json()) as unknown };
}

describe("gateway readiness", () => {
  it("is ready when every subgraph is", async () => {
    const ready = await subgraph(200);
    const env = Object.fromEntries(
      ["ORDERS", "SHIPMENTS", "INVENTORY", "BILLING", "RETURNS", "INTEGRATIONS"].map((name) => [
        `SUBGRAPH_${name}_URL`,
        ready,
      ]),
    );
    expect(await gatewayReadiness(env)).toEqual({ status: 200, body: { status: "ready" } });
  });

  it("names each subgraph that is not ready, with its reasons, or that does not answer", async () => {
    const ready = await subgraph(200);
    const closed = `http://127.0.0.1:${await freePort()}/graphql`;
    const env = {
      SUBGRAPH_ORDERS_URL: ready,
      SUBGRAPH_SHIPMENTS_URL: ready,
      SUBGRAPH_INVENTORY_URL: ready,
      SUBGRAPH_BILLING_URL: await subgraph(503, ["nats", "consumer:shipments"]),
      SUBGRAPH_RETURNS_URL: closed,
      SUBGRAPH_INTEGRATIONS_URL: ready,
    };
    expect(await gatewayReadiness(env)).toEqual({
      status: 503,
      body: {
        status: "not ready",
        notReady: ["billing:nats", "billing:consumer:shipments", "returns:unreachable"],
      },
    });
  });
});
